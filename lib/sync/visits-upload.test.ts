// The visit-count uploader's rules with a scripted backend over the real visit counter and state
// cells: what leaves (seven fields, nothing of the page; the host as visited, with its own class),
// only what changed, the shared backoff and Retry-After, a refused record isolated, the state's
// migration, the schedule. The real backend is in visits-upload.backend.test.ts.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CATALOGUE } from '@/lib/sites/catalogue.ts';
import type { SiteEntry } from '@/lib/sites/catalogue.ts';
import { createVisitCounter, HOST_UNKNOWN, localDay, type VisitLog } from '@/lib/visits.ts';
import type { Enrolment } from './enrollment.ts';
import { UPLOAD_ALARM } from './upload-schedule.ts';
import {
  VISIT_UPLOAD_ALARM,
  VISIT_UPLOAD_DELAY_MS,
  createVisitUploader,
  migrateVisitUploadStateV1,
  pendingVisits,
  readVisitUploadState,
  siteDescriber,
  startVisitUploads,
  visitDescriber,
  visitUploadItem,
  visitWire,
  type VisitUploadResult,
  type VisitUploader,
  type VisitUploaderDeps,
} from './visits-upload.ts';

const T0 = new Date(2026, 10, 28, 15, 0, 0).getTime();
const TODAY = localDay(T0);
const ENROLMENT: Enrolment = {
  backendUrl: 'https://hush.example.test/base/',
  tenantId: 'tenant-1',
  deviceId: 'dev1',
  credential: 'dev1.abcdefghijklmnopqrstuvwxyz012345',
  userPseudonym: 'v'.repeat(43),
  team: 'Support EMEA',
};

function memoryCell(initial?: unknown) {
  let value: unknown = structuredClone(initial);
  return {
    getValue: async () => structuredClone(value),
    setValue: async (v: unknown) => {
      value = structuredClone(v);
    },
  };
}

interface Call {
  url: string;
  headers: Record<string, string>;
  body: { records: Array<Record<string, unknown>> };
}
type Answer = Response | 'offline' | ((call: Call) => Response | 'offline');

/** A scripted backend: answers in order (the last one repeats), recording every request. */
function backend(...answers: Answer[]) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const call: Call = {
      url,
      headers: init.headers as Record<string, string>,
      body: JSON.parse(init.body as string) as Call['body'],
    };
    calls.push(call);
    let answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (typeof answer === 'function') answer = answer(call);
    if (answer === 'offline') throw new TypeError('fetch failed');
    return answer;
  };
  return { calls, fetch };
}

const ok = () => Response.json({ received: 1, changed: 1 });
const status = (s: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: 'x', message: `status ${s}` }), { status: s, headers });

/** Every catalogue AI site as unapproved, like the built-in policy. */
const describeDefault = visitDescriber(() => ({ pageClass: 'unapproved-ai' }));

async function setup(over: Partial<VisitUploaderDeps> & { log?: VisitLog } = {}) {
  let now = T0;
  let log: VisitLog = over.log ?? {
    [TODAY]: { chatgpt: { 'chatgpt.com': 3 }, claude: { 'claude.ai': 1 } },
  };
  const state = memoryCell();
  const warnings: string[] = [];
  const unauthorized: string[] = [];
  const deps: VisitUploaderDeps = {
    visits: { read: async () => structuredClone(log) },
    state,
    describe: describeDefault,
    getEnrolment: async () => ENROLMENT,
    onUnauthorized: (e) => void unauthorized.push(e.credential),
    fetch: backend(ok()).fetch,
    now: () => now,
    random: () => 0.5,
    warn: (m) => warnings.push(m),
    ...over,
  };
  return {
    deps,
    state,
    uploader: createVisitUploader(deps),
    warnings,
    unauthorized,
    setLog: (l: VisitLog) => (log = l),
    setNow: (t: number) => (now = t),
    now: () => now,
  };
}

