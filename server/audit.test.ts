/**
 * The audit chain on a real SQLite file and the real PostgreSQL: it verifies, every kind of
 * tampering is found at the right seq, concurrent appenders (including two separate connections
 * pools, as two server instances have) keep one gap-free chain, and admin actions append entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTenant, publishPolicy, rotateKey, setTelemetry } from './admin.ts';
import { appendAudit, canonicalJson, entryHash, listAudit, verifyAudit } from './audit.ts';
import { openDb } from './db/index.ts';
import { BACKENDS, PG_URL, type TestDb } from './test-util.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('canonicalJson', () => {
  it('sorts keys at every level and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/finite/);
    expect(() => canonicalJson({ x: undefined })).toThrow(/plain JSON/);
  });
});

describe.each(BACKENDS)('audit log on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(() => t.drop());

  async function chain(tenantId: string, n: number) {
    for (let i = 0; i < n; i++) {
      await appendAudit(
        t.db,
        { tenantId, actor: 'cli:tester', action: 'test.step', target: `t${i}`, details: { i } },
        T0 + i * 1000,
      );
    }
  }

  it('chains entries, verifies, and lists newest first', async () => {
    await chain('tenant-a', 5);
    const v = await verifyAudit(t.db, 'tenant-a');
    expect(v).toMatchObject({ ok: true, entries: 5 });
    const list = await listAudit(t.db, 'tenant-a', { limit: 3 });
    expect(list.map((e) => e.seq)).toEqual([5, 4, 3]);
    expect(list[0]!.prevHash).toBe(list[1]!.hash);
    expect(list[2]).toMatchObject({ actor: 'cli:tester', target: 't2', details: { i: 2 } });
    expect(await verifyAudit(t.db, 'no-such-tenant')).toMatchObject({ ok: true, entries: 0 });
  });

  it('refuses bad input without appending', async () => {
    await expect(
      appendAudit(t.db, { tenantId: 'tenant-a', actor: '', action: 'x' }, T0),
    ).rejects.toThrow(/actor/);
    await expect(
      appendAudit(
        t.db,
        { tenantId: 'tenant-a', actor: 'a', action: 'x', details: { big: 'x'.repeat(5000) } },
        T0,
      ),
    ).rejects.toThrow(/at most 4096/);
    expect(await verifyAudit(t.db, 'tenant-a')).toMatchObject({ ok: true, entries: 5 });
  });

  // Each tampering case gets its own tenant so the cases do not hide each other.
  const cases: [string, number, (tenant: string) => Promise<unknown>][] = [
    [
      'a changed actor',
      3,
      (x) =>
        sql`UPDATE audit_log SET actor = 'someone' WHERE tenant_id = ${x} AND seq = 3`.execute(
          t.db,
        ),
    ],
    [
      'a changed time',
      2,
      (x) =>
        sql`UPDATE audit_log SET time = '2020-01-01T00:00:00.000Z' WHERE tenant_id = ${x} AND seq = 2`.execute(
          t.db,
        ),
    ],
    [
      'changed details',
      4,
      (x) =>
        sql`UPDATE audit_log SET details = '{"i":99}' WHERE tenant_id = ${x} AND seq = 4`.execute(
          t.db,
        ),
    ],
    [
      'a changed target',
      1,
      (x) =>
        sql`UPDATE audit_log SET target = NULL WHERE tenant_id = ${x} AND seq = 1`.execute(t.db),
    ],
    [
      'a recomputed hash (the next entry no longer links)',
      4,
      async (x) => {
        // A careful forger rewrites entry 3 and gives it a correct hash: entry 4 still names the
        // old one.
        const row = await t.db
          .selectFrom('audit_log')
          .selectAll()
          .where('tenant_id', '=', x)
          .where('seq', '=', 3)
          .executeTakeFirstOrThrow();
        const forged = { ...row, action: 'other' };
        await t.db
          .updateTable('audit_log')
          .set({ action: 'other', hash: entryHash(forged) })
          .where('tenant_id', '=', x)
          .where('seq', '=', 3)
          .execute();
      },
    ],
    [
      'a deleted middle entry',
      3,
      (x) => sql`DELETE FROM audit_log WHERE tenant_id = ${x} AND seq = 3`.execute(t.db),
    ],
    [
      'a deleted first entry',
      1,
      (x) => sql`DELETE FROM audit_log WHERE tenant_id = ${x} AND seq = 1`.execute(t.db),
    ],
    [
      'a deleted tail',
      5,
      (x) => sql`DELETE FROM audit_log WHERE tenant_id = ${x} AND seq = 5`.execute(t.db),
    ],
  ];
  it.each(cases)('finds %s at the right seq', async (_name, brokenSeq, tamper) => {
    const tenant = `tamper-${brokenSeq}-${Math.random().toString(36).slice(2)}`;
    await chain(tenant, 5);
    expect(await verifyAudit(t.db, tenant)).toMatchObject({ ok: true });
    await tamper(tenant);
    const v = await verifyAudit(t.db, tenant);
    expect(v).toMatchObject({ ok: false, brokenSeq });
  });

  it('keeps one gap-free chain under concurrent appends from two connection pools', async () => {
    // A second pool on the same database stands in for a second server instance.
    const other =
      backend.name === 'sqlite'
        ? null
        : openDb({
            url: PG_URL,
            schema: (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(t.db)).rows[0]!
              .s,
          });
    const dbs = other ? [t.db, other] : [t.db];
    const n = 60;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        appendAudit(
          dbs[i % dbs.length]!,
          { tenantId: 'busy', actor: `worker:${i % 4}`, action: 'test.concurrent', details: { i } },
          T0 + i,
        ),
      ),
    );
    await other?.destroy();
    const v = await verifyAudit(t.db, 'busy');
    expect(v).toMatchObject({ ok: true, entries: n });
    const all = await listAudit(t.db, 'busy', { limit: 1000 });
    expect(new Set(all.map((e) => (e.details as { i: number }).i)).size).toBe(n);
  });

  it('records every admin action with its actor', async () => {
    const created = await createTenant(t.db, { name: 'Acme', now: T0, actor: 'cli:alice' });
    await publishPolicy(t.db, created.tenantId, { version: 1 }, T0 + 1, 'cli:alice');
    await rotateKey(t.db, created.tenantId, { graceDays: 3, now: T0 + 2, actor: 'cli:bob' });
    await setTelemetry(t.db, created.tenantId, 'counts-and-reasons', { actor: 'cli:bob' });
    const list = (await listAudit(t.db, created.tenantId)).reverse();
    expect(list.map((e) => [e.seq, e.action, e.actor])).toEqual([
      [1, 'tenant.create', 'cli:alice'],
      [2, 'policy.publish', 'cli:alice'],
      [3, 'key.rotate', 'cli:bob'],
      [4, 'tenant.telemetry', 'cli:bob'],
    ]);
    expect(list[1]!.details).toEqual({ revision: 1 });
    expect(await verifyAudit(t.db, created.tenantId)).toMatchObject({ ok: true, entries: 4 });
  });
});
