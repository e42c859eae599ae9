// Visit counts from the page to the REAL backend app (server/app.ts through app.request) on a real
// SQLite file and the real PostgreSQL. Pages are announced through the real message path (the
// typed handler with the sender the browser would give, the incident service, the visit counter),
// at addresses whose paths and queries hold made-up customer data; the uploader sends the counts.
// Proven: rows per (device, day, site, host) with the counts, each under the host the agent used
// (a chatgpt.com page is stored as chatgpt.com, not as ChatGPT's first catalogue host) with the
// class the policy gives that host; a replayed body changes nothing; a grown count is the only
// thing sent next; and, the no-leak idea of no-leak.test.ts for visits, nothing of an address
// beyond the catalogue host (no path, query or title) is in the request bytes or the backend's
// rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '@/rules/index.ts';
import { handleMessage, type Deps } from '@/lib/messages.ts';
import { guardedFrameOf } from '@/lib/incidents/sender.ts';
import { createIncidentService } from '@/lib/incidents/service.ts';
import { createTabSummaries } from '@/lib/incidents/summary.ts';
import { createVisitCounter, localDay } from '@/lib/visits.ts';
import { createTenant, type CreatedTenant } from '@/server/admin.ts';
import { createApp } from '@/server/app.ts';
import { silentLogger } from '@/server/log.ts';
import { BACKENDS, type TestDb } from '@/server/test-util.ts';
import type { Enrolment } from './enrollment.ts';
import { createVisitUploader, visitDescriber } from './visits-upload.ts';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const T0 = new Date(2026, 10, 28, 10, 0, 0).getTime();
// Made-up customer data in the addresses: none of it may leave.
const SECRETS = [
  'orla.venn@quartz-example.net',
  'ticket-884213',
  'Quartz%20Refund',
  '4539148803436467',
];
const PAGES = [
  `https://chatgpt.com/c/${SECRETS[1]}?q=${SECRETS[0]}`,
  `https://chatgpt.com/g/${SECRETS[2]}#card=${SECRETS[3]}`,
  `https://claude.ai/chat/${SECRETS[1]}`,
  // A support tool is no AI tool: not counted.
  `https://acme.zendesk.com/agent/tickets/${SECRETS[1]}`,
];

function memoryCell() {
  let value: unknown;
  return {
    getValue: async () => structuredClone(value),
    setValue: async (v: unknown) => {
      value = structuredClone(v);
    },
  };
}

