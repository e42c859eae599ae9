// "This was not sensitive" (issue 4) from the guard's report to the queue: the detector ids a
// report may carry, their check against the registry, the tab summary's recent decisions, the
// popup's message (extension pages only, once per decision and detector) and the bounded
// IndexedDB queue (fake-indexeddb). The real backend is in lib/sync/false-alarm-upload.backend.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DETECTORS, scan } from '@/rules/index.ts';
import { handleMessage, type Deps } from '@/lib/messages.ts';
import type { ValueCell } from './cell.ts';
import {
  createFalseAlarmService,
  falseAlarmStoreOpener,
  openFalseAlarmStore,
  parseFalseAlarm,
  type FalseAlarmStore,
} from './false-alarms.ts';
import { parseGuardEvent } from './record.ts';
import { guardedFrameOf } from './sender.ts';
import { createIncidentService } from './service.ts';
import { openIncidentStore, storeOpener, type IncidentStore } from './store.ts';
import { createTabSummaries, parseTabSummary, RECENT_MAX } from './summary.ts';
import { createVisitCounter } from '@/lib/visits.ts';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const NOW = Date.UTC(2026, 10, 28, 12, 34, 56, 789);
let dbs = 0;
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function memoryCell(): ValueCell<unknown> & { value: unknown } {
  const cell = {
    value: undefined as unknown,
    getValue: async () => cell.value,
    setValue: async (v: unknown) => {
      cell.value = structuredClone(v);
    },
  };
  return cell;
}

function setup() {
  const n = ++dbs;
  const summaryCell = memoryCell();
  const summaries = createTabSummaries(summaryCell);
  let queued = 0;
  const falseAlarmStore = falseAlarmStoreOpener({ name: `false-alarms-${n}` });
  const incidents = createIncidentService({
    store: storeOpener(async () => {
      const s: IncidentStore = await openIncidentStore({ name: `fa-incidents-${n}` });
      opened.push(s);
      return s;
    }),
    summaries,
    visits: createVisitCounter(memoryCell()),
    scan,
    now: () => NOW,
    newId: () => crypto.randomUUID(),
    extensionVersion: '0.1.0',
  });
  const builtIn = new Set(DETECTORS.map((d) => d.id));
  const deps: Deps = {
    scan,
    frameOf: (s) => guardedFrameOf(s, EXT),
    incidents,
    extensionOrigin: ORIGIN,
    isDetector: (id) => builtIn.has(id),
    falseAlarms: createFalseAlarmService({
      summaries,
      store: async () => {
        const s = await falseAlarmStore();
        if (!opened.includes(s)) opened.push(s);
        return s;
      },
      newId: () => crypto.randomUUID(),
      now: () => NOW,
      onQueued: () => queued++,
    }),
  };
  return { deps, summaries, summaryCell, falseAlarmStore, queued: () => queued };
}

const page = { id: EXT, url: 'https://chatgpt.com/c/1', tab: { id: 3 }, frameId: 0 };
const popup = { id: EXT, url: `${ORIGIN}popup.html?tab=3` };
const masked = (detectors?: unknown) => ({
  type: 'hush:report',
  payload: {
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 1 },
    ...(detectors === undefined ? {} : { detectors }),
  },
});

describe('detector ids in a guard report', () => {
  it('accepts a short list of id-shaped strings and de-duplicates it', () => {
    expect(parseGuardEvent(masked(['email', 'email', 'phone']).payload)?.detectors).toEqual([
      'email',
      'phone',
    ]);
  });

  it('refuses ids that are not ids (text, spaces, too many, not strings)', () => {
    for (const bad of [
      ['jane.doe@example.com is mine'],
      [''],
      [42],
      'email',
      Array.from({ length: 33 }, (_, i) => `d${i}`),
    ]) {
      expect(parseGuardEvent(masked(bad).payload)).toBeNull();
    }
  });

  it('keeps only registry ids, and remembers the last decisions for the popup', async () => {
    const { deps, summaries } = setup();
    expect(await handleMessage(masked(['email', 'made-up-by-the-page']), deps, page)).toEqual({
      ok: true,
    });
    const summary = await summaries.get(3);
    expect(summary?.recent).toHaveLength(1);
    expect(summary?.recent?.[0]).toMatchObject({
      outcome: 'masked',
      detectors: ['email'],
      reported: [],
    });
    // Only decisions that name a known detector are offered, and only the last few.
    await handleMessage(masked(['made-up-by-the-page']), deps, page);
    for (let i = 0; i < RECENT_MAX + 2; i++) await handleMessage(masked(['phone']), deps, page);
    const after = await summaries.get(3);
    expect(after?.recent).toHaveLength(RECENT_MAX);
    expect(after?.decisions).toBe(RECENT_MAX + 4);
  });

  it('reads summaries stored before recent decisions existed, and refuses damaged ones', () => {
    const old = {
      pageId: '',
      siteId: 'chatgpt',
      siteName: 'ChatGPT',
      host: 'chatgpt.com',
      pageClass: 'unapproved-ai',
      since: 1,
      outcomes: {},
      decisions: 0,
    };
    expect(parseTabSummary(old)?.recent).toBeUndefined();
    expect(parseTabSummary({ ...old, recent: [{ id: 'x' }] })).toBeNull();
  });
});

