/**
 * The sync client against the REAL backend (server/app.ts with its real routes, signing and
 * database), on a temporary SQLite file and on the real PostgreSQL in a schema of its own, each
 * dropped afterwards. Requests go through the app's fetch handler (`app.request`), so everything
 * from the route down is what production runs. The browser end is test/e2e/sync.spec.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '@/server/app.ts';
import { createTenant, publishPolicy, rotateKey } from '@/server/admin.ts';
import { silentLogger } from '@/server/log.ts';
import { matchCandidate, pseudonymKey } from '@/server/people/pseudonym.ts';
import { BACKENDS, ownDatabase, type Backend, type TestDb } from '@/server/test-util.ts';
import { KEYS as POLICY_KEYS } from '@/lib/policy/service.ts';
import { dropEnrolment, ensureEnrolled, type EnrolDeps } from './enrollment.ts';
import type { FetchLike } from './http.ts';
import { syncPolicy } from './policy-sync.ts';
import { memoryLocal } from './test-helpers.ts';

const BLOCK_EMAIL = { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } } };
const WARN_EMAIL = { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'warn' } } } };

/**
 * PostgreSQL in a database of its own (not a schema of the shared `test` database): Kysely's
 * migrator looks for its lock table in every schema it can see, so a schema another run left with
 * migration tables (server/bench-summary.ts keeps one on purpose) makes a fresh schema fail to
 * migrate.
 */
const OWN_DATABASE: Backend = ownDatabase('hush_sync_test');

const DATABASES = [BACKENDS.find((b) => b.name === 'sqlite')!, OWN_DATABASE];

