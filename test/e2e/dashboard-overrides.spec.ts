/**
 * The Overrides and Teams pages (issue 6) in Debian's Chromium against the REAL backend
 * (dashboard-harness.ts). On top of the harness's seed, the tenant keeps override reasons
 * (`hush-server tenant telemetry ... counts-and-reasons`) and a device sends overridden decisions
 * with masked reasons through the real incident API. Every figure the pages show is checked
 * against the SQLite file; comments and notes carrying a generated email and phone number must
 * reach the database masked; role limits are checked in the UI and through the API. Screenshots
 * go to docs/dashboard/overrides.png and teams.png.
 *
 * Needs the built dashboard (`npm run build:dashboard`; `npm test` builds it first).
 */
import { randomUUID } from 'node:crypto';
import { faker } from '@faker-js/faker';
import { expect, test, type Page } from '@playwright/test';
import { LEVELS, TYPE_INFO, type EntityType } from '../../rules/types.ts';
import {
  DAY_MS,
  DashboardHarness,
  MANAGER_TEAM,
  MIDNIGHT,
  PERIOD,
  shot,
  day,
  fmt,
} from './dashboard-harness.ts';

test.describe.configure({ mode: 'serial' });

const h = new DashboardHarness();
let adminPage: Page;
/** A person of the manager's team whose decisions this spec sends. */
const AGENT = faker.string.alphanumeric(43);
/** A person of another team. */
const OTHER = faker.string.alphanumeric(43);
/** The day the coaching note is dated: ten days ago. */
const NOTE_DAY = day(MIDNIGHT - 10 * DAY_MS);

interface Row {
  id: string;
  time: string;
  counts: string;
  team: string | null;
  reason: string | null;
  user_pseudonym: string;
}

const rank = (counts: string) =>
  Math.max(
    -1,
    ...Object.keys(JSON.parse(counts) as object).map((t) =>
      LEVELS.indexOf(TYPE_INFO[t as EntityType].level),
    ),
  );
const HIGH = LEVELS.indexOf('CONFIDENTIAL');

/** Overridden decisions of the tenant, oldest first, with whether each is closed. */
function overrides(): (Row & { closed: boolean })[] {
  return h.db
    .prepare(
      `select i.id, i.time, i.counts, i.team, i.reason, i.user_pseudonym,
         coalesce(r.status, 'open') = 'closed' as closed
       from incidents i left join override_reviews r
         on r.tenant_id = i.tenant_id and r.incident_id = i.id
       where i.tenant_id = ? and i.outcome = 'overridden' order by i.time, i.id`,
    )
    .all(h.tenantId)
    .map((r) => ({ ...(r as Row), closed: (r as { closed: number }).closed === 1 }));
}

const figure = (page: Page, k: string) => page.locator(`[data-figure="${k}"] .figure-value`);

async function csrf(page: Page): Promise<Record<string, string>> {
  const s = (await (await page.request.get(`${h.base}/api/v1/auth/session`)).json()) as {
    csrfToken: string;
  };
  return { 'x-csrf-token': s.csrfToken, origin: h.base };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await h.start();
  h.cli('tenant', 'telemetry', h.tenantId, 'counts-and-reasons');
  faker.seed(606);
  const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
  const record = (
    user: string,
    team: string,
    daysAgo: number,
    counts: Record<string, number>,
    reason?: string,
  ) => ({
    id: randomUUID(),
    time: minute(MIDNIGHT - daysAgo * DAY_MS + faker.number.int({ min: 1, max: 600 }) * 60_000),
    siteId: 'claude',
    host: 'claude.ai',
    pageClass: 'unapproved-ai',
    channel: 'send',
    action: 'warn',
    outcome: 'overridden',
    counts,
    policyVersion: 2,
    extensionVersion: '0.2.0',
    user,
    team,
    ...(reason ? { reason } : {}),
  });
  const records = [
    record(
      AGENT,
      MANAGER_TEAM,
      12,
      { CREDIT_CARD: 1 },
      'Refund for [PERSON_1], card [CREDIT_CARD_1]',
    ),
    record(AGENT, MANAGER_TEAM, 6, { EMAIL: 2 }, 'Customer asked me to draft a reply to [EMAIL_1]'),
    record(AGENT, MANAGER_TEAM, 3, { IP_ADDRESS: 1 }, 'Log line for the network team'),
    record(AGENT, MANAGER_TEAM, 1, { US_SSN: 1 }, 'Tax form, [US_SSN_1], customer insisted'),
    record(OTHER, 'Billing', 4, { IBAN: 1 }, 'Invoice correction for [IBAN_1]'),
    record(OTHER, 'Billing', 2, { IP_ADDRESS: 2 }, 'Firewall ticket'),
  ];
  const d = h.devices[0]!;
  const sent = await h.post(
    '/api/v1/incidents',
    { records },
    { authorization: `Bearer ${d.credential}` },
  );
  expect(sent).toMatchObject({ new: records.length, reasonsDropped: 0 });
  h.refreshRollups();
  adminPage = await h.newPage();
  await h.signIn(adminPage, h.people.admin);
});

