/**
 * isDuplicateKey (http.ts) on the errors the two databases really throw: a second row with the
 * same key is a duplicate (the app answers 409), other refusals are not.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './admin.ts';
import { isDuplicateKey } from './http.ts';
import { BACKENDS, type TestDb } from './test-util.ts';

const NOW = Date.UTC(2026, 10, 28);

describe.each(BACKENDS)('isDuplicateKey on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(() => t?.drop());

  const errorOf = async (f: () => Promise<unknown>): Promise<unknown> => {
    try {
      await f();
    } catch (e) {
      return e;
    }
    throw new Error('expected the database to refuse');
  };

  it('is true for a second row with the same primary key', async () => {
    const { tenantId } = await createTenant(t.db, { name: 'Dup', now: NOW });
    const row = {
      tenant_id: tenantId,
      revision: 1,
      document: '{"version":1}',
      published_at: new Date(NOW).toISOString(),
    };
    await t.db.insertInto('policies').values(row).execute();
    expect(
      isDuplicateKey(await errorOf(() => t.db.insertInto('policies').values(row).execute())),
    ).toBe(true);
  });

  it('is false for other refusals and for things that are not errors', async () => {
    const missingTenant = await errorOf(() =>
      t.db
        .insertInto('policies')
        .values({
          tenant_id: 'no-such-tenant',
          revision: 1,
          document: '{}',
          published_at: new Date(NOW).toISOString(),
        })
        .execute(),
    );
    expect(isDuplicateKey(missingTenant)).toBe(false);
    expect(
      isDuplicateKey(await errorOf(() => sql`SELECT * FROM no_such_table`.execute(t.db))),
    ).toBe(false);
    expect(isDuplicateKey(new Error('duplicate'))).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
    expect(isDuplicateKey('23505')).toBe(false);
  });
});
