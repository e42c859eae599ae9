import { describe, expect, it } from 'vitest';
import { scan } from '@/rules/index.ts';
import type { GuardEvent } from '@/lib/guard/context.ts';
import { guardedFrameOf, type GuardedFrame } from '@/lib/incidents/sender.ts';
import type { IncidentService, PageStart } from '@/lib/incidents/service.ts';
import { handleMessage, type Deps } from './messages.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

/** A recording service: the tests look at what reached it. */
function deps() {
  const reports: [GuardEvent, GuardedFrame][] = [];
  const pages: [PageStart, GuardedFrame][] = [];
  const incidents: IncidentService = {
    report: async (event, frame) => {
      reports.push([event, frame]);
      return {} as never;
    },
    pageStarted: async (page, frame) => {
      pages.push([page, frame]);
    },
    tabClosed: async () => {},
  };
  const d: Deps = { scan, frameOf: (s) => guardedFrameOf(s, ID), incidents };
  return { d, reports, pages };
}

const page = { id: ID, url: 'https://chatgpt.com/c/1', tab: { id: 3 }, frameId: 0 };
const report = {
  type: 'hush:report',
  payload: { channel: 'send', action: 'mask', outcome: 'masked', counts: { EMAIL: 1 } },
};

describe('handleMessage', () => {
  it('records a valid report with the site the browser names', async () => {
    const { d, reports } = deps();
    expect(await handleMessage(report, d, page)).toEqual({ ok: true });
    expect(reports).toHaveLength(1);
    expect(reports[0]![1]).toMatchObject({
      tabId: 3,
      host: 'chatgpt.com',
      pageClass: 'unapproved-ai',
    });
    expect(reports[0]![1].site?.id).toBe('chatgpt');
  });

  it('refuses a malformed report, naming the message and echoing nothing', async () => {
    const { d, reports } = deps();
    const bad = {
      ...report,
      payload: { ...report.payload, counts: { EMAIL: 1 }, text: 'jane@x.example' },
    };
    const answer = await handleMessage(bad, d, page);
    expect(answer).toEqual({ error: 'invalid payload for hush:report' });
    expect(JSON.stringify(answer)).not.toContain('jane');
    expect(reports).toEqual([]);
  });

  it('refuses reports from anything but a guarded page of this extension', async () => {
    const { d, reports } = deps();
    const refusal = { error: 'the sender is not a guarded page' };
    expect(await handleMessage(report, d, { ...page, url: 'https://example.org/' })).toEqual(
      refusal,
    );
    expect(await handleMessage(report, d, { ...page, id: 'other' })).toEqual(refusal);
    expect(
      await handleMessage(report, d, { id: ID, url: `chrome-extension://${ID}/popup.html` }),
    ).toEqual(refusal);
    expect(reports).toEqual([]);
  });

  it('starts a page only from a top frame', async () => {
    const { d, pages } = deps();
    const start = { type: 'hush:page', payload: { pageId: 'a1b2c3d4e5f6', restored: false } };
    expect(await handleMessage(start, d, { ...page, frameId: 2 })).toEqual({
      error: 'only a top frame starts a page',
    });
    expect(await handleMessage(start, d, page)).toEqual({ ok: true });
    expect(pages.map(([p]) => p)).toEqual([{ pageId: 'a1b2c3d4e5f6', restored: false }]);
    expect(
      await handleMessage(
        { type: 'hush:page', payload: { pageId: 'x', restored: false } },
        d,
        page,
      ),
    ).toEqual({
      error: 'invalid payload for hush:page',
    });
  });

  it('answers nothing to unknown messages, and a failure without details', async () => {
    const { d } = deps();
    expect(handleMessage({ type: 'hush:nope' }, d, page)).toBeUndefined();
    expect(handleMessage({ type: 'toString' }, d, page)).toBeUndefined();
    expect(handleMessage('hush:report', d, page)).toBeUndefined();
    const failing: Deps = {
      ...d,
      incidents: {
        ...d.incidents,
        report: () => Promise.reject(new Error('disk full: jane@x.example')),
      },
    };
    expect(await handleMessage(report, failing, page)).toEqual({ error: 'hush:report failed' });
  });
});