test.afterAll(async () => {
  await h.stop();
});

test('overrides: the queue, its counts and reasons match the database', async () => {
  const page = adminPage;
  await page.getByRole('link', { name: 'Overrides' }).click();
  await expect(page.getByRole('heading', { name: 'Overrides', level: 1 })).toBeVisible();
  const all = overrides();
  const high = all.filter((o) => rank(o.counts) >= HIGH);
  expect(all.length).toBeGreaterThan(10);
  expect(all.filter((o) => o.reason !== null)).toHaveLength(6);
  await expect(figure(page, 'open-high-risk')).toHaveText(fmt.format(high.length));
  await expect(figure(page, 'open')).toHaveText(fmt.format(all.length));
  await expect(figure(page, 'closed')).toHaveText('0');
  await expect(figure(page, 'total')).toHaveText(fmt.format(all.length));

  const rows = await h.csvOf(page, 'Overridden decisions, oldest first');
  expect(rows[0]).toEqual([
    'Decision',
    'Decided',
    'Age (days)',
    'Level',
    'Types',
    'Site',
    'Team',
    'Person (pseudonym)',
    'Reason (masked)',
    'Review',
    'Comments',
  ]);
  const firstPage = high.slice(0, 50);
  expect(rows.slice(1).map((r) => r[0])).toEqual(firstPage.map((o) => o.id));
  for (const r of rows.slice(1)) {
    const o = firstPage.find((x) => x.id === r[0])!;
    expect(r[1]).toBe(o.time);
    expect(r[6]).toBe(o.team);
    expect(r[7]).toBe(o.user_pseudonym);
    expect(r[8]).toBe(o.reason ?? '');
    expect(r[9]).toBe('open');
    expect(Number(r[2])).toBe(Math.floor((Date.now() - Date.parse(o.time)) / DAY_MS));
  }
  // The INTERNAL ones (an IP address only) are not high-risk: shown by the level filter.
  await page.getByLabel('Level').selectOption('INTERNAL');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/level=INTERNAL/);
  const internal = await h.csvOf(page, 'Overridden decisions, oldest first');
  expect(internal.slice(1).map((r) => r[8])).toEqual([
    'Log line for the network team',
    'Firewall ticket',
  ]);
  // Usable at 1280x720: nothing wider than the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test('overrides: a manager comments (masked before storing) and closes; limits hold', async () => {
  const page = await h.newPage();
  await h.signIn(page, h.people.manager);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await nav.getByRole('link', { name: 'Overrides' }).click();
  const mine = overrides().filter((o) => o.team === MANAGER_TEAM && rank(o.counts) >= HIGH);
  await expect(figure(page, 'open-high-risk')).toHaveText(fmt.format(mine.length));
  const rows = await h.csvOf(page, 'Overridden decisions, oldest first');
  // The default person-history rule ('admins'): a manager sees no pseudonyms.
  expect(rows[0]).not.toContain('Person (pseudonym)');
  expect(rows.slice(1).map((r) => r[0])).toEqual(mine.slice(0, 50).map((o) => o.id));
  expect(new Set(rows.slice(1).map((r) => r[6]))).toEqual(new Set([MANAGER_TEAM]));

  // Open the card decision this spec sent (its reason is unique).
  const target = overrides().find((o) => o.reason?.startsWith('Refund for'))!;
  await page.goto(`${h.base}/dashboard/overrides?id=${target.id}`);
  const panel = page.locator('section.decision');
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(panel.locator('[data-field="reason"]')).toHaveText(target.reason!);
  await expect(panel.getByText('Do not quote customer data').first()).toBeVisible();

  const email = faker.internet.email().toLowerCase();
  const phone = `+44 20 7${faker.string.numeric(3)} ${faker.string.numeric(4)}`;
  await panel
    .getByLabel('Comment', { exact: true })
    .fill(`Customer ${email} rang from ${phone} about the refund; agent pasted the card.`);
  await panel.getByRole('button', { name: 'Add comment' }).click();
  await expect(panel.getByRole('status')).toContainText('2 values were masked');
  const stored = h.db
    .prepare('select body, author from override_comments where tenant_id = ? and incident_id = ?')
    .all(h.tenantId, target.id) as { body: string; author: string }[];
  expect(stored).toHaveLength(1);
  expect(stored[0]!.body).toBe(
    'Customer [EMAIL_1] rang from [PHONE_1] about the refund; agent pasted the card.',
  );
  const dump = JSON.stringify(h.db.prepare('select * from override_comments').all());
  expect(dump).not.toContain(email);
  expect(dump).not.toContain(phone);
  await expect(panel.getByRole('list', { name: 'Comments' })).toContainText(stored[0]!.body);

  await panel.getByLabel('Verdict').selectOption('coached');
  await panel.getByRole('button', { name: 'Close decision' }).click();
  await expect(panel.locator('[data-field="review"]')).toContainText('closed as coached by');
  await expect(figure(page, 'open-high-risk')).toHaveText(fmt.format(mine.length - 1));
  await expect(figure(page, 'closed')).toHaveText('1');
  const review = h.db
    .prepare('select status, verdict from override_reviews where tenant_id = ? and incident_id = ?')
    .get(h.tenantId, target.id);
  expect(review).toEqual({ status: 'closed', verdict: 'coached' });
  const audit = h.db
    .prepare(
      `select action, target from audit_log where tenant_id = ? and action like 'override.%' order by seq`,
    )
    .all(h.tenantId);
  expect(audit).toEqual([
    { action: 'override.comment', target: target.id },
    { action: 'override.close', target: target.id },
  ]);

  // Through the API from the same page: another team's decision is not theirs.
  const billing = overrides().find((o) => o.team === 'Billing')!;
  const headers = await csrf(page);
  const res = await page.request.post(`${h.base}/api/v1/overrides/${billing.id}/comments`, {
    headers,
    data: { body: 'not my team' },
  });
  expect(res.status()).toBe(404);
  const list = (await (
    await page.request.get(`${h.base}/api/v1/overrides?level=all&status=all`)
  ).json()) as { items: { team: string }[] };
  expect(new Set(list.items.map((i) => i.team))).toEqual(new Set([MANAGER_TEAM]));
  await page.context().close();
});

