import { describe, expect, it } from 'vitest';
import type { TabSummary } from '@/lib/incidents/summary.ts';
import { loadPopupState, type PopupDeps } from './state.ts';

const summary: TabSummary = {
  pageId: 'page-a',
  siteId: 'chatgpt',
  siteName: 'ChatGPT',
  host: 'chatgpt.com',
  pageClass: 'unapproved-ai',
  since: 1,
  outcomes: { masked: { EMAIL: 2 } },
  decisions: 1,
};

function deps(over: Partial<PopupDeps>): PopupDeps {
  return {
    tabUrl: async () => undefined,
    whichPage: async () => null,
    summary: async () => null,
    ...over,
  };
}

describe('loadPopupState', () => {
  it('shows the summary of the page the tab shows now, classified from the guard’s answer', async () => {
    const state = await loadPopupState(
      deps({
        whichPage: async () => ({ pageId: 'page-a', address: 'https://chatgpt.com/c/1' }),
        summary: async () => summary,
      }),
    );
    expect(state).toEqual({
      siteName: 'ChatGPT',
      host: 'chatgpt.com',
      pageClass: 'unapproved-ai',
      needsReload: false,
      outcomes: { masked: { EMAIL: 2 } },
      decisions: 1,
      recent: [],
    });
  });

  it('never shows the summary of a page the tab has left', async () => {
    const state = await loadPopupState(
      deps({
        whichPage: async () => ({ pageId: 'page-b', address: 'https://chatgpt.com/' }),
        summary: async () => summary,
      }),
    );
    expect(state).toMatchObject({ pageClass: 'unapproved-ai', outcomes: {}, decisions: 0 });
  });

  it('says "not guarded" where no guard answers, and "reload" for a guarded site opened before install', async () => {
    const unguarded = await loadPopupState(
      deps({
        tabUrl: async () => 'https://example.org/x',
        whichPage: () => Promise.reject(new Error('Receiving end does not exist')),
        summary: async () => summary,
      }),
    );
    expect(unguarded).toMatchObject({ host: 'example.org', pageClass: null, decisions: 0 });
    const stale = await loadPopupState(deps({ tabUrl: async () => 'https://claude.ai/new' }));
    expect(stale).toMatchObject({
      siteName: 'Claude',
      pageClass: 'unapproved-ai',
      needsReload: true,
    });
    const unknown = await loadPopupState(deps({}));
    expect(unknown).toMatchObject({ siteName: null, host: null, pageClass: null });
  });
});
