// The rules the three uploaders share (upload-core.ts): what each answer of the backend means, how
// a failure moves the retry state on, and the gate at the start of a run. The uploaders' own tests
// (upload.test.ts, false-alarm-upload.test.ts, visits-upload.test.ts) run them end to end.
import { describe, expect, it } from 'vitest';
import type { Enrolment } from './enrollment.ts';
import {
  BACKOFF_MIN_MS,
  noteFailure,
  noteSuccess,
  openGate,
  postJson,
  type RetryState,
} from './upload-core.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const ENROLMENT: Enrolment = {
  backendUrl: 'https://hush.example.test/base/',
  tenantId: 't1',
  deviceId: 'd1',
  credential: 'd1.abcdefghijklmnopqrstuvwx',
  userPseudonym: 'p'.repeat(43),
  team: null,
};

function answering(res: Response | 'offline') {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    if (res === 'offline') throw new TypeError('fetch failed');
    return res;
  };
  return { seen, deps: { fetch, now: () => NOW } };
}

describe('postJson', () => {
  it('posts JSON with the credential to the path under the backend URL, and never a cookie', async () => {
    const a = answering(new Response('{}', { status: 200 }));
    expect(await postJson(a.deps, ENROLMENT, '/api/v1/visits', { records: [1] })).toEqual({
      kind: 'ok',
    });
    expect(a.seen[0]!.url).toBe('https://hush.example.test/base/api/v1/visits');
    expect(a.seen[0]!.init).toMatchObject({
      method: 'POST',
      body: '{"records":[1]}',
      credentials: 'omit',
      headers: { authorization: `Bearer ${ENROLMENT.credential}` },
    });
  });

  it('tells content the backend will never take from an endpoint or a server that fails', async () => {
    const cases: [Response | 'offline', unknown][] = [
      [
        Response.json({ error: 'invalid_request', message: 'records.0.day: bad' }, { status: 400 }),
        { kind: 'bad', why: '400 records.0.day: bad' },
      ],
      [new Response('too big', { status: 413 }), { kind: 'bad', why: '413' }],
      [new Response(null, { status: 422 }), { kind: 'bad', why: '422' }],
      [new Response(null, { status: 401 }), { kind: 'unauthorized' }],
      [
        new Response(null, { status: 429, headers: { 'retry-after': '30' } }),
        { kind: 'retry', error: 'rate-limited', after: 30_000 },
      ],
      [
        new Response(null, { status: 503, headers: { 'retry-after': '5' } }),
        { kind: 'retry', error: 'server-error', after: 5_000 },
      ],
      // Only 429 and 503 carry a wait worth honouring; other failures back off.
      [
        new Response(null, { status: 500, headers: { 'retry-after': '5' } }),
        { kind: 'retry', error: 'server-error', after: null },
      ],
      [new Response(null, { status: 408 }), { kind: 'retry', error: 'server-error', after: null }],
      // The endpoint, not the content: a wrong URL or a proxy's refusal keeps everything.
      [new Response(null, { status: 404 }), { kind: 'retry', error: 'refused', after: null }],
      [new Response(null, { status: 403 }), { kind: 'retry', error: 'refused', after: null }],
      ['offline', { kind: 'retry', error: 'offline', after: null }],
    ];
    for (const [res, want] of cases) {
      const a = answering(res);
      expect(await postJson(a.deps, ENROLMENT, '/x', {})).toEqual(want);
    }
  });
});

describe('retry state and gate', () => {
  const fresh = (): RetryState => ({
    failures: 0,
    nextAttemptAt: 0,
    lastError: null,
    lastSuccessAt: null,
  });

  it("waits for the server's Retry-After, else backs off; a success resets the failures", () => {
    const s = fresh();
    expect(
      noteFailure(s, { kind: 'retry', error: 'rate-limited', after: 42_000 }, NOW, () => 1),
    ).toBe('rate-limited');
    expect(s).toMatchObject({
      failures: 1,
      nextAttemptAt: NOW + 42_000,
      lastError: 'rate-limited',
    });
    expect(noteFailure(s, { kind: 'unauthorized' }, NOW, () => 1)).toBe('unauthorized');
    expect(s).toMatchObject({ failures: 2, nextAttemptAt: NOW + 20_000 });
    noteFailure(s, { kind: 'retry', error: 'offline', after: null }, NOW, () => 0);
    expect(s.nextAttemptAt).toBe(NOW + BACKOFF_MIN_MS);
    noteSuccess(s, NOW + 1);
    expect(s).toMatchObject({ failures: 0, lastError: null, lastSuccessAt: NOW + 1 });
  });

  it('opens only after the backoff (unless forced) and only with an enrollment', async () => {
    const asked: number[] = [];
    const enrolled = async () => {
      asked.push(1);
      return ENROLMENT;
    };
    expect(await openGate({ nextAttemptAt: NOW + 1 }, NOW, false, enrolled)).toEqual({
      kind: 'waiting',
      nextAttemptAt: NOW + 1,
    });
    // Waiting asks nothing, not even storage for the enrollment.
    expect(asked).toEqual([]);
    expect(await openGate({ nextAttemptAt: NOW + 1 }, NOW, true, enrolled)).toEqual({
      kind: 'go',
      enrolment: ENROLMENT,
    });
    expect(await openGate({ nextAttemptAt: 0 }, NOW, false, async () => null)).toEqual({
      kind: 'not-enrolled',
    });
  });
});