test('overrides: the admin reads the reviewed decision; the auditor only reads', async () => {
  const page = adminPage;
  const target = overrides().find((o) => o.reason?.startsWith('Refund for'))!;
  await page.goto(`${h.base}/dashboard/overrides?status=all&id=${target.id}`);
  const panel = page.locator('section.decision');
  await expect(panel.locator('[data-field="review"]')).toContainText(
    `closed as coached by ${h.people.manager.email}`,
  );
  await expect(panel.getByRole('button', { name: 'Reopen decision' })).toBeVisible();
  // The decision, the counts and the first rows of the manager's team's queue.
  await page.goto(
    `${h.base}/dashboard/overrides?status=all&team=${encodeURIComponent(MANAGER_TEAM)}&id=${target.id}`,
  );
  await expect(panel.getByRole('button', { name: 'Reopen decision' })).toBeVisible();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await shot(page, 'overrides.png', {
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: 1500 },
  });

  const auditor = await h.newPage();
  await h.signIn(auditor, h.people.auditor);
  await auditor.goto(`${h.base}/dashboard/overrides?status=all&id=${target.id}`);
  await expect(auditor.locator('[data-field="reason"]')).toHaveText(target.reason!);
  await expect(auditor.getByRole('form', { name: 'Add a comment' })).toHaveCount(0);
  await expect(auditor.getByRole('form', { name: 'Close the decision' })).toHaveCount(0);
  await expect(auditor.getByText('admins and managers comment and close')).toBeVisible();
  const res = await auditor.request.post(`${h.base}/api/v1/overrides/${target.id}/reopen`, {
    headers: await csrf(auditor),
    data: {},
  });
  expect(res.status()).toBe(403);
  await auditor.context().close();
});

