/**
 * The team routes through `app.request()` on SQLite and PostgreSQL: per-team trends under the
 * k-anonymity rule (against a plain recount of the generated incidents), repeat incidents before
 * and after a coaching note (hand-computed figures), notes masked by the engine and audited, the
 * person-history setting and who it lets read a person's history (audited), a manager's teams,
 * tenant isolation, and bad input answered 4xx with a message.
 */
import { faker } from '@faker-js/faker';
import type * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { listAudit } from '../audit.ts';
import { sha256Hex } from '../crypto.ts';
import type { IncidentTable } from '../db/schema.ts';
import { eraseUser } from '../erasure.ts';
import { silentLogger } from '../log.ts';
import { refreshRollups } from '../summary.ts';
import { fakeUser, incidentRow, insertIncidents, seeded, testSession } from '../test-data.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import { repeatFigures } from '../teams.ts';
import type { CoachingResponse, HistoryResponse, NoteResponse, TrendResponse } from './teams.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
const TODAY = '2026-11-29';
/** The coaching day of the hand-made Gamma data: 20 days ago. */
const D = '2026-11-09';
const at = (day: string, offset: number, hour = 12) =>
  Date.parse(`${day}T00:00:00.000Z`) + offset * DAY + hour * 3_600_000;
const PERIOD = 'from=2026-11-02&to=2026-11-29';

type Headers = Record<string, string>;
type Trend = v.InferOutput<typeof TrendResponse>;
type Coaching = v.InferOutput<typeof CoachingResponse>;
type History = v.InferOutput<typeof HistoryResponse>;
/** An error answer, or a note's (each answer has some of these fields). */
type Answer = Partial<v.InferOutput<typeof NoteResponse>> & { error?: string; message?: string };

describe('repeat figures', () => {
  it('counts an incident as a repeat after another within N days, or earlier that day', () => {
    const rows = [
      { user: 'a', day: '2026-11-01', incidents: 1 },
      { user: 'a', day: '2026-11-05', incidents: 2 },
      { user: 'a', day: '2026-11-20', incidents: 1 },
      { user: 'b', day: '2026-11-05', incidents: 3 },
      { user: 'c', day: '2026-10-30', incidents: 1 },
    ];
    // a: 11-05 has 11-01 within 7 days, so both count; 11-20 is 15 days on. b: 2 of 3 that day.
    expect(repeatFigures(rows, { from: '2026-11-02', to: '2026-11-30' }, 7)).toEqual({
      incidents: 6,
      repeats: 4,
      people: 2,
      repeaters: 2,
    });
    expect(repeatFigures(rows, { from: '2026-11-02', to: '2026-11-30' }, 3).repeats).toBe(3);
  });
});

