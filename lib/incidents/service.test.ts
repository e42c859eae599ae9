import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scan } from '@/rules/index.ts';
import type { GuardEvent } from '@/lib/guard/context.ts';
import { createVisitCounter, HOST_UNKNOWN, localDay } from '@/lib/visits.ts';
import { guardedFrameOf } from './sender.ts';
import { createIncidentService, scrubReason } from './service.ts';
import { openIncidentStore, storeOpener, type IncidentStore } from './store.ts';
import { createTabSummaries, parseTabSummaries } from './summary.ts';
import type { ValueCell } from './cell.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const NOW = new Date(2026, 10, 2, 10, 0).getTime();
let dbs = 0;
let stores: IncidentStore[] = [];

function memoryCell(initial: unknown = undefined): ValueCell<unknown> & { value: unknown } {
  const cell = {
    value: initial,
    getValue: async () => cell.value,
    setValue: async (v: unknown) => {
      cell.value = structuredClone(v);
    },
  };
  return cell;
}

function setup(keepReason = true) {
  const name = `service-test-${++dbs}`;
  let ids = 0;
  const warnings: string[] = [];
  let recorded = 0;
  const summaryCell = memoryCell();
  const visitCell = memoryCell();
  const visits = createVisitCounter(visitCell);
  const service = createIncidentService({
    store: storeOpener(async () => {
      const s = await openIncidentStore({ name });
      stores.push(s);
      return s;
    }),
    summaries: createTabSummaries(summaryCell),
    visits,
    scan,
    now: () => NOW,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    extensionVersion: '0.1.0',
    policyVersion: () => 7,
    keepReason: () => keepReason,
    onRecorded: () => recorded++,
    warn: (m) => warnings.push(m),
  });
  const frameAt = (url: string, tabId = 5, frameId = 0, documentId?: string) =>
    guardedFrameOf({ id: ID, url, tab: { id: tabId }, frameId, documentId }, ID)!;
  return {
    service,
    name,
    summaryCell,
    visitCell,
    visits,
    warnings,
    frameAt,
    recorded: () => recorded,
  };
}

afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

const masked: GuardEvent = {
  channel: 'paste',
  action: 'mask',
  outcome: 'masked',
  counts: { EMAIL: 1, CREDIT_CARD: 1 },
};