/** Repeat figures recounted from the incidents table (the definition in server/teams.ts). */
function repeats(team: string, from: string, to: string, repeatDays: number) {
  const rows = h.db
    .prepare(
      `select user_pseudonym as u, substr(time, 1, 10) as d, count(*) as n from incidents
       where tenant_id = ? and team = ? group by u, d order by u, d`,
    )
    .all(h.tenantId, team) as { u: string; d: string; n: number }[];
  let incidents = 0;
  let reps = 0;
  const people = new Set<string>();
  rows.forEach((r, i) => {
    if (r.d < from || r.d > to) return;
    const prev = rows[i - 1];
    const earlier =
      prev !== undefined &&
      prev.u === r.u &&
      Date.parse(r.d) - Date.parse(prev.d) <= repeatDays * DAY_MS;
    incidents += r.n;
    reps += earlier ? r.n : r.n - 1;
    people.add(r.u);
  });
  return { incidents, repeats: reps, people: people.size };
}

test('teams: trends per team, coaching with repeat incidents, a person history', async () => {
  const page = adminPage;
  await page.goto(`${h.base}/dashboard/teams?from=${PERIOD.from}&to=${PERIOD.to}&bucket=week`);
  await expect(page.getByRole('heading', { name: 'Teams', level: 1 })).toBeVisible();
  const weeks = await h.csvOf(page, 'Incidents per team by week');
  expect(weeks[0]![0]).toBe('Week from');
  expect(weeks).toHaveLength(5);
  const shown = weeks[0]!.slice(1);
  // Onboarding (2 people) is under k = 5: never shown by name.
  expect(shown).not.toContain('Onboarding');
  expect(shown).toContain(MANAGER_TEAM);
  expect(shown.at(-1)).toMatch(/^Other \(\d teams\)$/);
  for (const r of weeks.slice(1)) {
    const start = r[0]!;
    const end = day(Math.min(Date.parse(start) + 6 * DAY_MS, Date.parse(PERIOD.to)));
    const p = { from: start, to: end };
    let named = 0;
    shown.forEach((team, i) => {
      if (team.startsWith('Other')) return;
      const n = h.count('and team = ?', [team], p);
      named += n;
      expect(Number(r[i + 1]), `${team} ${start}`).toBe(n);
    });
    expect(Number(r[shown.length]), `other ${start}`).toBe(h.count('', [], p) - named);
  }
  await expect(page.locator(`[data-team="${MANAGER_TEAM}"] h3`)).toContainText(
    `${MANAGER_TEAM}: ${fmt.format(h.count('and team = ?', [MANAGER_TEAM]))} incidents`,
  );

  // A coaching note for the manager's team, with a generated email in it.
  const email = faker.internet.email().toLowerCase();
  const form = page.getByRole('form', { name: 'Add a coaching note' });
  await form.getByLabel('Team').fill(MANAGER_TEAM);
  await form.getByLabel('Day of the coaching').fill(NOTE_DAY);
  await form
    .getByLabel('Note', { exact: true })
    .fill(`Session on overrides; example ticket from ${email}.`);
  await form.getByRole('button', { name: 'Add note' }).click();
  await expect(form.getByRole('status')).toContainText('1 value was masked');
  const note = h.db
    .prepare('select note, team, day, pseudonym from coaching_notes where tenant_id = ?')
    .get(h.tenantId);
  expect(note).toEqual({
    note: 'Session on overrides; example ticket from [EMAIL_1].',
    team: MANAGER_TEAM,
    day: NOTE_DAY,
    pseudonym: null,
  });
  const coaching = await h.csvOf(page, 'Coaching notes with repeat incidents before and after');
  expect(coaching).toHaveLength(2);
  const [, , about, text, by, repBefore, incBefore, repAfter, incAfter, daysAfter] = coaching[1]!;
  expect([about, text, by]).toEqual([
    'the team',
    'Session on overrides; example ticket from [EMAIL_1].',
    h.people.admin.email,
  ]);
  const before = repeats(
    MANAGER_TEAM,
    day(Date.parse(NOTE_DAY) - 28 * DAY_MS),
    day(Date.parse(NOTE_DAY) - DAY_MS),
    30,
  );
  const after = repeats(MANAGER_TEAM, day(Date.parse(NOTE_DAY) + DAY_MS), day(MIDNIGHT), 30);
  expect(before.people).toBeGreaterThanOrEqual(5);
  expect(after.people).toBeGreaterThanOrEqual(5);
  expect([repBefore, incBefore, repAfter, incAfter, daysAfter].map(Number)).toEqual([
    before.repeats,
    before.incidents,
    after.repeats,
    after.incidents,
    10,
  ]);

  // A person's history: the admin may (the default rule); the reading is audited.
  await expect(page.locator('[data-setting="admins"]')).toBeVisible();
  await page.getByLabel('Pseudonym', { exact: true }).fill(AGENT);
  await page.getByRole('button', { name: 'Show history' }).click();
  const history = await h.csvOf(page, 'Incidents of this person, newest first');
  const want = h.db
    .prepare(
      'select time, channel, action, outcome from incidents where tenant_id = ? and user_pseudonym = ? order by time desc',
    )
    .all(h.tenantId, AGENT) as { time: string; channel: string; action: string; outcome: string }[];
  expect(history.slice(1).map((r) => [r[0], r[2], r[5], r[6]])).toEqual(
    want.map((w) => [w.time, w.channel, w.action, w.outcome]),
  );
  expect(history[0]).not.toContain('Reason (masked)');
  const read = h.db
    .prepare(
      `select count(*) as n from audit_log where tenant_id = ? and action = 'person.history.read'`,
    )
    .get(h.tenantId) as { n: number };
  expect(read.n).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await shot(page, 'teams.png', { fullPage: true });
});