describe('the popup’s false-alarm message', () => {
  async function decision(s: ReturnType<typeof setup>) {
    await handleMessage(masked(['email']), s.deps, page);
    return (await s.summaries.get(3))!.recent![0]!.id;
  }
  const ask = (decisionId: string, detector = 'email', tabId = 3) => ({
    type: 'hush:false-alarm',
    payload: { tabId, decisionId, detector },
  });

  it('queues one record with the detector, the host the browser gave and the minute, once', async () => {
    const s = setup();
    const id = await decision(s);
    expect(await handleMessage(ask(id), s.deps, popup)).toEqual({ ok: true });
    expect(await handleMessage(ask(id), s.deps, popup)).toEqual({ error: 'already reported' });
    const store = await s.falseAlarmStore();
    const [record, ...rest] = await store.pending(10);
    expect(rest).toEqual([]);
    expect(Object.keys(record!).sort()).toEqual(
      ['detector', 'host', 'id', 'sentAt', 'state', 'time'].sort(),
    );
    expect(record).toMatchObject({
      detector: 'email',
      host: 'chatgpt.com',
      time: Math.floor(NOW / 60_000) * 60_000,
      state: 'pending',
    });
    expect(s.queued()).toBe(1);
    expect(
      await handleMessage({ type: 'hush:false-alarm-status', payload: {} }, s.deps, popup),
    ).toEqual({ pending: 1, sent: 0 });
    // The summary says it was reported, so a popup opened later disables the button.
    expect((await s.summaries.get(3))!.recent![0]!.reported).toEqual(['email']);
  });

  it('refuses a page, an unknown decision or detector, and malformed payloads', async () => {
    const s = setup();
    const id = await decision(s);
    expect(await handleMessage(ask(id), s.deps, page)).toEqual({
      error: 'only extension pages may report false alarms',
    });
    expect(await handleMessage(ask(crypto.randomUUID()), s.deps, popup)).toEqual({
      error: 'unknown decision',
    });
    expect(await handleMessage(ask(id, 'phone'), s.deps, popup)).toEqual({
      error: 'unknown decision',
    });
    expect(await handleMessage(ask(id, 'email', 4), s.deps, popup)).toEqual({
      error: 'unknown decision',
    });
    for (const payload of [
      { tabId: 3, decisionId: id, detector: 'email', text: 'jane@example.com' },
      { tabId: -1, decisionId: id, detector: 'email' },
      { tabId: 3, decisionId: 'not-a-uuid', detector: 'email' },
      { tabId: 3, decisionId: id, detector: 'two words' },
    ]) {
      expect(await handleMessage({ type: 'hush:false-alarm', payload }, s.deps, popup)).toEqual({
        error: 'invalid payload for hush:false-alarm',
      });
    }
    expect(await (await s.falseAlarmStore()).counts()).toEqual({ pending: 0, sent: 0 });
  });
});

describe('the false-alarm queue', () => {
  const report = (i: number) => ({
    id: crypto.randomUUID(),
    time: NOW + i * 60_000,
    detector: 'email',
    host: 'chatgpt.com',
  });
  async function open(max?: number): Promise<FalseAlarmStore> {
    const s = await openFalseAlarmStore({ name: `fa-queue-${++dbs}`, ...(max ? { max } : {}) });
    opened.push(s);
    return s;
  }

  it('is bounded: sent reports go first, then the oldest pending', async () => {
    const store = await open(3);
    const reports = [0, 1, 2].map(report);
    for (const r of reports) await store.add(r);
    await store.markSent(reports[1]!.id, NOW);
    await store.add(report(3));
    expect(await store.counts()).toEqual({ pending: 3, sent: 0 });
    await store.add(report(4));
    const left = (await store.pending(10)).map((r) => r.time);
    expect(left).toEqual([2, 3, 4].map((i) => Math.floor((NOW + i * 60_000) / 60_000) * 60_000));
  });

  it('refuses malformed fields and reads only valid records', async () => {
    const store = await open();
    await expect(store.add({ ...report(0), host: 'Jane Doe' })).rejects.toThrow(/malformed/);
    await expect(store.add({ ...report(0), detector: 'a b' })).rejects.toThrow(/malformed/);
    expect(parseFalseAlarm({ ...report(0), time: NOW, state: 'pending', sentAt: null })).toBeNull();
    expect(await store.counts()).toEqual({ pending: 0, sent: 0 });
  });

  it('keeps the uploader’s state beside the records', async () => {
    const store = await open();
    expect(await store.readState()).toEqual({
      failures: 0,
      nextAttemptAt: 0,
      lastError: null,
      lastSuccessAt: null,
    });
    await store.writeState({
      failures: 2,
      nextAttemptAt: 5,
      lastError: 'offline',
      lastSuccessAt: null,
    });
    expect((await store.readState()).failures).toBe(2);
  });
});
