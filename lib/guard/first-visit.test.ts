import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { firstTimeAt, firstVisitItem, seenSites, siteKey } from './first-visit.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('first-visit memory', () => {
  it('is true once per site, and remembers when', async () => {
    expect(await firstTimeAt('claude', 1000)).toBe(true);
    expect(await firstTimeAt('claude', 2000)).toBe(false);
    expect(await firstTimeAt('zendesk', 3000)).toBe(true);
    expect(await firstVisitItem.getValue()).toEqual({ claude: 1000, zendesk: 3000 });
  });

  it('keys sites by catalogue id, so every host of a product counts as one site', () => {
    expect(siteKey('https://acme.zendesk.com/agent/tickets/1')).toBe('zendesk');
    expect(siteKey('https://other.zendesk.com/')).toBe('zendesk');
    expect(siteKey('https://chat.openai.com/')).toBe(siteKey('https://chatgpt.com/'));
    expect(siteKey('https://intranet.example.test/chat')).toBe('intranet.example.test');
  });

  it('reads a damaged value as nothing seen, keeping the well-formed entries', async () => {
    expect(seenSites(null)).toEqual({});
    expect(seenSites(['claude'])).toEqual({});
    expect(seenSites({ claude: 5, bad: 'x', worse: Number.NaN })).toEqual({ claude: 5 });
    await fakeBrowser.storage.local.set({ firstVisitShown: 'garbage' });
    expect(await firstTimeAt('claude', 1)).toBe(true);
    expect(await firstVisitItem.getValue()).toEqual({ claude: 1 });
  });
});