describe('incident service', () => {
  it('turns a report into a pending record with the sender’s site, and adds it to the tab', async () => {
    const { service, name, frameAt, recorded } = setup();
    const frame = frameAt('https://chatgpt.com/c/9');
    await service.pageStarted({ pageId: 'page-0001', restored: false }, frame);
    const record = await service.report(masked, frame);
    expect(record).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      time: NOW,
      siteId: 'chatgpt',
      host: 'chatgpt.com',
      pageClass: 'unapproved-ai',
      channel: 'paste',
      action: 'mask',
      outcome: 'masked',
      counts: { EMAIL: 1, CREDIT_CARD: 1 },
      state: 'pending',
      sentAt: null,
      extensionVersion: '0.1.0',
      policyVersion: 7,
    });
    const store = await openIncidentStore({ name });
    stores.push(store);
    expect(await store.pending()).toEqual([record]);
    expect(recorded()).toBe(1);
  });

  it('keeps no reason at all when the telemetry level is counts only', async () => {
    const { service, name, frameAt } = setup(false);
    const record = await service.report(
      { channel: 'send', action: 'warn', outcome: 'overridden', counts: {}, reason: 'Needed it' },
      frameAt('https://chatgpt.com/'),
    );
    expect(record).not.toHaveProperty('reason');
    const store = await openIncidentStore({ name });
    stores.push(store);
    expect((await store.get(record.id))?.reason).toBeUndefined();
  });

  it('masks the override reason again before keeping it', async () => {
    const { service, frameAt } = setup();
    const record = await service.report(
      {
        channel: 'send',
        action: 'warn',
        outcome: 'overridden',
        counts: { US_SSN: 1 },
        reason: 'Customer jane.roe@mailbox-example.net confirmed by phone',
      },
      frameAt('https://acme.zendesk.com/agent/tickets/4'),
    );
    expect(record.reason).toBe('Customer [REDACTED] confirmed by phone');
    expect(JSON.stringify(record)).not.toContain('mailbox-example');
    expect(scrubReason('y'.repeat(600), scan)).toHaveLength(500);
  });

  it('keeps per-tab counts per outcome, starting over with each new page', async () => {
    const { service, summaryCell, frameAt } = setup();
    const frame = frameAt('https://claude.ai/new', 8);
    await service.pageStarted({ pageId: 'page-0001', restored: false }, frame);
    // Reports arrive together: none may be lost to an interleaved update.
    await Promise.all(Array.from({ length: 12 }, () => service.report(masked, frame)));
    await service.report(
      { ...masked, outcome: 'blocked', action: 'block', counts: { API_KEY: 1 } },
      frame,
    );
    let summary = parseTabSummaries(summaryCell.value)['8']!;
    expect(summary).toMatchObject({
      pageId: 'page-0001',
      siteId: 'claude',
      siteName: 'Claude',
      pageClass: 'unapproved-ai',
      decisions: 13,
      outcomes: { masked: { EMAIL: 12, CREDIT_CARD: 12 }, blocked: { API_KEY: 1 } },
    });
    await service.pageStarted({ pageId: 'page-0002', restored: false }, frame);
    summary = parseTabSummaries(summaryCell.value)['8']!;
    expect(summary).toMatchObject({ pageId: 'page-0002', decisions: 0, outcomes: {} });
    await service.tabClosed(8);
    expect(parseTabSummaries(summaryCell.value)).toEqual({});
  });

  it('counts one visit per AI page load: not support tools, not pages back from the cache, not twice', async () => {
    const { service, visits, frameAt } = setup();
    const day = localDay(NOW);
    await service.pageStarted(
      { pageId: 'page-0001', restored: false },
      frameAt('https://chatgpt.com/', 1, 0, 'doc-1'),
    );
    await service.pageStarted(
      { pageId: 'page-0001', restored: false },
      frameAt('https://chatgpt.com/', 1, 0, 'doc-1'),
    );
    await service.pageStarted(
      { pageId: 'page-0002', restored: false },
      frameAt('https://chatgpt.com/c/2', 1, 0, 'doc-2'),
    );
    await service.pageStarted(
      { pageId: 'page-0002', restored: true },
      frameAt('https://chatgpt.com/c/2', 1, 0, 'doc-2b'),
    );
    await service.pageStarted(
      { pageId: 'page-0003', restored: false },
      frameAt('https://gemini.google.com/app', 2),
    );
    await service.pageStarted(
      { pageId: 'page-0004', restored: false },
      frameAt('https://acme.zendesk.com/agent', 3),
    );
    // ChatGPT's other host is counted under that host: the inventory shows the one agents use.
    await service.pageStarted(
      { pageId: 'page-0005', restored: false },
      frameAt('https://chat.openai.com/c/3', 4, 0, 'doc-5'),
    );
    expect(await visits.read(NOW)).toEqual({
      [day]: {
        chatgpt: { 'chatgpt.com': 2, 'chat.openai.com': 1 },
        gemini: { 'gemini.google.com': 1 },
      },
    });
  });

  it('counts a host no catalogue pattern names exactly as unknown, unless the policy names it', async () => {
    const { frameAt, summaryCell } = setup();
    let policyPatterns: string[] = [];
    const visits = createVisitCounter(memoryCell());
    const service = createIncidentService({
      store: async () => {
        throw new Error('no incident is reported here');
      },
      summaries: createTabSummaries(summaryCell),
      visits,
      scan,
      now: () => NOW,
      newId: () => crypto.randomUUID(),
      extensionVersion: '0.1.0',
      policyPatterns: () => policyPatterns,
    });
    // A catalogue AI site reached on a host only a wildcard would match (the catalogue has no such
    // AI pattern today; a subdomain may carry a company's name, so it is never kept by itself).
    const frame = { ...frameAt('https://chatgpt.com/', 6), host: 'acme-proxy.chatgpt.example' };
    await service.pageStarted({ pageId: 'page-0001', restored: false }, frame);
    policyPatterns = ['acme-proxy.chatgpt.example/chat'];
    await service.pageStarted({ pageId: 'page-0002', restored: false }, frame);
    expect(await visits.read(NOW)).toEqual({
      [localDay(NOW)]: { chatgpt: { [HOST_UNKNOWN]: 1, 'acme-proxy.chatgpt.example': 1 } },
    });
  });

  it('still updates the tab when the database cannot be opened, and says why without data', async () => {
    const { frameAt, summaryCell } = setup();
    const warnings: string[] = [];
    const service = createIncidentService({
      store: () => openIncidentStore({ name: 'x', migrations: [] }),
      summaries: createTabSummaries(summaryCell),
      visits: createVisitCounter(memoryCell()),
      scan,
      now: () => NOW,
      newId: () => crypto.randomUUID(),
      extensionVersion: '0.1.0',
      warn: (m) => warnings.push(m),
    });
    await expect(service.report(masked, frameAt('https://chatgpt.com/'))).rejects.toThrow();
    expect(parseTabSummaries(summaryCell.value)['5']?.decisions).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Hush: incident not stored/);
  });
});

describe('tab summaries in storage.session (the WXT item)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('survive a new service worker (a new summaries object over the same storage)', async () => {
    const frame = guardedFrameOf(
      { id: ID, url: 'https://chatgpt.com/', tab: { id: 4 }, frameId: 0 },
      ID,
    )!;
    await createTabSummaries().startPage(frame, 'page-0001', NOW);
    await createTabSummaries().record(frame, masked, NOW);
    expect(await createTabSummaries().get(4)).toMatchObject({
      pageId: 'page-0001',
      decisions: 1,
      outcomes: { masked: { EMAIL: 1, CREDIT_CARD: 1 } },
    });
    expect(await fakeBrowser.storage.session.get('tabSummaries')).toHaveProperty('tabSummaries');
  });

  it('drop damaged entries on read and keep the rest', () => {
    expect(
      parseTabSummaries({
        '1': {
          pageId: 'p',
          siteId: null,
          siteName: null,
          host: 'h',
          pageClass: 'support-tool',
          since: 1,
          outcomes: {},
          decisions: 0,
        },
        '2': { pageId: 'p', pageClass: 'nope' },
        x: {},
        '3': {
          pageId: 'p',
          siteId: null,
          siteName: null,
          host: 'h',
          pageClass: 'support-tool',
          since: 1,
          outcomes: { masked: { EMAIL: -1 } },
          decisions: 1,
        },
      }),
    ).toEqual({
      '1': {
        pageId: 'p',
        siteId: null,
        siteName: null,
        host: 'h',
        pageClass: 'support-tool',
        since: 1,
        outcomes: {},
        decisions: 0,
      },
    });
  });
});