describe.each(DATABASES)('sync against the real backend on $name', (backend) => {
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await backend.open();
  });
  afterEach(async () => {
    await testDb?.drop();
  });

  it('enrolls, accepts the signed policy, follows revisions, refuses a rotated-out key', async () => {
    const { db } = testDb;
    // The backend's clock, moved on to end a key's grace period.
    let serverNow = Date.now();
    const app = createApp({ db, log: silentLogger, now: () => serverNow, rateLimitPerMinute: 120 });
    const fetch: FetchLike = (url, init) => Promise.resolve(app.request(url, init));
    const tenant = await createTenant(db, { name: 'Example Support', now: serverNow });
    const { local, data } = memoryLocal();
    const deps: EnrolDeps = {
      local,
      fetch,
      connection: {
        backendUrl: 'http://127.0.0.1:8787',
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        policySigningKey: tenant.key.publicKey,
        user: { id: 'agent-0007', team: 'Tier 1' },
      },
      profileEmail: async () => null,
      extensionVersion: '0.1.0',
      browserName: 'chrome',
      now: Date.now,
    };
    const enrolled = await ensureEnrolled(deps);
    if (enrolled.state !== 'enrolled') throw new Error(`not enrolled: ${JSON.stringify(enrolled)}`);
    const device = await db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', enrolled.enrolment.deviceId)
      .executeTakeFirstOrThrow();
    expect(device).toMatchObject({ tenant_id: tenant.tenantId, browser: 'chrome' });

    const sync = () =>
      syncPolicy({
        local,
        fetch,
        connection: deps.connection,
        enrolment: enrolled.enrolment,
        now: Date.now,
      });
    expect(await sync()).toEqual({ result: 'failed', reason: 'no-policy' });
    await publishPolicy(db, tenant.tenantId, BLOCK_EMAIL);
    expect(await sync()).toEqual({ result: 'updated', revision: 1 });
    expect(data.get(POLICY_KEYS.synced)).toEqual(BLOCK_EMAIL);
    expect(await sync()).toEqual({ result: 'not-modified', revision: 1 });
    await publishPolicy(db, tenant.tenantId, WARN_EMAIL);
    expect(await sync()).toEqual({ result: 'updated', revision: 2 });

    // Rotation with a grace period: both keys sign, the pinned (old) one still verifies.
    await rotateKey(db, tenant.tenantId, { graceDays: 14, now: serverNow });
    expect((await sync()).result).toBe('updated');
    // After the grace period only the new key signs: a browser still pinning the old key refuses
    // what the backend sends and keeps the last good policy.
    serverNow += 15 * 86_400_000;
    await publishPolicy(db, tenant.tenantId, BLOCK_EMAIL, serverNow);
    expect(await sync()).toEqual({ result: 'failed', reason: 'bad-signature' });
    expect(data.get(POLICY_KEYS.synced)).toEqual(WARN_EMAIL);
  });

  it("with IT's pseudonym key, the backend's reveal check finds the enrolled user", async () => {
    const { db } = testDb;
    const app = createApp({ db, log: silentLogger, now: Date.now, rateLimitPerMinute: 120 });
    const fetch: FetchLike = (url, init) => Promise.resolve(app.request(url, init));
    const tenant = await createTenant(db, { name: 'Example Support' });
    // What `tenant pseudonym-key TENANT` prints, read from this database.
    const key = await pseudonymKey(db, tenant.tenantId, Date.now());
    const { local } = memoryLocal();
    const deps: EnrolDeps = {
      local,
      fetch,
      connection: {
        backendUrl: 'http://127.0.0.1:8787',
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        pseudonymKey: key,
        user: { id: 'Ren\u0065\u0301.Example@Example.TEST', team: 'Tier 1' },
      },
      profileEmail: async () => null,
      extensionVersion: '0.1.0',
      browserName: 'chrome',
      now: Date.now,
    };
    const enrolled = await ensureEnrolled(deps);
    if (enrolled.state !== 'enrolled') throw new Error('not enrolled');
    const candidates = ['someone.else@example.test', 'ren\u00e9.example@example.test'];
    expect(matchCandidate(key, enrolled.enrolment.userPseudonym, candidates)).toBe(1);
    // Without the key (the HKDF fallback) the same user can never be matched.
    const fallback = memoryLocal();
    const derived = await ensureEnrolled({
      ...deps,
      local: fallback.local,
      connection: { ...deps.connection, pseudonymKey: undefined },
    });
    if (derived.state !== 'enrolled') throw new Error('not enrolled');
    expect(matchCandidate(key, derived.enrolment.userPseudonym, candidates)).toBeNull();
  });

  it('a credential the backend no longer knows answers 401; enrolling again works', async () => {
    const { db } = testDb;
    const app = createApp({ db, log: silentLogger, now: Date.now, rateLimitPerMinute: 120 });
    const fetch: FetchLike = (url, init) => Promise.resolve(app.request(url, init));
    const tenant = await createTenant(db, { name: 'Example Support' });
    await publishPolicy(db, tenant.tenantId, BLOCK_EMAIL);
    const { local } = memoryLocal();
    const deps: EnrolDeps = {
      local,
      fetch,
      connection: {
        backendUrl: 'http://127.0.0.1:8787',
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        policySigningKey: tenant.key.publicKey,
      },
      profileEmail: async () => null,
      extensionVersion: '0.1.0',
      browserName: 'firefox',
      now: Date.now,
    };
    const first = await ensureEnrolled(deps);
    if (first.state !== 'enrolled') throw new Error('not enrolled');
    await db.deleteFrom('devices').where('id', '=', first.enrolment.deviceId).execute();
    const refused = await syncPolicy({ ...deps, enrolment: first.enrolment });
    expect(refused).toEqual({ result: 'failed', reason: 'unauthorized' });
    await dropEnrolment(local, first.enrolment.credential);
    const second = await ensureEnrolled(deps);
    if (second.state !== 'enrolled') throw new Error('not enrolled');
    expect(await syncPolicy({ ...deps, enrolment: second.enrolment })).toEqual({
      result: 'updated',
      revision: 1,
    });

    // A wrong enrollment token: the backend's 401, named, with a backoff.
    const wrong = memoryLocal();
    const refusedEnrol = await ensureEnrolled({
      ...deps,
      local: wrong.local,
      connection: { ...deps.connection, enrollmentToken: 'not-the-token' },
    });
    expect(refusedEnrol).toMatchObject({ state: 'failed', reason: 'unauthorized' });
  });
});