test('teams: a manager sees their team, and a history only once the setting allows it', async () => {
  const page = await h.newPage();
  await h.signIn(page, h.people.manager);
  await page.goto(`${h.base}/dashboard/teams?from=${PERIOD.from}&to=${PERIOD.to}`);
  const weeks = await h.csvOf(page, 'Incidents per team by week');
  expect(weeks[0]!.slice(1)).toEqual([MANAGER_TEAM]);
  await expect(page.getByText('does not let the manager role read')).toBeVisible();
  const denied = await page.request.get(`${h.base}/api/v1/teams/people/${AGENT}/history`);
  expect(denied.status()).toBe(403);
  // The person's coaching figures stay hidden too; the team note is theirs to see.
  const coaching = await h.csvOf(page, 'Coaching notes with repeat incidents before and after');
  expect(coaching.slice(1).map((r) => r[1])).toEqual([MANAGER_TEAM]);

  // The admin lets managers read their own people's history (audited).
  await adminPage.getByLabel("Who may read a person's history").selectOption('admins-and-managers');
  await adminPage.getByRole('button', { name: 'Save setting' }).click();
  await expect(adminPage.locator('[data-setting="admins-and-managers"]')).toBeVisible();
  const setting = h.db
    .prepare('select person_history as p from tenants where id = ?')
    .get(h.tenantId) as { p: string };
  expect(setting.p).toBe('admins-and-managers');

  await page.reload();
  // Wait for the page to have loaded its figures before using its form (CI once clicked
  // "Show history" before the page was ready, and no history came).
  await expect(
    page.locator('caption', { hasText: 'Incidents per team by week' }).first(),
  ).toBeVisible();
  // Asked again until the history shows: the form can still be taking the reloaded page's
  // setting when the first click lands (CI missed the history twice, after a bare click).
  await expect(async () => {
    await page.getByLabel('Pseudonym', { exact: true }).fill(AGENT);
    await page.getByRole('button', { name: 'Show history' }).click();
    await expect(
      page.locator('caption', { hasText: 'Incidents of this person, newest first' }).first(),
    ).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  const history = await h.csvOf(page, 'Incidents of this person, newest first');
  const n = h.db
    .prepare(
      'select count(*) as n from incidents where tenant_id = ? and user_pseudonym = ? and team = ?',
    )
    .get(h.tenantId, AGENT, MANAGER_TEAM) as { n: number };
  expect(history).toHaveLength(n.n + 1);
  // Another team's person stays out of reach.
  const other = await page.request.get(`${h.base}/api/v1/teams/people/${OTHER}/history`);
  expect(other.status()).toBe(404);
  await page.context().close();
  expect(h.cspErrors).toEqual([]);
});