describe.each(BACKENDS)('visit counts reach the real backend on $name', (backend) => {
  let t: TestDb;
  let tenant: CreatedTenant;
  let app: ReturnType<typeof createApp>;
  let enrolment: Enrolment;
  let now = T0;
  let documents = 0;
  const bodies: string[] = [];
  const visits = createVisitCounter(memoryCell());
  const incidents = createIncidentService({
    store: async () => {
      throw new Error('no incident is reported here');
    },
    summaries: createTabSummaries(memoryCell()),
    visits,
    scan,
    now: () => now,
    newId: () => crypto.randomUUID(),
    extensionVersion: '0.1.0',
    policyVersion: () => 0,
    keepReason: () => false,
    warn: () => undefined,
  });
  const deps: Deps = { scan, frameOf: (sender) => guardedFrameOf(sender, EXT), incidents };

  /** A top-frame page load announced by the guard's content script, as the browser delivers it. */
  async function load(url: string) {
    documents += 1;
    const answer = await handleMessage(
      { type: 'hush:page', payload: { pageId: `page-${documents}-abcdef`, restored: false } },
      deps,
      { id: EXT, url, tab: { id: 7 }, frameId: 0, documentId: `doc-${documents}` },
    );
    expect(answer).toEqual({ ok: true });
  }

  const rows = () =>
    t.db
      .selectFrom('visits')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .orderBy('site_id')
      .execute();

  beforeAll(async () => {
    t = await backend.open();
    tenant = await createTenant(t.db, { name: 'Visits Upload', now: T0 });
    app = createApp({ db: t.db, log: silentLogger, now: () => now, rateLimitPerMinute: 1000 });
    const res = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      }),
    });
    const { deviceId, credential } = (await res.json()) as {
      deviceId: string;
      credential: string;
    };
    enrolment = {
      backendUrl: 'http://backend.test',
      tenantId: tenant.tenantId,
      deviceId,
      credential,
      userPseudonym: 'w'.repeat(43),
      team: 'Support EMEA',
    };
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('sends per-day counts once, nothing of the addresses, and only what grew afterwards', async () => {
    for (const url of PAGES) await load(url);
    const uploader = createVisitUploader({
      visits,
      state: memoryCell(),
      // The company approved chatgpt.com only, not ChatGPT's older host chat.openai.com.
      describe: visitDescriber((url) => ({
        pageClass: url.hostname === 'chatgpt.com' ? 'approved-ai' : 'unapproved-ai',
      })),
      getEnrolment: async () => enrolment,
      onUnauthorized: () => undefined,
      fetch: async (url, init) => {
        bodies.push(String(init.body));
        return app.request(url, init);
      },
      now: () => now,
    });
    expect(await uploader.run()).toEqual({ status: 'done', sent: 2, rejected: 0 });
    const day = localDay(T0);
    const stored = await rows();
    expect(
      stored.map((r) => [r.day, r.site_id, Number(r.count), r.host, r.page_class, r.team]),
    ).toEqual([
      [day, 'chatgpt', 2, 'chatgpt.com', 'approved-ai', 'Support EMEA'],
      [day, 'claude', 1, 'claude.ai', 'unapproved-ai', 'Support EMEA'],
    ]);
    expect(stored.every((r) => r.device_id === enrolment.deviceId)).toBe(true);

    // The same body again (its answer lost, say): the backend changes nothing.
    const replay = await app.request('http://backend.test/api/v1/visits', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${enrolment.credential}`,
      },
      body: bodies[0]!,
    });
    expect(await replay.json()).toEqual({ received: 2, changed: 0 });
    expect(await rows()).toEqual(stored);

    // One more ChatGPT page later that day: only ChatGPT's new figure goes.
    now = T0 + 3_600_000;
    await load(`https://chatgpt.com/c/${SECRETS[1]}-2`);
    expect(await uploader.run()).toEqual({ status: 'done', sent: 1, rejected: 0 });
    expect(JSON.parse(bodies.at(-1)!)).toEqual({
      records: [
        {
          day,
          siteId: 'chatgpt',
          host: 'chatgpt.com',
          pageClass: 'approved-ai',
          count: 3,
          user: enrolment.userPseudonym,
          team: 'Support EMEA',
        },
      ],
    });
    expect((await rows()).map((r) => Number(r.count))).toEqual([3, 1]);

    // ChatGPT's other host, the same day: its own row with its own class; chatgpt.com's stays.
    await load(`https://chat.openai.com/c/${SECRETS[1]}-3?q=${SECRETS[0]}`);
    expect(await uploader.run()).toEqual({ status: 'done', sent: 1, rejected: 0 });
    const byHost = (await rows()).map((r) => [r.site_id, r.host, r.page_class, Number(r.count)]);
    // Sorted here, not in SQL: PostgreSQL's collation may order `chat.` and `chatg` either way.
    byHost.sort((a, b) => (`${a[0]} ${a[1]}` < `${b[0]} ${b[1]}` ? -1 : 1));
    expect(byHost).toEqual([
      ['chatgpt', 'chat.openai.com', 'unapproved-ai', 1],
      ['chatgpt', 'chatgpt.com', 'approved-ai', 3],
      ['claude', 'claude.ai', 'unapproved-ai', 1],
    ]);

    // Nothing of any address but the catalogue host reached the wire or the database.
    const places = {
      'request bytes': bodies.join('\n'),
      'backend rows': JSON.stringify(await rows()),
    };
    const leaks: string[] = [];
    for (const [where, text] of Object.entries(places)) {
      for (const s of [...SECRETS, '/c/', '/chat/', 'https:', 'zendesk', '?q=']) {
        if (text.includes(s)) leaks.push(`${s} in ${where}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
