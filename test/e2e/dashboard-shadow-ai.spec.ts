/**
 * The Shadow AI page (issue 6) in Debian's Chromium against the REAL backend
 * (dashboard-harness.ts): visit counts sent through the device API (`POST /api/v1/visits`, as the
 * extension sends them; a replay changes nothing), the table of AI tools with approval badges,
 * vendor facts, people counted only from k, visits and incidents, and the visits chart's table,
 * every figure checked against the SQLite file. An admin's "Approve" drafts a policy change (a
 * draft row, an audit entry, nothing published); a manager sees only their teams and no buttons,
 * and the API refuses them too. Screenshot: docs/dashboard/shadow-ai.png.
 *
 * Needs the built dashboard (`npm run build:dashboard`; `npm test` builds it first).
 */
import { faker } from '@faker-js/faker';
import { expect, test, type Page } from '@playwright/test';
import {
  DAY_MS,
  DashboardHarness,
  MANAGER_TEAM,
  MIDNIGHT,
  PERIOD,
  shot,
  day,
  fmt,
  inPeriod,
} from './dashboard-harness.ts';

test.describe.configure({ mode: 'serial' });

const h = new DashboardHarness();
const K = 5;
const URL_PATH = `/dashboard/shadow-ai?from=${PERIOD.from}&to=${PERIOD.to}`;
/** The AI sites the seeded agents visited (catalogue ids and their first host). */
const VISITED = [
  ['chatgpt', 'chat.openai.com'],
  ['claude', 'claude.ai'],
  ['perplexity', 'perplexity.ai'],
] as const;

interface Expected {
  visits: number;
  incidents: number;
  users: number;
}

/** Per tool, the figures of the period straight from the database (the server's rules). */
function expected(team: string | null): Map<string, Expected> {
  const [a, b] = inPeriod(PERIOD);
  const teamSql = team === null ? '' : 'and team = ?';
  const teamArg = team === null ? [] : [team];
  const out = new Map<string, Expected>();
  const at = (k: string) => {
    let e = out.get(k);
    if (!e) out.set(k, (e = { visits: 0, incidents: 0, users: 0 }));
    return e;
  };
  const visits = h.db
    .prepare(
      `select site_id as k, sum(count) as n from visits where tenant_id = ? and day >= ? and day <= ? ${teamSql} group by site_id`,
    )
    .all(h.tenantId, PERIOD.from, PERIOD.to, ...teamArg) as { k: string; n: number }[];
  for (const v of visits) at(v.k).visits = v.n;
  const incidents = h.db
    .prepare(
      `select coalesce(site_id, host) as k, count(*) as n from incidents where tenant_id = ?
       and time >= ? and time < ? and page_class in ('approved-ai', 'unapproved-ai') ${teamSql}
       group by k`,
    )
    .all(h.tenantId, a, b, ...teamArg) as { k: string; n: number }[];
  for (const i of incidents) at(i.k).incidents = i.n;
  const users = h.db
    .prepare(
      `select k, count(*) as n from (
         select site_id as k, user_pseudonym as u from visits where tenant_id = ? and day >= ? and day <= ? ${teamSql}
         union
         select coalesce(site_id, host), user_pseudonym from incidents where tenant_id = ? and time >= ? and time < ?
           and page_class in ('approved-ai', 'unapproved-ai') ${teamSql}
       ) group by k`,
    )
    .all(h.tenantId, PERIOD.from, PERIOD.to, ...teamArg, h.tenantId, a, b, ...teamArg) as {
    k: string;
    n: number;
  }[];
  for (const u of users) at(u.k).users = u.n;
  return out;
}

