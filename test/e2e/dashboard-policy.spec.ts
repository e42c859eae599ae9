/**
 * The dashboard's Policy page (issue 6) in Debian's Chromium against the REAL backend
 * (dashboard-harness.ts): editing in the form and as JSON, problems named by path with publishing
 * refused, the diff against the published revision, publishing (a new revision in the database,
 * audited), rollback, role limits in the UI and through the API, custom detectors edited in the
 * form, and the playground, whose marked spans must equal what `hush scan --jsonl` finds in the
 * same text under the same policy, with the text never leaving the page. Screenshots go to docs/dashboard/policy.png, policy-form.png and
 * policy-detectors.png.
 *
 * Needs the built dashboard (`npm run build:dashboard`) and the built CLI (`npm ci` builds it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DashboardHarness, ROOT, shot } from './dashboard-harness.ts';

test.describe.configure({ mode: 'serial' });

const h = new DashboardHarness();
let admin: Page;
let tmp: string;

/** Hand-written sample: a made-up person, a test card number, an employee id for the custom rule. */
const SAMPLE =
  'Ticket from Maren Olsen, employee EMP-204311. Card 4539 1488 0343 6467 was charged twice; ' +
  'write to maren.olsen@fjordpost-mail.no or call +44 20 7946 0958.';

/** The engine part the test adds in the JSON editor: a custom detector and a level. */
const ENGINE = {
  levels: { PHONE: 'RESTRICTED' },
  customDetectors: [
    {
      id: 'employee-id',
      kind: 'regex',
      pattern: '(?<![\\w-])EMP-\\d{6}(?!\\w)',
      type: 'CUSTOM',
      score: 0.9,
      description: 'Employee numbers',
    },
  ],
};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await h.start({ seed: 6006 });
  tmp = mkdtempSync(join(tmpdir(), 'hush-policy-e2e-'));
});

test.afterAll(async () => {
  await h.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The newest revision's number and document, from the database. */
function newest(): { revision: number; document: unknown } {
  const row = h.db
    .prepare(
      'select revision, document from policies where tenant_id = ? order by revision desc limit 1',
    )
    .get(h.tenantId) as { revision: number; document: string };
  return { revision: row.revision, document: JSON.parse(row.document) };
}

/** The tenant's last audit entry. */
function lastAudit(): { actor: string; action: string; details: Record<string, unknown> } {
  const row = h.db
    .prepare('select actor, action, details from audit_log where tenant_id = ? order by seq desc')
    .get(h.tenantId) as { actor: string; action: string; details: string };
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
}

/** Calls the API from the signed-in page, with the session's CSRF token; returns the status. */
async function apiStatus(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([method, path, body]) => {
      const s = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        ...(body === null ? {} : { body: JSON.stringify(body) }),
      });
      return res.status;
    },
    [method, path, body ?? null] as const,
  );
}

const jsonBox = (page: Page) => page.getByLabel('Policy JSON');
const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

async function editorDoc(page: Page): Promise<Record<string, unknown>> {
  await tab(page, 'JSON').click();
  return JSON.parse(await jsonBox(page).inputValue()) as Record<string, unknown>;
}