describe('what leaves the browser for visits', () => {
  it('is exactly day, site, host, class, count, pseudonym and team', () => {
    const wire = visitWire(
      { day: '2026-11-28', siteId: 'chatgpt', count: 4 },
      { host: 'chat.openai.com', pageClass: 'unapproved-ai' },
      ENROLMENT,
    );
    expect(wire).toEqual({
      day: '2026-11-28',
      siteId: 'chatgpt',
      host: 'chat.openai.com',
      pageClass: 'unapproved-ai',
      count: 4,
      user: ENROLMENT.userPseudonym,
      team: 'Support EMEA',
    });
    const odd = visitWire(
      { day: '2026-11-28', siteId: 'chatgpt', count: 4 },
      { host: 'chat.openai.com', pageClass: 'approved-ai' },
      { ...ENROLMENT, team: ' \u0007 ' },
    );
    expect(odd.team).toBeNull();
  });

  it("describes a site by its catalogue hosts' class under the policy; leaves out the rest", () => {
    const classes: Record<string, string | null> = {
      'chat.openai.com': 'unapproved-ai',
      'chatgpt.com': 'approved-ai',
      'claude.ai': 'unapproved-ai',
      'bard.google.com': null,
      'gemini.google.com': null,
      'www.perplexity.ai': 'support-tool',
      'perplexity.ai': 'support-tool',
    };
    const describeSite = siteDescriber((url) => {
      const c = url.hostname in classes ? classes[url.hostname] : 'unapproved-ai';
      return c ? { pageClass: c } : null;
    });
    // Approved when any of its hosts is: the one the company approved is the one sent.
    expect(describeSite('chatgpt')).toEqual({ host: 'chatgpt.com', pageClass: 'approved-ai' });
    expect(describeSite('claude')).toEqual({ host: 'claude.ai', pageClass: 'unapproved-ai' });
    // A host-and-path pattern gives its host.
    expect(describeSite('huggingchat')).toEqual({
      host: 'huggingface.co',
      pageClass: 'unapproved-ai',
    });
    // Excluded by policy, a support tool by policy, not an AI site, unknown: not sent.
    expect(describeSite('gemini')).toBeNull();
    expect(describeSite('perplexity')).toBeNull();
    expect(CATALOGUE.some((s) => s.id === 'zendesk' && s.kind === 'support')).toBe(true);
    expect(describeSite('zendesk')).toBeNull();
    expect(describeSite('no-such-site')).toBeNull();
  });

  it('describes a visit by the host it was counted under, with the class the policy gives that host', () => {
    // The company approved chatgpt.com; its agents also open chat.openai.com, which is not.
    const classes: Record<string, string | null> = {
      'chatgpt.com': 'approved-ai',
      'gemini.google.com': null,
      'www.perplexity.ai': 'support-tool',
    };
    const classify = (url: URL) => {
      const c = url.hostname in classes ? classes[url.hostname] : 'unapproved-ai';
      return c ? { pageClass: c } : null;
    };
    const describeVisit = visitDescriber(classify);
    expect(describeVisit('chatgpt', 'chatgpt.com')).toEqual({
      host: 'chatgpt.com',
      pageClass: 'approved-ai',
    });
    expect(describeVisit('chatgpt', 'chat.openai.com')).toEqual({
      host: 'chat.openai.com',
      pageClass: 'unapproved-ai',
    });
    // A host-and-path pattern is classified at its path.
    const paths: string[] = [];
    const huggingchat = visitDescriber((url) => {
      paths.push(url.pathname);
      return { pageClass: 'unapproved-ai' };
    })('huggingchat', 'huggingface.co');
    expect(huggingchat).toEqual({ host: 'huggingface.co', pageClass: 'unapproved-ai' });
    expect(paths).toEqual(['/chat']);
    // A host the policy excludes or makes a support tool is not sent.
    expect(describeVisit('gemini', 'gemini.google.com')).toBeNull();
    expect(describeVisit('perplexity', 'www.perplexity.ai')).toBeNull();
    // An unknown host (counted before hosts were) is described by its site, as before: the
    // approved host when any is.
    expect(describeVisit('chatgpt', HOST_UNKNOWN)).toEqual({
      host: 'chatgpt.com',
      pageClass: 'approved-ai',
    });
    // A host no pattern of the site names (not this build's counter's doing) never leaves: the
    // site's own description is sent instead.
    expect(describeVisit('chatgpt', 'evil.example')).toEqual({
      host: 'chatgpt.com',
      pageClass: 'approved-ai',
    });
    expect(describeVisit('chatgpt', 'claude.ai')).toEqual({
      host: 'chatgpt.com',
      pageClass: 'approved-ai',
    });
    expect(describeVisit('zendesk', 'acme.zendesk.com')).toBeNull();
    expect(describeVisit('no-such-site', 'chatgpt.com')).toBeNull();
  });

  it('sends a host a wildcard pattern matched only when the policy names it exactly', () => {
    const catalogue: SiteEntry[] = [
      {
        id: 'azure-openai',
        name: 'Azure OpenAI',
        kind: 'ai',
        vendor: 'Microsoft',
        patterns: ['oai.azure.example', '*.openai.azure.example'],
      },
    ];
    const classify = (url: URL) => ({
      pageClass: url.hostname === 'acme.openai.azure.example' ? 'approved-ai' : 'unapproved-ai',
    });
    const named = visitDescriber(classify, ['acme.openai.azure.example'], catalogue);
    expect(named('azure-openai', 'acme.openai.azure.example')).toEqual({
      host: 'acme.openai.azure.example',
      pageClass: 'approved-ai',
    });
    // Without the policy's name for it, the subdomain stays home.
    const unnamed = visitDescriber(classify, [], catalogue);
    expect(unnamed('azure-openai', 'acme.openai.azure.example')).toEqual({
      host: 'oai.azure.example',
      pageClass: 'unapproved-ai',
    });
    // A policy host that is not this site's is not sent under it.
    expect(
      visitDescriber(
        classify,
        ['chat.other.example'],
        catalogue,
      )('azure-openai', 'chat.other.example'),
    ).toEqual({
      host: 'oai.azure.example',
      pageClass: 'unapproved-ai',
    });
  });

  it('sends only (day, site, host) counts that are new or larger than acknowledged, oldest first', () => {
    const log = {
      '2026-11-27': {
        claude: { 'claude.ai': 2 },
        chatgpt: { 'chatgpt.com': 5, [HOST_UNKNOWN]: 1 },
      },
      '2026-11-28': { chatgpt: { 'chat.openai.com': 1 } },
    };
    expect(pendingVisits(log, {}).map((p) => `${p.day} ${p.siteId} ${p.host} ${p.count}`)).toEqual([
      `2026-11-27 chatgpt ${HOST_UNKNOWN} 1`,
      '2026-11-27 chatgpt chatgpt.com 5',
      '2026-11-27 claude claude.ai 2',
      '2026-11-28 chatgpt chat.openai.com 1',
    ]);
    expect(
      pendingVisits(log, {
        '2026-11-27': {
          chatgpt: { 'chatgpt.com': 5, [HOST_UNKNOWN]: 1 },
          claude: { 'claude.ai': 1 },
        },
      }),
    ).toEqual([
      { day: '2026-11-27', siteId: 'claude', host: 'claude.ai', count: 2 },
      { day: '2026-11-28', siteId: 'chatgpt', host: 'chat.openai.com', count: 1 },
    ]);
  });
});