/** The tool table's CSV as key -> [visits, incidents, people]. */
async function toolCsv(page: Page) {
  const csv = await h.csvOf(page, 'AI tools seen');
  const head = csv[0]!;
  const col = (name: string) => head.indexOf(name);
  return {
    head,
    rows: new Map(
      csv.slice(1).map((r) => [
        r[col('Tool')]!,
        {
          visits: Number(r[col('Visits')]),
          incidents: Number(r[col('Incidents')]),
          people: r[col('People')]!,
          approval: r[col('Approval')]!,
          draft: r[col('Draft approval')]!,
        },
      ]),
    ),
  };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await h.start({ seed: 606 });
  // Each seeded device is one agent's browser; its agent visits AI tools on some of the days.
  const teams = [MANAGER_TEAM, MANAGER_TEAM, MANAGER_TEAM, MANAGER_TEAM, 'Billing'];
  for (const [i, d] of h.devices.entries()) {
    const user = faker.string.alphanumeric(43);
    const records = [];
    for (let back = 0; back < 40; back++) {
      if (!faker.datatype.boolean()) continue;
      // The first two sites every agent uses; Perplexity only two agents (fewer than k).
      for (const [siteId, host] of VISITED) {
        if (siteId === 'perplexity' && i > 1) continue;
        if (siteId === 'claude' && !faker.datatype.boolean()) continue;
        records.push({
          day: day(MIDNIGHT - back * DAY_MS),
          siteId,
          host,
          pageClass: 'unapproved-ai',
          count: faker.number.int({ min: 1, max: 9 }),
          user,
          team: teams[i],
        });
      }
    }
    const auth = { authorization: `Bearer ${d.credential}` };
    const first = await h.post('/api/v1/visits', { records }, auth);
    expect(first).toEqual({ received: records.length, changed: records.length });
    // The extension sends a batch again when its answer was lost: nothing changes.
    expect(await h.post('/api/v1/visits', { records }, auth)).toEqual({
      received: records.length,
      changed: 0,
    });
  }
});

test.afterAll(async () => {
  await h.stop();
});