test('admin edits in the form, then as JSON; problems are named and block saving', async () => {
  admin = await h.newPage();
  await h.signIn(admin, h.people.admin);
  await admin.getByRole('navigation').getByRole('link', { name: 'Policy' }).click();
  await expect(admin.getByRole('heading', { name: 'Policy' })).toBeVisible();
  await expect(admin.getByTestId('policy-state')).toContainText('Revision 2 is in force.');
  await expect(admin.getByTestId('policy-state')).toContainText('No saved draft.');

  // Form: unapproved AI sites warn on anything, and block email addresses.
  const ai = admin.locator('[data-section="class-unapproved-ai"]');
  await ai.getByLabel('Action for anything else').selectOption('warn');
  await ai.getByLabel('Type to add to Action per data type').selectOption('EMAIL');
  await ai.getByLabel('Choice to add to Action per data type').selectOption('block');
  await ai.getByRole('button', { name: 'Add to Action per data type' }).click();
  await expect(ai.getByLabel('EMAIL')).toHaveValue('block');
  await admin.getByLabel('Telemetry level').selectOption('counts-and-reasons');
  await admin.getByLabel('Disclosure text shown to agents').fill('Hush checks what you paste.');
  await admin.getByLabel('Disclosure text shown to agents').blur();
  await admin.evaluate(() => window.scrollTo(0, 0));
  await shot(admin, 'policy-form.png');
  expect(await editorDoc(admin)).toEqual({
    version: 1,
    rules: { 'unapproved-ai': { otherwise: 'warn', byType: { EMAIL: 'block' } } },
    telemetry: 'counts-and-reasons',
    disclosure: { text: 'Hush checks what you paste.' },
  });

  // JSON: a syntax error is reported with its place, and nothing can be saved or published.
  const save = admin.getByRole('button', { name: 'Save draft' });
  const publish = admin.getByRole('button', { name: 'Publish…' });
  const good = await jsonBox(admin).inputValue();
  await jsonBox(admin).fill('{ "version": 1, ');
  await expect(admin.getByTestId('policy-issues')).toContainText('not valid JSON at line 1');
  await expect(save).toBeDisabled();
  await expect(publish).toBeDisabled();
  // A schema problem names the field's path, in the summary and under the field in the form.
  await jsonBox(admin).fill(
    '{ "version": 1, "telemetry": "everything", "failMode": { "approved-ai": "maybe" } }',
  );
  const issues = admin.getByTestId('policy-issues');
  await expect(issues).toContainText('2 problems');
  await expect(issues).toContainText('telemetry: must be one of counts, counts-and-reasons');
  await expect(issues).toContainText('failMode.approved-ai: must be one of closed, open');
  await expect(publish).toBeDisabled();
  await tab(admin, 'Form').click();
  await expect(admin.locator('[data-field="telemetry"] .field-issues')).toContainText(
    'must be one of counts, counts-and-reasons',
  );
  // The server refuses the same document with the same path (the page cannot be bypassed).
  expect(
    await apiStatus(admin, 'PUT', '/api/v1/policies/draft', {
      document: { version: 1, telemetry: 'everything' },
    }),
  ).toBe(400);

  // Back to the good document, plus the engine part typed as JSON; then save the draft.
  const doc = { ...(JSON.parse(good) as Record<string, unknown>), engine: ENGINE };
  await tab(admin, 'JSON').click();
  await jsonBox(admin).fill(JSON.stringify(doc, null, 2));
  await expect(admin.getByTestId('policy-issues')).toHaveCount(0);
  await save.click();
  await expect(admin.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  const draft = h.db
    .prepare('select document, based_on, updated_by from policy_drafts where tenant_id = ?')
    .get(h.tenantId) as { document: string; based_on: number; updated_by: string };
  expect(JSON.parse(draft.document)).toEqual(doc);
  expect(draft.based_on).toBe(2);
  expect(lastAudit()).toMatchObject({ action: 'policy.draft.save', actor: draft.updated_by });
  await expect(admin.getByTestId('policy-state')).toContainText('Draft saved');
});

test('the changes tab shows the diff against the published revision', async () => {
  await tab(admin, 'Changes').click();
  const diff = admin.getByRole('region', { name: 'Changes against revision 2' });
  await expect(diff).toBeVisible();
  const added = await diff.locator('[data-kind="add"] .diff-text').allTextContents();
  const removed = await diff.locator('[data-kind="del"] .diff-text').allTextContents();
  // Revision 2 is `{"version": 1}`: its closing line goes, everything of the draft comes.
  expect(removed).toEqual(['  "version": 1']);
  expect(added).toContain('  "version": 1,');
  expect(added).toContain('        "EMAIL": "block"');
  expect(added).toContain('      "otherwise": "warn",');
  expect(added).toContain('  "telemetry": "counts-and-reasons",');
  await expect(diff.locator('.diff-summary')).toHaveText(`+${added.length} −1 lines`);
});

test('the playground marks what `hush scan --jsonl` finds, and sends nothing', async () => {
  const requests: string[] = [];
  admin.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  await tab(admin, 'Playground').click();
  const box = admin.getByLabel('Sample text');
  await box.fill(SAMPLE);
  await admin.getByLabel('Checked as if pasted into').selectOption('unapproved-ai');
  const marks = admin.getByTestId('playground-marked').locator('mark');
  await expect(marks.first()).toBeVisible();

  // The same text and the same engine policy through the CLI.
  const policyFile = join(tmp, 'engine.json');
  writeFileSync(policyFile, JSON.stringify(ENGINE));
  const cli = spawnSync(
    process.execPath,
    ['bin/hush.mjs', 'scan', '--jsonl', '--policy', policyFile],
    { cwd: ROOT, input: `${JSON.stringify({ id: 'p1', text: SAMPLE })}\n`, encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  const expected = (
    JSON.parse(cli.stdout) as {
      findings: { start: number; end: number; type: string; detector: string; score: number }[];
    }
  ).findings;
  expect(expected.map((f) => f.type)).toEqual(
    expect.arrayContaining(['PERSON', 'CUSTOM', 'CREDIT_CARD', 'EMAIL', 'PHONE']),
  );

  const shown = await marks.evaluateAll((ms) =>
    ms.map((m) => ({
      start: Number(m.getAttribute('data-start')),
      end: Number(m.getAttribute('data-end')),
      type: m.getAttribute('data-type'),
      action: m.getAttribute('data-action'),
    })),
  );
  expect(shown.map(({ start, end, type }) => ({ start, end, type }))).toEqual(
    expected.map(({ start, end, type }) => ({ start, end, type })),
  );
  // Detector ids and scores too, from the findings table's CSV.
  const csv = await h.csvOf(admin, 'What the policy would do with each finding');
  expect(csv[0]).toEqual([
    'Type',
    'Start',
    'End',
    'Level',
    'Detector',
    'Score',
    'Action',
    'Masking',
  ]);
  expect(csv.slice(1).map((r) => [r[0], Number(r[1]), Number(r[2]), r[4], Number(r[5])])).toEqual(
    expected.map((f) => [f.type, f.start, f.end, f.detector, f.score]),
  );
  // What the draft does on an unapproved AI site: email blocked, everything else warned.
  for (const s of shown) expect(s.action).toBe(s.type === 'EMAIL' ? 'block' : 'warn');
  await expect(admin.locator('.playground-verdict')).toContainText(
    'the decision for this text: block',
  );
  // On an approved AI tool the built-in rules apply: only RESTRICTED data (here the phone, by
  // the draft's level) is masked.
  await admin.getByLabel('Checked as if pasted into').selectOption('approved-ai');
  await expect(admin.locator('mark[data-type="PHONE"]')).toHaveAttribute('data-action', 'mask');
  await expect(admin.locator('mark[data-type="EMAIL"]')).toHaveAttribute('data-action', 'allow');
  await admin.getByLabel('Checked as if pasted into').selectOption('unapproved-ai');
  await shot(admin, 'policy.png', { fullPage: true });

  // Nothing the page asked for carried the text or any part of what was found.
  for (const secret of ['EMP-204311', 'maren.olsen', '4539', 'Maren', '7946']) {
    expect(requests.filter((r) => r.includes(secret))).toEqual([]);
  }
  // Indeed, nothing was asked for at all while the playground ran.
  expect(requests).toEqual([]);
});

test('publish creates the next revision from the draft; history shows who', async () => {
  const before = newest();
  expect(before.revision).toBe(2);
  const draft = await editorDoc(admin);
  await admin.getByRole('button', { name: 'Publish…' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Publish revision 3?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-kind="add"]').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(
    admin.getByRole('status').filter({ hasText: 'Published as revision 3.' }),
  ).toBeVisible();
  expect(newest()).toEqual({ revision: 3, document: draft });
  const draftRows = h.db
    .prepare('select count(*) as n from policy_drafts where tenant_id = ?')
    .get(h.tenantId) as { n: number };
  expect(draftRows.n).toBe(0);
  const entry = lastAudit();
  expect(entry).toMatchObject({
    action: 'policy.publish',
    details: { revision: 3, previous: 2, basedOn: 2 },
  });
  expect(entry.actor).toMatch(/^user:/);
  await expect(admin.getByTestId('policy-state')).toContainText('Revision 3 is in force.');
  // Nothing left to publish: the editor now holds what is in force.
  await expect(admin.getByRole('button', { name: 'Publish…' })).toBeDisabled();

  await tab(admin, 'History').click();
  const csv = await h.csvOf(admin, 'Published revisions, newest first');
  expect(csv.slice(1).map((r) => [r[0], r[2]])).toEqual([
    ['3', entry.actor],
    ['2', expect.stringMatching(/^cli:/)],
    ['1', expect.stringMatching(/^cli:/)],
  ]);
  // On screen, the admin's email stands for their id.
  await expect(admin.locator('table').first()).toContainText(h.people.admin.email);
});

test('rollback publishes an earlier revision again, audited with from and to', async () => {
  const two = h.db
    .prepare('select document from policies where tenant_id = ? and revision = 2')
    .get(h.tenantId) as { document: string };
  await admin.getByLabel('Revision', { exact: true }).selectOption('2');
  await expect(
    admin
      .getByRole('region', { name: 'Revision 3 against revision 2' })
      .locator('[data-kind="del"]')
      .first(),
  ).toBeVisible();
  await admin.getByRole('button', { name: 'Roll back to revision 2…' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Roll back to revision 2?' });
  await dialog.getByRole('button', { name: "Publish revision 2's policy" }).click();
  await expect(
    admin.getByRole('status').filter({ hasText: 'published again as revision 4' }),
  ).toBeVisible();
  expect(newest()).toEqual({ revision: 4, document: JSON.parse(two.document) });
  expect(lastAudit()).toMatchObject({
    action: 'policy.rollback',
    details: { from: 3, to: 2, revision: 4 },
  });
  // The history reloads after the answer; read the CSV once it shows the new revision (CI once
  // downloaded the table of a moment before).
  const history = admin.locator('table', {
    has: admin.locator('caption', { hasText: 'Published revisions, newest first' }),
  });
  await expect(history.locator('tbody tr').first()).toContainText('rollback to 2');
  const csv = await h.csvOf(admin, 'Published revisions, newest first');
  expect(csv[1]).toEqual([
    '4',
    expect.any(String),
    expect.stringMatching(/^user:/),
    'in force; rollback to 2',
  ]);
});

test('managers and auditors read the policy but cannot change it, in the UI or the API', async () => {
  for (const who of ['manager', 'auditor'] as const) {
    const page = await h.newPage();
    await h.signIn(page, h.people[who]);
    await page.getByRole('navigation').getByRole('link', { name: 'Policy' }).click();
    await expect(page.getByTestId('policy-state')).toContainText('Revision 4 is in force.');
    await expect(page.getByText('only an admin can change it')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
    await expect(
      page.locator('[data-section="class-unapproved-ai"]').getByLabel('Action for anything else'),
    ).toBeDisabled();
    await tab(page, 'JSON').click();
    await expect(jsonBox(page)).toHaveAttribute('readonly', '');
    await tab(page, 'History').click();
    await expect(page.getByRole('button', { name: /Roll back/ })).toHaveCount(0);
    // The playground works for readers too: it needs nothing from the server.
    await tab(page, 'Playground').click();
    await expect(page.getByTestId('playground-marked').locator('mark').first()).toBeVisible();

    expect(await apiStatus(page, 'GET', '/api/v1/policies')).toBe(200);
    expect(
      await apiStatus(page, 'PUT', '/api/v1/policies/draft', { document: { version: 1 } }),
    ).toBe(403);
    expect(await apiStatus(page, 'DELETE', '/api/v1/policies/draft')).toBe(403);
    expect(await apiStatus(page, 'POST', '/api/v1/policies/draft/publish')).toBe(403);
    expect(await apiStatus(page, 'POST', '/api/v1/policies/3/rollback')).toBe(403);
    await page.context().close();
  }
  expect(newest().revision).toBe(4);
  expect(h.cspErrors).toEqual([]);
});

test('custom detectors are edited in the form: problems under each, the playground finds them', async () => {
  await tab(admin, 'Form').click();
  const field = admin.locator('[data-field="engine.customDetectors"]');
  await expect(field).toContainText('None.');

  // A word list: added with a free id, named wrong until it has words.
  await field.getByRole('button', { name: 'Add a word list detector' }).click();
  const words = field.locator('fieldset[data-detector="custom-words-1"]');
  await expect(words.getByRole('group')).toHaveCount(0);
  await expect(words.locator('.field-issues')).toContainText(
    'engine.customDetectors[0].words: must list at least one word',
  );
  await words.getByLabel('Id', { exact: true }).fill('project-names');
  await words.getByLabel('Id', { exact: true }).blur();
  const list = field.locator('fieldset[data-detector="project-names"]');
  await list.getByLabel('Words (one a line)').fill('Project Falcon\n\n  Osprey  \n');
  await list.getByLabel('Words (one a line)').blur();
  await expect(list.locator('.field-issues')).toHaveCount(0);

  // A pattern: one that can freeze a browser is refused under it, a safe one is taken.
  await field.getByRole('button', { name: 'Add a pattern detector' }).click();
  const pattern = field.locator('fieldset[data-detector="custom-pattern-1"]');
  const box = pattern.getByLabel('Pattern (regular expression)');
  await box.fill('(a+)+$');
  await box.blur();
  await expect(pattern.locator('.field-issues')).toContainText('can backtrack catastrophically');
  await expect(admin.getByRole('button', { name: 'Publish…' })).toBeDisabled();
  await box.fill(String.raw`(?<![\w-])EMP-\d{6}(?!\w)`);
  await box.blur();
  await pattern.getByLabel('Context words').fill('employee, staff');
  await pattern.getByLabel('Context words').blur();
  await pattern.getByLabel('Score (0 to 1)').fill('0.9');
  await pattern.getByLabel('Score (0 to 1)').blur();
  await expect(admin.getByTestId('policy-issues')).toHaveCount(0);
  await shot(field, 'policy-detectors.png');

  const engine = (await editorDoc(admin)).engine as Record<string, unknown>;
  expect(engine.customDetectors).toEqual([
    {
      id: 'project-names',
      kind: 'dictionary',
      words: ['Project Falcon', 'Osprey'],
      type: 'CUSTOM',
    },
    {
      id: 'custom-pattern-1',
      kind: 'regex',
      pattern: String.raw`(?<![\w-])EMP-\d{6}(?!\w)`,
      type: 'CUSTOM',
      context: ['employee', 'staff'],
      score: 0.9,
    },
  ]);

  // The playground runs the draft: both detectors mark their values.
  await tab(admin, 'Playground').click();
  await admin.getByLabel('Sample text').fill('Osprey notes for employee EMP-204311, please.');
  const custom = admin.getByTestId('playground-marked').locator('mark[data-type="CUSTOM"]');
  await expect(custom).toHaveText([/^Osprey/, /^EMP-204311/]);

  // Removing one leaves the other.
  await tab(admin, 'Form').click();
  await field.getByRole('button', { name: 'Remove Word list project-names' }).click();
  await expect(field.locator('fieldset.custom-detector')).toHaveCount(1);
  const after = (await editorDoc(admin)).engine as Record<string, unknown>;
  expect((after.customDetectors as { id: string }[]).map((d) => d.id)).toEqual([
    'custom-pattern-1',
  ]);
});
