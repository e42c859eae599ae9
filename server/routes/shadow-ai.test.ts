/**
 * The Shadow AI routes through `app.request()` on a real SQLite file and the real PostgreSQL:
 * every AI tool seen in visits and incidents with its approval under the published policy and the
 * draft, vendor facts, users counted only from k, figures by day and week; a manager's scope and
 * its suppression; the approve/block decision drafting a policy change (audited, idempotent, 409
 * when a broader pattern decides); bad input 4xx; nothing of another tenant seen or changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, publishPolicy, type CreatedTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { listAudit } from '../audit.ts';
import { silentLogger } from '../log.ts';
import { changeDraft, getDraft } from '../policy/drafts.ts';
import { rebuildRollups } from '../summary.ts';
import { incidentRow, insertIncidents, seeded, testSession } from '../test-data.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const PERIOD = 'from=2026-11-01&to=2026-11-28';
const EMEA = 'Support EMEA';
const US = 'Support US';
const user = (i: number) => `u_test_shadow_user_${String(i).padStart(4, '0')}`;

interface ToolRow {
  key: string;
  siteId: string | null;
  name: string;
  vendor: string | null;
  hosts: string[];
  status: string;
  draftStatus: string | null;
  facts: { zeroDataRetention: boolean | null; dataResidency: string[] | null };
  users: number | null;
  visits: number;
  incidents: number;
  series: { start: string; visits: number; incidents: number }[];
}
interface Answer {
  k: number;
  suppressed: boolean;
  teams: string[] | null;
  buckets: string[];
  policy: { revision: number | null; draft: { basedOn: number | null } | null };
  tools: ToolRow[];
}

describe.each(BACKENDS)('Shadow AI routes on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let a: CreatedTenant;
  let b: CreatedTenant;
  const as: Record<string, Record<string, string>> = {};

  async function visits(
    tenantId: string,
    rows: { user: string; team: string; site: string; host: string; day: string; count: number }[],
  ) {
    await t.db
      .insertInto('visits')
      .values(
        rows.map((r) => ({
          tenant_id: tenantId,
          device_id: `device-${r.user}`,
          day: r.day,
          site_id: r.site,
          host: r.host,
          page_class: 'unapproved-ai',
          user_pseudonym: r.user,
          team: r.team,
          count: r.count,
          received_at: new Date(T0).toISOString(),
        })),
      )
      .execute();
  }

  async function get(who: string, query = PERIOD) {
    const res = await app.request(`/api/v1/shadow-ai/tools?${query}`, { headers: as[who] });
    return res;
  }
  async function tools(who: string, query = PERIOD): Promise<Answer> {
    const res = await get(who, query);
    expect(res.status).toBe(200);
    return (await res.json()) as Answer;
  }
  function decide(who: string, site: string, body: unknown, headers: Record<string, string> = {}) {
    return app.request(`/api/v1/shadow-ai/tools/${encodeURIComponent(site)}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as[who], ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    t = await backend.open();
    app = createApp({ db: t.db, log: silentLogger, now: () => T0, rateLimitPerMinute: 1000 });
    a = await createTenant(t.db, { name: 'Shadow A', now: T0 });
    b = await createTenant(t.db, { name: 'Shadow B', now: T0 });
    await publishPolicy(
      t.db,
      a.tenantId,
      {
        version: 1,
        sites: {
          approved: [{ pattern: 'claude.ai', zeroDataRetention: true, dataResidency: ['EU'] }],
        },
      },
      T0,
    );
    as.admin = (await testSession(t.db, a.tenantId, 'admin', [], T0)).headers;
    as.auditor = (await testSession(t.db, a.tenantId, 'auditor', [], T0)).headers;
    as.emea = (await testSession(t.db, a.tenantId, 'manager', [EMEA], T0)).headers;
    as.us = (await testSession(t.db, a.tenantId, 'manager', [US], T0)).headers;
    as.none = (await testSession(t.db, a.tenantId, 'manager', [], T0)).headers;
    as.adminB = (await testSession(t.db, b.tenantId, 'admin', [], T0)).headers;

    // ChatGPT: users 1-5 in EMEA and 6-7 in US, 2 visits on the 27th and 1 on the 20th each.
    const chat = (i: number, day: string, count: number) => ({
      user: user(i),
      team: i <= 5 ? EMEA : US,
      site: 'chatgpt',
      host: 'chatgpt.com',
      day,
      count,
    });
    await visits(a.tenantId, [
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => chat(i, '2026-11-27', 2)),
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => chat(i, '2026-11-20', 1)),
      // Outside the period: not counted.
      chat(1, '2026-10-31', 40),
      // Claude: two EMEA users only (fewer than k).
      { user: user(1), team: EMEA, site: 'claude', host: 'claude.ai', day: '2026-11-27', count: 3 },
      { user: user(2), team: EMEA, site: 'claude', host: 'claude.ai', day: '2026-11-26', count: 1 },
    ]);
    // Tenant B's own tool, which A must never see.
    await visits(b.tenantId, [
      {
        user: user(90),
        team: EMEA,
        site: 'gemini',
        host: 'gemini.google.com',
        day: '2026-11-27',
        count: 8,
      },
    ]);
    const rnd = seeded(7);
    const at = Date.UTC(2026, 10, 27, 9, 30);
    await insertIncidents(t.db, [
      // Three ChatGPT incidents by EMEA users 1-3, one by a user seen only in incidents.
      ...[1, 2, 3, 8].map((i) => ({
        ...incidentRow(a.tenantId, rnd, { time: at + i * 60_000, user: user(i), team: EMEA }),
        site_id: 'chatgpt',
        host: 'chatgpt.com',
      })),
      // An AI host the catalogue does not know (the policy lists it as unapproved AI).
      {
        ...incidentRow(a.tenantId, rnd, { time: at, user: user(1), team: EMEA }),
        site_id: null,
        host: 'intra-ai.example.com',
      },
      // A support tool is no AI tool.
      {
        ...incidentRow(a.tenantId, rnd, { time: at, user: user(1), team: EMEA }),
        site_id: 'zendesk',
        host: 'acme.zendesk.com',
        page_class: 'support-tool',
      },
    ]);
    // Incidents are read from the daily rollups, which the server's job keeps up to date.
    await rebuildRollups(t.db, a.tenantId);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('lists every AI tool seen, with approval, vendor facts, users from k and figures by day', async () => {
    const r = await tools('admin');
    expect(r).toMatchObject({ k: 5, suppressed: false, teams: null });
    expect(r.policy).toEqual({ revision: 1, draft: null });
    expect(r.buckets).toHaveLength(28);
    expect(r.tools.map((x) => x.key)).toEqual(['chatgpt', 'claude', 'intra-ai.example.com']);
    const [chat, claude, intra] = r.tools;
    expect(chat).toMatchObject({
      siteId: 'chatgpt',
      name: 'ChatGPT',
      vendor: 'OpenAI',
      hosts: ['chat.openai.com', 'chatgpt.com'],
      status: 'unapproved',
      draftStatus: null,
      facts: { zeroDataRetention: null, dataResidency: null },
      // Users 1-7 from visits and user 8 from incidents.
      users: 8,
      visits: 7 * 3,
      incidents: 4,
    });
    const day = (row: ToolRow, d: string) => row.series.find((s) => s.start === d);
    expect(day(chat!, '2026-11-27')).toEqual({ start: '2026-11-27', visits: 14, incidents: 4 });
    expect(day(chat!, '2026-11-20')).toEqual({ start: '2026-11-20', visits: 7, incidents: 0 });
    expect(chat!.series.reduce((s, x) => s + x.visits, 0)).toBe(21);
    // Approved in the published policy, with the facts IT recorded; two users: "fewer than k".
    expect(claude).toMatchObject({
      status: 'approved',
      facts: { zeroDataRetention: true, dataResidency: ['EU'] },
      users: null,
      visits: 4,
      incidents: 0,
    });
    expect(intra).toMatchObject({
      siteId: null,
      name: 'intra-ai.example.com',
      vendor: null,
      hosts: ['intra-ai.example.com'],
      status: 'unapproved',
      users: null,
      visits: 0,
      incidents: 1,
    });
    // Tenant B's tool is not A's.
    expect(JSON.stringify(r)).not.toContain('gemini');
  });

  it('adds up weeks from the first day of the period', async () => {
    const r = await tools('auditor', `${PERIOD}&bucket=week`);
    expect(r.buckets).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22']);
    const chat = r.tools.find((x) => x.key === 'chatgpt')!;
    expect(chat.series.map((s) => [s.visits, s.incidents])).toEqual([
      [0, 0],
      [0, 0],
      [7, 0],
      [14, 4],
    ]);
  });

  it("shows a manager only their teams' figures, and nothing when their teams hold fewer than k users", async () => {
    const emea = await tools('emea');
    expect(emea).toMatchObject({ suppressed: false, teams: [EMEA] });
    const chat = emea.tools.find((x) => x.key === 'chatgpt')!;
    // EMEA: users 1-5 (visits) and 8 (incidents); US users' visits are not counted.
    expect(chat).toMatchObject({ users: 6, visits: 5 * 3, incidents: 4 });
    for (const who of ['us', 'none']) {
      const r = await tools(who);
      expect(r).toMatchObject({ suppressed: true, tools: [] });
    }
  });

  it('refuses a bad query with 400 and no session with 401', async () => {
    for (const q of [
      'from=2026-11-01',
      'from=2026-11-28&to=2026-11-01',
      'from=2026-02-30&to=2026-03-01',
      `${PERIOD}&bucket=month`,
      `${PERIOD}&limit=5`,
      'from=2020-01-01&to=2026-01-01',
    ]) {
      const res = await get('admin', q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBeTruthy();
    }
    expect((await app.request(`/api/v1/shadow-ai/tools?${PERIOD}`)).status).toBe(401);
  });

  it('approve drafts the policy change, audited; a repeat changes nothing; the page shows the draft', async () => {
    let res = await decide('admin', 'chatgpt', { decision: 'approve' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      key: 'chatgpt',
      decision: 'approve',
      changed: true,
      draftStatus: 'approved',
      draft: { basedOn: 1 },
    });
    const draft = await getDraft(t.db, a.tenantId);
    expect(draft!.document).toEqual({
      version: 1,
      sites: {
        approved: [
          { pattern: 'claude.ai', zeroDataRetention: true, dataResidency: ['EU'] },
          { pattern: 'chat.openai.com' },
          { pattern: 'chatgpt.com' },
        ],
      },
    });
    const actions = (await listAudit(t.db, a.tenantId, { limit: 2 })).map((e) => [
      e.action,
      e.target,
      e.details,
    ]);
    expect(actions).toEqual([
      ['shadow-ai.decision', 'tool:chatgpt', { decision: 'approve' }],
      ['policy.draft.save', null, expect.objectContaining({ basedOn: 1 })],
    ]);

    res = await decide('admin', 'chatgpt.com', { decision: 'approve' });
    expect(await res.json()).toMatchObject({ key: 'chatgpt', changed: false });
    expect((await listAudit(t.db, a.tenantId, { limit: 1 }))[0]!.action).toBe('shadow-ai.decision');
    expect((await getDraft(t.db, a.tenantId))!.document).toEqual(draft!.document);

    // Published: still unapproved; the draft: approved. Nothing was published.
    const r = await tools('admin');
    expect(r.policy.draft).toMatchObject({ basedOn: 1 });
    expect(r.tools.find((x) => x.key === 'chatgpt')).toMatchObject({
      status: 'unapproved',
      draftStatus: 'approved',
    });
    expect(r.policy.revision).toBe(1);
  });

  it('block removes the approval, and lists a host the catalogue does not know as unapproved AI', async () => {
    let res = await decide('admin', 'claude', { decision: 'block' });
    expect(await res.json()).toMatchObject({ changed: true, draftStatus: 'unapproved' });
    res = await decide('admin', 'intra-ai.example.com', { decision: 'block' });
    expect(await res.json()).toMatchObject({ changed: true, draftStatus: 'unapproved' });
    const doc = (await getDraft(t.db, a.tenantId))!.document as {
      sites: { approved: { pattern: string }[]; unapprovedAi?: string[] };
    };
    expect(doc.sites.approved.map((x) => x.pattern)).toEqual(['chat.openai.com', 'chatgpt.com']);
    expect(doc.sites.unapprovedAi).toEqual(['intra-ai.example.com']);
    // Blocking ChatGPT again takes its approval out; a repeat changes nothing.
    expect(await (await decide('admin', 'chatgpt', { decision: 'block' })).json()).toMatchObject({
      changed: true,
      draftStatus: 'unapproved',
    });
    expect(await (await decide('admin', 'chatgpt', { decision: 'block' })).json()).toMatchObject({
      changed: false,
    });
  });

  it('answers 409 naming the broader pattern that decides, and changes nothing', async () => {
    await changeDraft(
      t.db,
      a.tenantId,
      (doc) => {
        doc.sites = {
          approved: [{ pattern: '*.example.com' }],
          excluded: ['gemini.google.com'],
        };
      },
      'test',
      T0,
    );
    const before = (await getDraft(t.db, a.tenantId))!.document;
    let res = await decide('admin', 'intra-ai.example.com', { decision: 'block' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toMatch(/\*\.example\.com/);
    res = await decide('admin', 'gemini', { decision: 'approve' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /excluded.*gemini\.google\.com/,
    );
    expect((await getDraft(t.db, a.tenantId))!.document).toEqual(before);
  });

  it('refuses other roles, missing CSRF tokens, unknown tools and bad bodies', async () => {
    for (const who of ['auditor', 'emea']) {
      expect((await decide(who, 'chatgpt', { decision: 'approve' })).status).toBe(403);
    }
    const noToken = await app.request('/api/v1/shadow-ai/tools/chatgpt/decision', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: as.admin!.cookie! },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(noToken.status).toBe(403);
    for (const site of ['zendesk', 'no-such-tool', 'not a host', 'acme.zendesk.com']) {
      const res = await decide('admin', site, { decision: 'approve' });
      expect(res.status, site).toBe(404);
    }
    const bodies: [unknown, number][] = [
      ['{"decision":', 400],
      [{ decision: 'maybe' }, 400],
      [{ decision: 'approve', why: 'x' }, 400],
      [{}, 400],
      [[], 400],
    ];
    for (const [body, status] of bodies) {
      const res = await decide('admin', 'chatgpt', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { message: string }).message).toBeTruthy();
    }
  });

  it("an admin of another tenant changes only their own draft and sees none of A's tools", async () => {
    const aDraft = (await getDraft(t.db, a.tenantId))!.document;
    const res = await decide('adminB', 'chatgpt', { decision: 'approve' });
    expect(res.status).toBe(200);
    expect((await getDraft(t.db, a.tenantId))!.document).toEqual(aDraft);
    expect((await getDraft(t.db, b.tenantId))!.document).toMatchObject({
      sites: { approved: [{ pattern: 'chat.openai.com' }, { pattern: 'chatgpt.com' }] },
    });
    const r = await tools('adminB');
    expect(r.tools.map((x) => x.key)).toEqual(['gemini']);
    expect(r.tools[0]).toMatchObject({ visits: 8, users: null, draftStatus: 'unapproved' });
  });
});