describe('visit uploader', () => {
  it('sends what changed with the credential, then nothing until a count grows', async () => {
    const api = backend(ok());
    const t = await setup({ fetch: api.fetch });
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 2, rejected: 0 });
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]!.url).toBe('https://hush.example.test/base/api/v1/visits');
    expect(api.calls[0]!.headers.authorization).toBe(`Bearer ${ENROLMENT.credential}`);
    expect(api.calls[0]!.body.records.map((r) => [r.siteId, r.count])).toEqual([
      ['chatgpt', 3],
      ['claude', 1],
    ]);
    expect(Object.keys(api.calls[0]!.body)).toEqual(['records']);
    // Nothing changed: no request at all.
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 0, rejected: 0 });
    expect(api.calls).toHaveLength(1);
    // One count grew: only that pair goes, with its new (cumulative) figure.
    t.setLog({ [TODAY]: { chatgpt: { 'chatgpt.com': 5 }, claude: { 'claude.ai': 1 } } });
    expect(await t.uploader.run()).toMatchObject({ status: 'done', sent: 1 });
    expect(api.calls[1]!.body.records).toEqual([
      expect.objectContaining({ day: TODAY, siteId: 'chatgpt', host: 'chatgpt.com', count: 5 }),
    ]);
    expect((await t.uploader.state()).acked).toEqual({
      [TODAY]: { chatgpt: { 'chatgpt.com': 5 }, claude: { 'claude.ai': 1 } },
    });
  });

  it('sends each host of a site as its own record, under that host and its class', async () => {
    const api = backend(ok());
    const t = await setup({
      fetch: api.fetch,
      log: { [TODAY]: { chatgpt: { 'chatgpt.com': 4, 'chat.openai.com': 1 } } },
      describe: visitDescriber((url) => ({
        pageClass: url.hostname === 'chatgpt.com' ? 'approved-ai' : 'unapproved-ai',
      })),
    });
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 2, rejected: 0 });
    expect(api.calls[0]!.body.records.map((r) => [r.host, r.pageClass, r.count])).toEqual([
      ['chat.openai.com', 'unapproved-ai', 1],
      ['chatgpt.com', 'approved-ai', 4],
    ]);
  });

  it('adds up an unknown host and the host it is described as, so the backend row keeps both', async () => {
    // The day the log gained hosts: 2 visits counted before (migrated, host unknown, already
    // acknowledged as chatgpt.com, the approved host), then 1 by name on chatgpt.com.
    const api = backend(ok());
    const describeApproved = visitDescriber((url) => ({
      pageClass: url.hostname === 'chatgpt.com' ? 'approved-ai' : 'unapproved-ai',
    }));
    const described: string[] = [];
    const t = await setup({
      fetch: api.fetch,
      log: { [TODAY]: { chatgpt: { [HOST_UNKNOWN]: 2, 'chatgpt.com': 1 } } },
      describe: (siteId, host) => {
        described.push(`${siteId} ${host}`);
        return describeApproved(siteId, host);
      },
      state: memoryCell(
        migrateVisitUploadStateV1({
          v: 1,
          failures: 0,
          nextAttemptAt: 0,
          lastAttemptAt: null,
          lastSuccessAt: T0 - 60_000,
          lastError: null,
          acked: { [TODAY]: { chatgpt: 2 } },
        }),
      ),
    });
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 1, rejected: 0 });
    expect(api.calls[0]!.body.records).toEqual([
      expect.objectContaining({ siteId: 'chatgpt', host: 'chatgpt.com', count: 3 }),
    ]);
    expect((await t.uploader.state()).acked).toEqual({
      [TODAY]: { chatgpt: { [HOST_UNKNOWN]: 2, 'chatgpt.com': 1 } },
    });
    expect(described).toEqual([`chatgpt ${HOST_UNKNOWN}`, 'chatgpt chatgpt.com']);
    // Nothing grew: nothing is sent, and nothing needs describing.
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 0, rejected: 0 });
    expect(described).toHaveLength(2);
  });

  it('counts real visits through the counter and sends them in batches', async () => {
    const api = backend(ok());
    const counter = createVisitCounter(memoryCell());
    const sites = CATALOGUE.filter((s) => s.kind === 'ai').slice(0, 5);
    for (const [i, s] of sites.entries()) {
      const host = s.patterns[0]!.split('/')[0]!;
      for (let n = 0; n <= i; n++) await counter.count(s.id, host, T0 - 86_400_000);
      await counter.count(s.id, host, T0);
    }
    const t = await setup({ fetch: api.fetch, visits: counter, batchSize: 4 });
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 10, rejected: 0 });
    expect(api.calls.map((c) => c.body.records.length)).toEqual([4, 4, 2]);
    const yesterday = localDay(T0 - 86_400_000);
    const sent = api.calls.flatMap((c) => c.body.records);
    expect(sent.filter((r) => r.day === yesterday).map((r) => r.count)).toEqual([1, 2, 3, 4, 5]);
    expect(sent.filter((r) => r.day === TODAY).every((r) => r.count === 1)).toBe(true);
  });

  it('sends nothing while not enrolled, and leaves out sites the describer drops', async () => {
    const api = backend(ok());
    const t = await setup({ fetch: api.fetch, getEnrolment: async () => null });
    expect(await t.uploader.run()).toEqual({ status: 'not-enrolled', sent: 0, rejected: 0 });
    expect(api.calls).toHaveLength(0);
    const only = await setup({
      fetch: api.fetch,
      describe: async (id, host) => (id === 'claude' ? null : describeDefault(id, host)),
    });
    expect(await only.uploader.run()).toMatchObject({ status: 'done', sent: 1 });
    expect(api.calls[0]!.body.records.map((r) => r.siteId)).toEqual(['chatgpt']);
  });

  it('backs off while offline or failing, honours Retry-After, and a new worker knows the wait', async () => {
    const api = backend('offline', status(429, { 'retry-after': '42' }), status(500), ok());
    const t = await setup({ fetch: api.fetch, random: () => 1 });
    let r = await t.uploader.run();
    expect(r).toMatchObject({ status: 'failed', error: 'offline', sent: 0 });
    expect(r.nextAttemptAt).toBe(t.now() + 10_000);
    expect(await t.uploader.run()).toMatchObject({ status: 'waiting' });
    expect(api.calls).toHaveLength(1);
    t.setNow(r.nextAttemptAt!);
    r = await t.uploader.run();
    expect(r).toMatchObject({ status: 'failed', error: 'rate-limited' });
    expect(r.nextAttemptAt).toBe(t.now() + 42_000);
    t.setNow(r.nextAttemptAt!);
    r = await t.uploader.run();
    expect(r).toMatchObject({ status: 'failed', error: 'server-error' });
    expect(r.nextAttemptAt).toBe(t.now() + 40_000);
    const fresh = createVisitUploader(t.deps);
    expect((await fresh.run()).status).toBe('waiting');
    // A new enrollment forces a run whatever the backoff says.
    expect(await fresh.run({ force: true })).toEqual({ status: 'done', sent: 2, rejected: 0 });
    expect(readVisitUploadState(await t.state.getValue())).toMatchObject({
      failures: 0,
      nextAttemptAt: 0,
      lastError: null,
    });
  });

  it('asks for re-enrollment on 401 and keeps everything to send', async () => {
    const t = await setup({ fetch: backend(status(401)).fetch });
    expect(await t.uploader.run()).toMatchObject({ status: 'failed', error: 'unauthorized' });
    expect(t.unauthorized).toEqual([ENROLMENT.credential]);
    expect((await t.uploader.state()).acked).toEqual({});
  });

  it('isolates a record the backend will never take, sends the rest, and names why', async () => {
    const log: VisitLog = {
      '2026-11-26': {
        chatgpt: { 'chatgpt.com': 1 },
        claude: { 'claude.ai': 1 },
        gemini: { 'gemini.google.com': 1 },
      },
      '2026-11-27': {
        chatgpt: { 'chatgpt.com': 2 },
        claude: { 'claude.ai': 2 },
        'new-ai-site': { 'new-ai.example': 2 },
      },
      [TODAY]: { chatgpt: { 'chatgpt.com': 3 } },
    };
    const refused = (call: Call) =>
      call.body.records.some((r) => r.siteId === 'new-ai-site')
        ? new Response(
            JSON.stringify({
              error: 'invalid_request',
              message: 'records.0.siteId: must be a catalogue AI site id like chatgpt',
            }),
            { status: 400 },
          )
        : ok();
    const api = backend(refused);
    const t = await setup({
      fetch: api.fetch,
      log,
      // This build knows a site the backend does not yet.
      describe: (id, host) =>
        id === 'new-ai-site'
          ? { host: 'new-ai.example', pageClass: 'unapproved-ai' }
          : describeDefault(id, host),
    });
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 6, rejected: 1 });
    expect(t.warnings).toEqual([
      'Hush: the backend refused visits to new-ai-site on 2026-11-27 (400 records.0.siteId: must be a catalogue AI site id like chatgpt)',
    ]);
    // Not sent again until its count changes.
    const before = api.calls.length;
    expect(await t.uploader.run()).toEqual({ status: 'done', sent: 0, rejected: 0 });
    expect(api.calls).toHaveLength(before);
  });

  it('forgets acknowledged days the log no longer keeps', async () => {
    const one = { chatgpt: { 'chatgpt.com': 1 } };
    const t = await setup({ log: { '2026-08-01': one, [TODAY]: one } });
    await t.uploader.run();
    expect(Object.keys((await t.uploader.state()).acked).sort()).toEqual(['2026-08-01', TODAY]);
    t.setLog({ [TODAY]: one });
    await t.uploader.run();
    expect((await t.uploader.state()).acked).toEqual({ [TODAY]: one });
  });

  it('keeps its state in extension storage by default, validated on read', async () => {
    fakeBrowser.reset();
    const t = await setup({ state: undefined });
    await t.uploader.run();
    const stored = await visitUploadItem.getValue();
    expect(readVisitUploadState(stored).acked).toEqual({
      [TODAY]: { chatgpt: { 'chatgpt.com': 3 }, claude: { 'claude.ai': 1 } },
    });
    expect(readVisitUploadState({ v: 3, acked: 'x' })).toMatchObject({ failures: 0, acked: {} });
    expect(
      readVisitUploadState({
        ...(stored as object),
        acked: { [TODAY]: { chatgpt: { 'chatgpt.com': -1 }, claude: { 'claude.ai': 2 } } },
      }).acked,
    ).toEqual({ [TODAY]: { claude: { 'claude.ai': 2 } } });
  });

  it('migrates the version 1 state: what the backend acknowledged is not sent again', async () => {
    fakeBrowser.reset();
    const v1 = {
      v: 1,
      failures: 2,
      nextAttemptAt: T0 + 5000,
      lastAttemptAt: T0 - 1000,
      lastSuccessAt: T0 - 60_000,
      lastError: 'offline',
      acked: { [TODAY]: { chatgpt: 3, claude: 1 } },
    };
    const v2 = {
      ...v1,
      v: 2,
      acked: { [TODAY]: { chatgpt: { [HOST_UNKNOWN]: 3 }, claude: { [HOST_UNKNOWN]: 1 } } },
    };
    expect(migrateVisitUploadStateV1(v1)).toEqual(v2);
    expect(readVisitUploadState(migrateVisitUploadStateV1(v1))).toEqual(v2);
    // Version 1 does not read as version 2: unmigrated, it is a fresh start, not a wrong one.
    expect(readVisitUploadState(v1)).toMatchObject({ v: 2, failures: 0, acked: {} });
    // Anything else passes through the step as it is (the read rejects it).
    expect(migrateVisitUploadStateV1(v2)).toEqual(v2);
    expect(migrateVisitUploadStateV1(null)).toBeNull();
    // The stored item, as a version 1 build left it, migrated by WXT's item.
    await fakeBrowser.storage.local.set({ aiVisitsUpload: v1, aiVisitsUpload$: { v: 1 } });
    await visitUploadItem.migrate();
    expect(await visitUploadItem.getValue()).toEqual(v2);
    expect(await fakeBrowser.storage.local.get('aiVisitsUpload$')).toEqual({
      aiVisitsUpload$: { v: 2 },
    });
    // The migrated log's counts equal what was acknowledged: nothing is sent.
    const api = backend(ok());
    const t = await setup({
      state: undefined,
      fetch: api.fetch,
      now: () => T0 + 10_000,
      log: { [TODAY]: { chatgpt: { [HOST_UNKNOWN]: 3 }, claude: { [HOST_UNKNOWN]: 1 } } },
    });
    expect(await t.uploader.run({ force: true })).toEqual({ status: 'done', sent: 0, rejected: 0 });
    expect(api.calls).toHaveLength(0);
  });
});