describe.each(BACKENDS)('team routes on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let tenantId: string;
  let admin: Headers;
  let gammaManager: Headers;
  let smallManager: Headers;
  let auditor: Headers;
  let otherAdmin: Headers;
  const rnd = seeded(23);
  const gamma = Array.from({ length: 5 }, (_, i) => fakeUser('Gamma', i));
  const alpha = Array.from({ length: 6 }, (_, i) => fakeUser('Alpha', i));
  const small = Array.from({ length: 3 }, (_, i) => fakeUser('Small', i));
  const rows: IncidentTable[] = [];
  const add = (tenant: string, user: string, team: string, time: number) =>
    rows.push(incidentRow(tenant, rnd, { time, user, team }));

  beforeAll(async () => {
    t = await backend.open();
    tenantId = (await createTenant(t.db, { name: 'Teams Co', now: NOW })).tenantId;
    const other = (await createTenant(t.db, { name: 'Elsewhere', now: NOW })).tenantId;
    // Gamma, around the coaching day D (repeat window 7 days, compare window 7 days):
    // before [D-7, D-1]: everyone on D-6, three of them again on D-2 -> 8 incidents, 3 repeats;
    // after [D+1, D+7]: everyone on D+6, none within 7 days of an earlier one -> 5, 0 repeats.
    for (const [i, u] of gamma.entries()) {
      add(tenantId, u, 'Gamma', at(D, -6));
      if (i < 3) add(tenantId, u, 'Gamma', at(D, -2));
      add(tenantId, u, 'Gamma', at(D, 6));
    }
    // Alpha and Small: one to three incidents a person on some days of the period.
    for (const [team, users] of [
      ['Alpha', alpha],
      ['Small', small],
    ] as const) {
      for (const u of users) {
        for (let d = 1; d <= 25; d += 4) if (rnd() < 0.7) add(tenantId, u, team, NOW - d * DAY);
        add(tenantId, u, team, NOW - 2 * DAY);
      }
    }
    add(other, fakeUser('Other', 1), 'Gamma', at(D, -6));
    // Two Alpha people in the previous period: too few to show Alpha's previous figures.
    add(tenantId, alpha[0]!, 'Alpha', at('2026-10-20', 0));
    add(tenantId, alpha[1]!, 'Alpha', at('2026-10-21', 0));
    await insertIncidents(t.db, rows);
    await refreshRollups(t.db, NOW);
    app = createApp({ db: t.db, log: silentLogger, now: () => NOW, rateLimitPerMinute: 100 });
    admin = (await testSession(t.db, tenantId, 'admin', [], NOW)).headers;
    gammaManager = (await testSession(t.db, tenantId, 'manager', ['Gamma'], NOW)).headers;
    smallManager = (await testSession(t.db, tenantId, 'manager', ['Small'], NOW)).headers;
    auditor = (await testSession(t.db, tenantId, 'auditor', [], NOW)).headers;
    otherAdmin = (await testSession(t.db, other, 'admin', [], NOW)).headers;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const get = async <T = Answer>(path: string, headers: Headers = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as T & Answer };
  };
  const post = async (path: string, body: unknown, headers: Headers) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const countIn = (team: string, from: string, to: string) =>
    rows.filter(
      (r) =>
        r.tenant_id === tenantId &&
        r.team === team &&
        r.time.slice(0, 10) >= from &&
        r.time.slice(0, 10) <= to,
    ).length;

  it('needs a session for every route', async () => {
    for (const path of [
      `/api/v1/teams/trend?${PERIOD}`,
      `/api/v1/teams/coaching?${PERIOD}`,
      '/api/v1/teams/settings',
      `/api/v1/teams/people/${gamma[0]}/history`,
    ]) {
      expect((await get(path)).status, path).toBe(401);
    }
  });

  it('trends per team under k: small teams merged into "other", managers their teams', async () => {
    const all = await get<Trend>(`/api/v1/teams/trend?${PERIOD}&bucket=week`, admin);
    expect(all.status).toBe(200);
    // Small (3) is under k = 5; the smallest shown team, Gamma (5), joins it to make 8 people.
    expect(all.body).toMatchObject({ k: 5, bucket: 'week', withheldTeams: 0 });
    expect(all.body.teams.map((r) => r.team)).toEqual(['Alpha']);
    const a = all.body.teams[0]!;
    expect(a.users).toBe(6);
    expect(all.body.previousPeriod).toEqual({ from: '2026-10-05', to: '2026-11-01' });
    expect(a.previous).toBeNull();
    expect(a.series.every((p) => p.previous === null)).toBe(true);
    expect(a.series).toHaveLength(4);
    expect(a.series.map((p) => p.start)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(a.incidents).toBe(countIn('Alpha', '2026-11-02', TODAY));
    expect(a.series[1]!.incidents).toBe(countIn('Alpha', '2026-11-09', '2026-11-15'));
    expect(all.body.other).toMatchObject({
      groups: 2,
      users: 8,
      incidents: countIn('Small', '2026-11-02', TODAY) + countIn('Gamma', '2026-11-02', TODAY),
    });
    // The auditor sees what the admin sees; another tenant sees none of it.
    expect((await get<Trend>(`/api/v1/teams/trend?${PERIOD}&bucket=week`, auditor)).body).toEqual(
      all.body,
    );
    expect((await get<Trend>(`/api/v1/teams/trend?${PERIOD}`, otherAdmin)).body).toMatchObject({
      teams: [],
      other: null,
      withheldTeams: 1,
    });

    const mine = await get<Trend>(`/api/v1/teams/trend?${PERIOD}&bucket=day`, gammaManager);
    expect(mine.body.teams).toHaveLength(1);
    expect(mine.body.teams[0]).toMatchObject({
      team: 'Gamma',
      users: 5,
      incidents: countIn('Gamma', '2026-11-02', TODAY),
    });
    expect(mine.body.teams[0]!.series).toHaveLength(28);
    // Gamma had nobody with incidents in the previous period: zero, which singles no one out.
    expect(mine.body.teams[0]!.previous).toBe(0);
    expect(mine.body.teams[0]!.series[7]).toMatchObject({ start: D, incidents: 0 });
    expect(mine.body.teams[0]!.series[1]).toMatchObject({ start: '2026-11-03', incidents: 5 });
    const tooSmall = await get<Trend>(`/api/v1/teams/trend?${PERIOD}`, smallManager);
    expect(tooSmall.body).toMatchObject({ teams: [], other: null, withheldTeams: 1 });
  });

  it('answers bad queries 400 with a message', async () => {
    for (const q of [
      'from=2026-11-01',
      'from=2026-11-30&to=2026-11-01',
      `${PERIOD}&bucket=month`,
      `${PERIOD}&team=Gamma`,
      'from=2026-13-01&to=2026-13-02',
    ]) {
      const r = await get<Trend>(`/api/v1/teams/trend?${q}`, admin);
      expect(r.status, q).toBe(400);
      expect(r.body.message).toBeTruthy();
    }
    for (const q of [
      `${PERIOD}&repeatDays=0`,
      `${PERIOD}&compareDays=91`,
      `${PERIOD}&repeatDays=x`,
    ]) {
      expect((await get<Coaching>(`/api/v1/teams/coaching?${q}`, admin)).status, q).toBe(400);
    }
  });

  it('adds coaching notes, masked and audited; managers only for their teams', async () => {
    faker.seed(31);
    const email = faker.internet.email().toLowerCase();
    const note = `Went through the override rules with the team; the ticket from ${email} was the example.`;
    const r = await post('/api/v1/teams/notes', { team: 'Gamma', day: D, note }, gammaManager);
    expect(r.status).toBe(201);
    expect(r.body.masked).toBe(1);
    expect(r.body.note).toContain('[EMAIL_1]');
    const stored = await t.db
      .selectFrom('coaching_notes')
      .selectAll()
      .where('id', '=', r.body.id!)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ tenant_id: tenantId, team: 'Gamma', pseudonym: null, day: D });
    expect(stored.note).toBe(r.body.note);
    expect(stored.note).not.toContain(email);
    const [entry] = await listAudit(t.db, tenantId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'coaching.note',
      target: r.body.id,
      details: { team: 'Gamma', day: D, person: false, masked: 1 },
    });
    expect(JSON.stringify(entry)).not.toContain('override rules');

    // The admin notes Small's coaching and one Gamma person's.
    expect(
      (await post('/api/v1/teams/notes', { team: 'Small', day: D, note: 'Team talk.' }, admin))
        .status,
    ).toBe(201);
    const person = await post(
      '/api/v1/teams/notes',
      { team: 'Gamma', day: D, note: 'One-to-one.', user: gamma[0] },
      admin,
    );
    expect(person.status).toBe(201);
    // A recent note: its "after" window is not over yet.
    expect(
      (
        await post(
          '/api/v1/teams/notes',
          { team: 'Gamma', day: '2026-11-27', note: 'Again.' },
          admin,
        )
      ).status,
    ).toBe(201);

    const refused: [Headers, unknown, number, string][] = [
      [gammaManager, { team: 'Alpha', day: D, note: 'x' }, 403, 'not_your_team'],
      [
        gammaManager,
        { team: 'Gamma', day: D, note: 'x', user: gamma[1] },
        403,
        'person_history_not_allowed',
      ],
      [auditor, { team: 'Gamma', day: D, note: 'x' }, 403, 'forbidden'],
      [admin, { team: 'Nobody', day: D, note: 'x' }, 404, 'not_found'],
      [admin, { team: 'Gamma', day: D, note: 'x', user: alpha[0] }, 404, 'not_found'],
      [admin, { team: 'Gamma', day: '2026-12-25', note: 'x' }, 400, 'invalid_request'],
      [admin, { team: 'Gamma', day: '2026-02-30', note: 'x' }, 400, 'invalid_request'],
      [admin, { team: 'Gamma', day: '29/11/2026', note: 'x' }, 400, 'invalid_request'],
      [admin, { team: 'Gamma', day: D, note: '' }, 400, 'invalid_request'],
      [admin, { team: 'Gamma', day: D, note: 'x'.repeat(2001) }, 400, 'invalid_request'],
      [admin, { team: 'Gamma', day: D, note: 'x', user: 'short' }, 400, 'invalid_request'],
      [admin, { team: 'Gamma', day: D, note: 'x', teams: ['Gamma'] }, 400, 'invalid_request'],
      [admin, { team: '', day: D, note: 'x' }, 400, 'invalid_request'],
      [admin, { team: 5, day: D, note: 'x' }, 400, 'invalid_request'],
      [admin, '{"team":', 400, 'malformed_json'],
    ];
    for (const [who, body, status, error] of refused) {
      const res = await post('/api/v1/teams/notes', body, who);
      expect([res.status, res.body.error], JSON.stringify(body)).toEqual([status, error]);
      expect(res.body.message).toBeTruthy();
    }
  });

  it('shows repeat incidents before and after each note, withheld under k or by the setting', async () => {
    const q = `${PERIOD}&repeatDays=7&compareDays=7`;
    const all = await get<Coaching>(`/api/v1/teams/coaching?${q}`, admin);
    expect(all.status).toBe(200);
    const notes = all.body.notes;
    // Newest day first; notes of one day (written at the same instant here) in any order.
    expect(notes.map((n) => n.day)).toEqual(['2026-11-27', D, D, D]);
    expect(notes.map((n) => `${n.team} ${n.day} ${n.person}`).sort()).toEqual([
      `Gamma ${D} false`,
      `Gamma ${D} true`,
      'Gamma 2026-11-27 false',
      `Small ${D} false`,
    ]);
    const team = notes.find((n) => n.team === 'Gamma' && n.day === D && !n.person)!;
    expect(team.before).toEqual({
      from: '2026-11-02',
      to: '2026-11-08',
      days: 7,
      withheld: null,
      incidents: 8,
      repeats: 3,
      people: 5,
      repeaters: 3,
    });
    expect(team.after).toMatchObject({
      from: '2026-11-10',
      to: '2026-11-16',
      incidents: 5,
      repeats: 0,
      people: 5,
      repeaters: 0,
    });
    expect(team.authorEmail).toMatch(/^manager-/);
    const smallNote = notes.find((n) => n.team === 'Small')!;
    expect(smallNote.before).toMatchObject({ withheld: 'fewer-than-k', incidents: null });
    const person = notes.find((n) => n.person)!;
    expect(person.user).toBe(gamma[0]);
    expect(person.before).toMatchObject({ incidents: 2, repeats: 1, people: 1, repeaters: 1 });
    expect(person.after).toMatchObject({ incidents: 1, repeats: 0 });
    const recent = notes.find((n) => n.day === '2026-11-27')!;
    expect(recent.after).toMatchObject({ from: '2026-11-28', to: TODAY, days: 2 });

    // The Gamma manager sees Gamma's notes; the person's figures and pseudonym are withheld.
    const mine = await get<Coaching>(`/api/v1/teams/coaching?${q}`, gammaManager);
    const theirs = mine.body.notes;
    expect(theirs.every((n) => n.team === 'Gamma')).toBe(true);
    const p = theirs.find((n) => n.person)!;
    expect(p.user).toBeNull();
    expect(p.before).toMatchObject({ withheld: 'person-history', incidents: null });
    expect((await get<Coaching>(`/api/v1/teams/coaching?${q}`, otherAdmin)).body.notes).toEqual([]);
  });

  it("reads a person's history only as the setting allows, audited, never with text", async () => {
    const path = (u: string, q = '') => `/api/v1/teams/people/${u}/history${q}`;
    const settings = await get('/api/v1/teams/settings', gammaManager);
    expect(settings.body).toEqual({ personHistory: 'admins', mayReadHistory: false });
    const h = await get<History>(path(gamma[0]!), admin);
    expect(h.status).toBe(200);
    expect(h.body.user).toBe(gamma[0]);
    expect(h.body.incidents).toHaveLength(3);
    expect(Object.keys(h.body.incidents[0]!).sort()).toEqual(
      [
        'action',
        'channel',
        'host',
        'id',
        'level',
        'outcome',
        'pageClass',
        'site',
        'team',
        'time',
        'types',
      ].sort(),
    );
    expect(h.body.incidents.map((i) => i.time.slice(0, 10))).toEqual([
      '2026-11-15',
      '2026-11-07',
      '2026-11-03',
    ]);
    const [entry] = await listAudit(t.db, tenantId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'person.history.read',
      target: `pseudonym-sha256:${sha256Hex(gamma[0]!)}`,
      details: { incidents: 3 },
    });
    expect(JSON.stringify(entry)).not.toContain(gamma[0]);
    expect(
      (await get<History>(path(gamma[0]!, '?from=2026-11-05&to=2026-11-10'), admin)).body.incidents,
    ).toHaveLength(1);

    const refusedManager = await get(path(gamma[0]!), gammaManager);
    expect(refusedManager).toMatchObject({
      status: 403,
      body: { error: 'person_history_not_allowed' },
    });
    expect((await get(path(gamma[0]!), auditor)).body.error).toBe('forbidden');
    expect((await get(path('short'), admin)).status).toBe(400);
    expect((await get(path(gamma[0]!, '?from=2026-11-05'), admin)).status).toBe(400);
    expect((await get(path(gamma[0]!, '?x=1'), admin)).status).toBe(400);
    expect((await get(path(fakeUser('Nobody', 1)), admin)).status).toBe(404);
    expect((await get(path(gamma[0]!), otherAdmin)).status).toBe(404);

    // Settings: admins only, audited; bad values refused.
    expect(
      (await post('/api/v1/teams/settings', { personHistory: 'everyone' }, admin)).status,
    ).toBe(400);
    expect((await post('/api/v1/teams/settings', {}, admin)).status).toBe(400);
    expect(
      (await post('/api/v1/teams/settings', { personHistory: 'admins-and-managers' }, gammaManager))
        .status,
    ).toBe(403);
    const set = await post(
      '/api/v1/teams/settings',
      { personHistory: 'admins-and-managers' },
      admin,
    );
    expect(set.body).toEqual({ personHistory: 'admins-and-managers', mayReadHistory: true });
    const [setEntry] = await listAudit(t.db, tenantId, { limit: 1 });
    expect(setEntry).toMatchObject({
      action: 'tenant.person_history',
      details: { from: 'admins', to: 'admins-and-managers' },
    });
    // Now the Gamma manager reads Gamma people, but not Alpha's.
    expect((await get<History>(path(gamma[1]!), gammaManager)).body.incidents).toHaveLength(3);
    expect((await get(path(alpha[0]!), gammaManager)).status).toBe(404);
    expect((await get(path(alpha[0]!), auditor)).status).toBe(403);
    // Off: nobody, admins included.
    await post('/api/v1/teams/settings', { personHistory: 'off' }, admin);
    expect((await get(path(gamma[0]!), admin)).body.error).toBe('person_history_not_allowed');
    await post('/api/v1/teams/settings', { personHistory: 'admins' }, admin);
  });

  it('erasure removes the notes about the person, and keeps team notes', async () => {
    const before = await t.db
      .selectFrom('coaching_notes')
      .select(['pseudonym'])
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(before.filter((n) => n.pseudonym === gamma[0])).toHaveLength(1);
    const r = await eraseUser(t.db, tenantId, gamma[0]!, { actor: 'cli:tester', now: NOW });
    expect(r.deleted.coaching_notes).toBe(1);
    const after = await t.db
      .selectFrom('coaching_notes')
      .select(['pseudonym'])
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(after).toHaveLength(before.length - 1);
    expect(after.every((n) => n.pseudonym === null)).toBe(true);
  });
});
