/**
 * Policy drafts on a real SQLite file and the real PostgreSQL: save validates like publish and is
 * audited, a new draft remembers the revision it started from, changeDraft starts from the draft,
 * else the published policy, else an empty one, and discard removes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, publishPolicy } from '../admin.ts';
import { listAudit, verifyAudit } from '../audit.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';
import { PolicyInvalidError, changeDraft, discardDraft, getDraft, saveDraft } from './drafts.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const ACTOR = 'user:test-admin';

describe.each(BACKENDS)('policy drafts on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(() => t.drop());

  async function tenant(): Promise<string> {
    return (await createTenant(t.db, { name: 'Drafts Co', now: T0 })).tenantId;
  }

  it('has no draft at first, saves one, and audits the save without the document', async () => {
    const id = await tenant();
    expect(await getDraft(t.db, id)).toBeNull();
    const doc = { version: 1, telemetry: 'counts', override: { allowed: false } };
    await saveDraft(t.db, id, doc, ACTOR, T0 + 1000);
    expect(await getDraft(t.db, id)).toEqual({
      document: doc,
      basedOn: null,
      updatedBy: ACTOR,
      updatedAt: new Date(T0 + 1000).toISOString(),
    });
    const [entry] = await listAudit(t.db, id, { limit: 1 });
    expect(entry).toMatchObject({ actor: ACTOR, action: 'policy.draft.save' });
    expect(entry!.details).toEqual({ basedOn: null, bytes: JSON.stringify(doc).length });
    expect(await verifyAudit(t.db, id)).toMatchObject({ ok: true });
  });

  it('bases a new draft on the newest revision and keeps that base on later saves', async () => {
    const id = await tenant();
    await publishPolicy(t.db, id, { version: 1 }, T0, 'cli:test');
    await publishPolicy(t.db, id, { version: 1, telemetry: 'counts' }, T0, 'cli:test');
    await saveDraft(t.db, id, { version: 1 }, ACTOR, T0 + 1);
    await publishPolicy(t.db, id, { version: 1, reversibleMasking: true }, T0, 'cli:test');
    await saveDraft(t.db, id, { version: 1, failMode: { 'unapproved-ai': 'open' } }, ACTOR, T0 + 2);
    const d = await getDraft(t.db, id);
    expect(d?.basedOn).toBe(2);
    expect(d?.document).toEqual({ version: 1, failMode: { 'unapproved-ai': 'open' } });
  });

  it('refuses an invalid document with every problem path and stores nothing', async () => {
    const id = await tenant();
    const bad: unknown[] = [
      [],
      'text',
      { telemetry: 'counts' },
      { version: 1, rules: { 'unapproved-ai': { otherwise: 'explode' } } },
      { version: 1, telemetry: 'everything', treshold: 1 },
      { version: 1, engine: { customDetectors: [{ id: 'x1', kind: 'regex', pattern: '(a+)+$' }] } },
    ];
    const paths: string[][] = [];
    for (const doc of bad) {
      const err = await saveDraft(t.db, id, doc, ACTOR, T0).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(PolicyInvalidError);
      paths.push((err as PolicyInvalidError).issues.map((i) => i.path));
    }
    expect(paths[2]).toEqual(['version']);
    expect(paths[3]).toEqual(['rules.unapproved-ai.otherwise']);
    expect(paths[4]).toEqual(['telemetry', 'treshold']);
    expect(paths[5]).toEqual(['engine.customDetectors[0].pattern']);
    expect(await getDraft(t.db, id)).toBeNull();
    // Only the tenant's creation is in the log: refused saves leave no entry.
    expect((await listAudit(t.db, id)).map((e) => e.action)).toEqual(['tenant.create']);
  });

  it('refuses a tenant that does not exist', async () => {
    await expect(saveDraft(t.db, 'no-such-tenant', { version: 1 }, ACTOR, T0)).rejects.toThrow(
      /no tenant/,
    );
  });

  it('changeDraft starts from nothing, then the published policy, then the draft', async () => {
    const a = await tenant();
    await changeDraft(
      t.db,
      a,
      (doc) => {
        doc.sites = { approved: [{ pattern: 'claude.ai' }] };
      },
      ACTOR,
      T0,
    );
    expect((await getDraft(t.db, a))?.document).toEqual({
      version: 1,
      sites: { approved: [{ pattern: 'claude.ai' }] },
    });

    const b = await tenant();
    await publishPolicy(t.db, b, { version: 1, telemetry: 'counts-and-reasons' }, T0, 'cli:test');
    await changeDraft(
      t.db,
      b,
      (doc) => {
        doc.sites = { unapprovedAi: ['deepseek.com'] };
      },
      ACTOR,
      T0,
    );
    const fromPublished = await getDraft(t.db, b);
    expect(fromPublished).toMatchObject({
      basedOn: 1,
      document: {
        version: 1,
        telemetry: 'counts-and-reasons',
        sites: { unapprovedAi: ['deepseek.com'] },
      },
    });
    await changeDraft(
      t.db,
      b,
      (doc) => {
        (doc.sites as { unapprovedAi: string[] }).unapprovedAi.push('poe.com');
      },
      ACTOR,
      T0 + 5,
    );
    expect((await getDraft(t.db, b))?.document).toEqual({
      version: 1,
      telemetry: 'counts-and-reasons',
      sites: { unapprovedAi: ['deepseek.com', 'poe.com'] },
    });
    // The published document itself is untouched.
    const pub = await t.db
      .selectFrom('policies')
      .select('document')
      .where('tenant_id', '=', b)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(pub.document)).toEqual({ version: 1, telemetry: 'counts-and-reasons' });

    // A change that makes the draft invalid stores nothing.
    await expect(
      changeDraft(
        t.db,
        b,
        (doc) => {
          doc.telemetry = 'all';
        },
        ACTOR,
        T0 + 6,
      ),
    ).rejects.toBeInstanceOf(PolicyInvalidError);
    expect((await getDraft(t.db, b))?.updatedAt).toBe(new Date(T0 + 5).toISOString());
  });

  it('discards the draft once, audited', async () => {
    const id = await tenant();
    await saveDraft(t.db, id, { version: 1 }, ACTOR, T0);
    expect(await discardDraft(t.db, id, ACTOR, T0 + 1)).toBe(true);
    expect(await getDraft(t.db, id)).toBeNull();
    expect(await discardDraft(t.db, id, ACTOR, T0 + 2)).toBe(false);
    const actions = (await listAudit(t.db, id)).map((e) => e.action);
    expect(actions).toEqual(['policy.draft.discard', 'policy.draft.save', 'tenant.create']);
  });
});