describe('visit upload schedule', () => {
  function harness(results: VisitUploadResult[]) {
    const runs: boolean[] = [];
    const created: Array<[string, unknown]> = [];
    let fire: (alarm: { name: string }) => void = () => undefined;
    const uploader: VisitUploader = {
      run: async (options) => {
        runs.push(options?.force ?? false);
        return results.length > 1 ? results.shift()! : results[0]!;
      },
      state: async () => {
        throw new Error('not used');
      },
    };
    const scheduler = startVisitUploads({
      uploader,
      now: () => T0,
      alarms: {
        create: (name, info) => created.push([name, info]),
        onAlarm: { addListener: (cb) => (fire = cb) },
      },
      warn: () => undefined,
    });
    return { scheduler, runs, created, alarm: (name: string) => fire({ name }) };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('runs at start-up, on the periodic upload alarm and on its own alarm', async () => {
    const h = harness([{ status: 'done', sent: 0, rejected: 0 }]);
    await tick();
    expect(h.runs).toEqual([false]);
    h.alarm(UPLOAD_ALARM);
    h.alarm(VISIT_UPLOAD_ALARM);
    h.alarm('hush:policy-sync');
    await tick();
    expect(h.runs).toEqual([false, false, false]);
    await h.scheduler.kick(true);
    expect(h.runs.at(-1)).toBe(true);
  });

  it('sets one alarm a minute after a burst of visits, and one at the end of a backoff', async () => {
    const h = harness([
      { status: 'failed', sent: 0, rejected: 0, nextAttemptAt: T0 + 5000, error: 'offline' },
      { status: 'done', sent: 1, rejected: 0 },
    ]);
    await tick();
    expect(h.created).toEqual([[VISIT_UPLOAD_ALARM, { when: T0 + 5000 }]]);
    h.scheduler.visited();
    h.scheduler.visited();
    expect(h.created.slice(1)).toEqual([
      [VISIT_UPLOAD_ALARM, { when: T0 + VISIT_UPLOAD_DELAY_MS }],
    ]);
    h.alarm(VISIT_UPLOAD_ALARM);
    await tick();
    h.scheduler.visited();
    expect(h.created).toHaveLength(3);
  });
});