test('lists every AI tool seen with approval, vendor facts, people from k, visits and incidents', async () => {
  const page = await h.newPage();
  await h.signIn(page, h.people.admin);
  await page
    .getByRole('navigation', { name: 'Dashboard' })
    .getByRole('link', { name: 'Shadow AI' })
    .click();
  await expect(page.getByRole('heading', { name: 'Shadow AI' })).toBeVisible();
  await page.goto(h.base + URL_PATH);
  await expect(page.getByRole('table', { name: /AI tools seen/ })).toBeVisible();

  const want = expected(null);
  const { rows } = await toolCsv(page);
  expect([...rows.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [key, e] of want) {
    const r = rows.get(key)!;
    expect({ key, visits: r.visits, incidents: r.incidents }).toEqual({
      key,
      visits: e.visits,
      incidents: e.incidents,
    });
    // People: the number only from k; otherwise the CSV holds no number at all.
    expect(r.people, key).toBe(e.users >= K ? String(e.users) : '');
    // The harness publishes an empty policy: nothing is approved.
    expect(r.approval).toBe('unapproved');
  }
  // On screen: "fewer than 5" for Perplexity (two agents), the number for ChatGPT.
  const perplexity = page.getByRole('row', { name: /Perplexity/ });
  await expect(perplexity.getByRole('cell').nth(6)).toHaveText(`fewer than ${K}`);
  const chat = page.getByRole('row', { name: /ChatGPT/ });
  await expect(chat.getByRole('cell').nth(6)).toHaveText(fmt.format(want.get('chatgpt')!.users));
  await expect(chat.getByText('Not approved')).toBeVisible();
  await expect(chat.getByRole('cell').nth(1)).toHaveText('OpenAI');

  // Headline figures and the visits chart's table, day by day, against the database.
  const totalVisits = [...want.values()].reduce((s, e) => s + e.visits, 0);
  await expect(page.locator('[data-figure="visits"] .figure-value')).toHaveText(
    fmt.format(totalVisits),
  );
  await expect(page.locator('[data-figure="tools"] .figure-value')).toHaveText(String(want.size));
  await expect(page.getByRole('img', { name: /Visits to all AI tools by day/ })).toBeVisible();
  const byDay = await h.csvOf(page, 'Visits and incidents of all AI tools by day');
  const perDay = new Map(
    (
      h.db
        .prepare(
          'select day, sum(count) as n from visits where tenant_id = ? and day >= ? and day <= ? group by day',
        )
        .all(h.tenantId, PERIOD.from, PERIOD.to) as { day: string; n: number }[]
    ).map((r) => [r.day, r.n]),
  );
  expect(byDay.slice(1)).toHaveLength(28);
  for (const [d, visits] of byDay.slice(1).map((r) => [r[0]!, Number(r[1])] as const)) {
    expect(visits, d).toBe(perDay.get(d) ?? 0);
  }
  // One tool's chart, chosen with the labelled control.
  await page.getByLabel('Show').selectOption({ label: 'Claude' });
  await expect(page.getByRole('img', { name: /Visits to Claude by day/ })).toBeVisible();
  const claude = await h.csvOf(page, 'Visits and incidents of Claude by day');
  expect(claude.slice(1).reduce((s, r) => s + Number(r[1]), 0)).toBe(want.get('claude')!.visits);

  // Nothing wider than the window at 1280x720.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  expect(h.cspErrors).toEqual([]);
  await page.context().close();
});

test('an admin approves a tool: a draft is saved and audited, nothing is published', async () => {
  const page = await h.newPage();
  await h.signIn(page, h.people.admin);
  await page.goto(h.base + URL_PATH);
  const chat = page.getByRole('row', { name: /ChatGPT/ });
  const revisions = () =>
    (
      h.db.prepare('select count(*) as n from policies where tenant_id = ?').get(h.tenantId) as {
        n: number;
      }
    ).n;
  const published = revisions();
  expect(
    h.db.prepare('select count(*) as n from policy_drafts where tenant_id = ?').get(h.tenantId),
  ).toEqual({ n: 0 });

  // Keyboard: focus the button and press Enter.
  await chat.getByRole('button', { name: 'Approve ChatGPT' }).focus();
  await page.keyboard.press('Enter');
  const message = page.getByTestId('decision-message');
  await expect(message).toContainText(
    'Approve ChatGPT: drafted — review and publish on the Policy page',
  );
  await expect(message.getByRole('link', { name: 'Go to the Policy page' })).toHaveAttribute(
    'href',
    '/dashboard/policy',
  );
  await expect(chat.getByText('Draft: approved')).toBeVisible();
  await expect(chat.getByText('Not approved')).toBeVisible();
  await expect(page.getByTestId('policy-state')).toContainText('A draft is waiting');

  const draft = h.db
    .prepare('select document, based_on, updated_by from policy_drafts where tenant_id = ?')
    .get(h.tenantId) as { document: string; based_on: number; updated_by: string };
  expect(JSON.parse(draft.document)).toEqual({
    version: 1,
    sites: { approved: [{ pattern: 'chat.openai.com' }, { pattern: 'chatgpt.com' }] },
  });
  expect(draft.based_on).toBe(published);
  expect(revisions()).toBe(published);
  const audit = h.db
    .prepare(
      'select action, target, details from audit_log where tenant_id = ? order by seq desc limit 2',
    )
    .all(h.tenantId) as { action: string; target: string | null; details: string }[];
  expect(audit.map((e) => [e.action, e.target])).toEqual([
    ['shadow-ai.decision', 'tool:chatgpt'],
    ['policy.draft.save', null],
  ]);
  expect(JSON.parse(audit[0]!.details)).toEqual({ decision: 'approve' });
  const { rows } = await toolCsv(page);
  expect(rows.get('chatgpt')).toMatchObject({ approval: 'unapproved', draft: 'approved' });

  await shot(page, 'shadow-ai.png', { fullPage: true });
  expect(h.cspErrors).toEqual([]);
  await page.context().close();
});

test("a manager sees only their teams' figures, no decision buttons, and the API refuses them", async () => {
  const page = await h.newPage();
  await h.signIn(page, h.people.manager);
  await page.goto(h.base + URL_PATH);
  await expect(page.getByRole('table', { name: /AI tools seen/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Block/ })).toHaveCount(0);
  await expect(page.getByText('Only admins can approve or block a tool.')).toBeVisible();
  const want = expected(MANAGER_TEAM);
  const { head, rows } = await toolCsv(page);
  expect(head).not.toContain('Decide (drafts a policy change)');
  expect([...rows.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [key, e] of want) {
    expect(rows.get(key), key).toMatchObject({
      visits: e.visits,
      incidents: e.incidents,
      people: e.users >= K ? String(e.users) : '',
    });
  }
  const session = (await (await page.request.get(`${h.base}/api/v1/auth/session`)).json()) as {
    csrfToken: string;
  };
  const refused = await page.request.post(`${h.base}/api/v1/shadow-ai/tools/claude/decision`, {
    headers: { 'x-csrf-token': session.csrfToken, origin: h.base },
    data: { decision: 'approve' },
  });
  expect(refused.status()).toBe(403);
  // A manager whose only team has fewer than k people sees nothing at all.
  const small = await h.newPage();
  await h.signIn(small, h.people.formula);
  await small.goto(h.base + URL_PATH);
  await expect(small.getByRole('status')).toContainText('Figures withheld');
  await small.context().close();
  await page.context().close();
});
