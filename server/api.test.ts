/**
 * Every route through `app.request()` against a real SQLite file and the real PostgreSQL: the
 * same suite, parameterised over both (test-util.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTenant,
  publishPolicy,
  rotateKey,
  setTelemetry,
  type CreatedTenant,
} from './admin.ts';
import { createApp } from './app.ts';
import { silentLogger } from './log.ts';
import { BACKENDS, type TestDb } from './test-util.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

/** A valid incident record; `over` replaces fields. Synthetic values only. */
function record(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    time: T0 - 5 * MINUTE,
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 2, CREDIT_CARD: 1 },
    policyVersion: 3,
    extensionVersion: '0.1.0',
    user: 'u_4Jx9QpLm2Vb7Tz1K',
    team: 'Support EMEA',
    ...over,
  };
}

function b64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** Verifies a signature the way the extension does: WebCrypto, with the pinned SPKI key. */
async function verify(publicKeySpki: string, signature: string, payload: string): Promise<boolean> {
  const key = await crypto.subtle.importKey(
    'spki',
    b64(publicKeySpki),
    { name: 'Ed25519' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify('Ed25519', key, b64(signature), new TextEncoder().encode(payload));
}

describe.each(BACKENDS)('API on $name', (backend) => {
  let t: TestDb;
  let now = T0;
  let app: ReturnType<typeof createApp>;
  let acme: CreatedTenant;
  let globex: CreatedTenant;

  const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  async function enroll(tenant: CreatedTenant): Promise<string> {
    const res = await json('/api/v1/enroll', {
      tenantId: tenant.tenantId,
      enrollmentToken: tenant.enrollmentToken,
      extensionVersion: '0.1.0',
      browser: 'chrome',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { deviceId: string; credential: string };
    expect(body.credential.startsWith(`${body.deviceId}.`)).toBe(true);
    return body.credential;
  }
  const auth = (credential: string) => ({ authorization: `Bearer ${credential}` });

  beforeAll(async () => {
    t = await backend.open();
    acme = await createTenant(t.db, { name: 'Acme Support', now: T0 });
    globex = await createTenant(t.db, { name: 'Globex', now: T0 });
  });
  afterAll(async () => {
    await t?.drop();
  });
  beforeEach(() => {
    now = T0;
    app = createApp({ db: t.db, log: silentLogger, now: () => now, rateLimitPerMinute: 1000 });
  });

  describe('enrollment', () => {
    it('gives a device a credential that authenticates, stored only as a hash', async () => {
      const credential = await enroll(acme);
      const res = await app.request('/api/v1/policy/keys', { headers: auth(credential) });
      expect(res.status).toBe(200);
      const secret = credential.split('.')[1]!;
      const rows = await t.db.selectFrom('devices').select('credential_hash').execute();
      expect(rows.some((r) => r.credential_hash.includes(secret))).toBe(false);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.credential_hash))).toBe(true);
    });

    it('refuses a wrong token and an unknown tenant alike', async () => {
      for (const body of [
        { tenantId: acme.tenantId, enrollmentToken: globex.enrollmentToken },
        { tenantId: 'no-such-tenant', enrollmentToken: acme.enrollmentToken },
      ]) {
        const res = await json('/api/v1/enroll', {
          ...body,
          extensionVersion: '0.1.0',
          browser: 'chrome',
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: 'unauthorized' });
      }
    });

    it.each([
      [
        'a missing field',
        { tenantId: 'x', enrollmentToken: 'y', browser: 'chrome' },
        'extensionVersion',
      ],
      [
        'an unknown field',
        {
          tenantId: 'x',
          enrollmentToken: 'y',
          extensionVersion: '1',
          browser: 'chrome',
          email: 'a',
        },
        'email',
      ],
      [
        'a wrong type',
        { tenantId: 'x', enrollmentToken: 'y', extensionVersion: 1, browser: 'chrome' },
        'extensionVersion',
      ],
      [
        'a bad browser name',
        { tenantId: 'x', enrollmentToken: 'y', extensionVersion: '1.0', browser: 'Chrome 120' },
        'browser',
      ],
    ])('answers 400 naming the field for %s', async (_label, body, field) => {
      const res = await json('/api/v1/enroll', body);
      expect(res.status).toBe(400);
      const err = (await res.json()) as { message: string; issues: { path: string }[] };
      expect(err.message.startsWith(`${field}:`)).toBe(true);
      expect(err.issues[0]!.path).toBe(field);
    });

    it('answers malformed JSON with 400, a wrong content type with 415, a body that is not an object with 400', async () => {
      expect((await json('/api/v1/enroll', '{"tenantId": ')).status).toBe(400);
      expect((await json('/api/v1/enroll', '[1,2]')).status).toBe(400);
      expect((await json('/api/v1/enroll', 'null')).status).toBe(400);
      const res = await app.request('/api/v1/enroll', { method: 'POST', body: 'tenantId=x' });
      expect(res.status).toBe(415);
    });
  });

  describe('device authentication', () => {
    it('refuses a missing, malformed or wrong credential on every device route', async () => {
      const credential = await enroll(acme);
      const [deviceId] = credential.split('.');
      const wrong = `${deviceId}.${'A'.repeat(43)}`;
      const routes: [string, string][] = [
        ['GET', '/api/v1/policy'],
        ['GET', '/api/v1/policy/keys'],
        ['POST', '/api/v1/incidents'],
        ['POST', '/api/v1/false-alarms'],
      ];
      for (const [method, path] of routes) {
        for (const headers of [
          {},
          { authorization: 'Basic abc' },
          auth(wrong),
          auth('nobody.' + 'B'.repeat(43)),
        ]) {
          const res = await app.request(path, {
            method,
            headers: { 'content-type': 'application/json', ...headers },
            body: method === 'POST' ? '{}' : null,
          });
          expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
          expect(res.headers.get('www-authenticate')).toContain('Bearer');
        }
      }
    });
  });

  describe('policy', () => {
    it('answers 404 until a policy is published', async () => {
      const t2 = await createTenant(t.db, { name: 'Empty', now: T0 });
      const res = await app.request('/api/v1/policy', { headers: auth(await enroll(t2)) });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'no_policy' });
    });

    it('serves the latest policy signed with the tenant key: WebCrypto verifies it, and refuses it tampered', async () => {
      const credential = await enroll(acme);
      await publishPolicy(t.db, acme.tenantId, { version: 1, telemetry: 'counts' }, T0);
      const rev = await publishPolicy(
        t.db,
        acme.tenantId,
        { version: 1, telemetry: 'counts-and-reasons' },
        T0,
      );
      const res = await app.request('/api/v1/policy', { headers: auth(credential) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        payload: string;
        signatures: { keyId: string; alg: string; signature: string }[];
      };
      const payload = JSON.parse(body.payload) as Record<string, unknown>;
      expect(payload).toMatchObject({
        tenantId: acme.tenantId,
        revision: rev,
        policy: { version: 1, telemetry: 'counts-and-reasons' },
      });
      expect(body.signatures).toHaveLength(1);
      const sig = body.signatures[0]!;
      expect(sig).toMatchObject({ keyId: acme.key.id, alg: 'Ed25519' });
      expect(await verify(acme.key.publicKey, sig.signature, body.payload)).toBe(true);
      // One changed byte of the policy, or the other tenant's key, and verification fails.
      const tampered = body.payload.replace('counts-and-reasons', 'counts-and-reasonz');
      expect(await verify(acme.key.publicKey, sig.signature, tampered)).toBe(false);
      expect(await verify(globex.key.publicKey, sig.signature, body.payload)).toBe(false);
    });

    it('answers If-None-Match with 304 while unchanged, and 200 with a new ETag after a publish', async () => {
      const credential = await enroll(acme);
      await publishPolicy(t.db, acme.tenantId, { version: 1 }, T0);
      const first = await app.request('/api/v1/policy', { headers: auth(credential) });
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      const again = await app.request('/api/v1/policy', {
        headers: { ...auth(credential), 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
      const weak = await app.request('/api/v1/policy', {
        headers: { ...auth(credential), 'if-none-match': `"x", W/${etag}` },
      });
      expect(weak.status).toBe(304);
      await publishPolicy(t.db, acme.tenantId, { version: 1, changed: true }, T0);
      const after = await app.request('/api/v1/policy', {
        headers: { ...auth(credential), 'if-none-match': etag },
      });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
    });

    it('after a key rotation signs with both keys until the grace period ends, then with the new one', async () => {
      const tenant = await createTenant(t.db, { name: 'Rotating', now: T0 });
      const credential = await enroll(tenant);
      await publishPolicy(t.db, tenant.tenantId, { version: 1 }, T0);
      const keys = await rotateKey(t.db, tenant.tenantId, { graceDays: 7, now: T0 + DAY });
      expect(keys.map((k) => k.status)).toEqual(['current', 'previous']);
      expect(keys[1]!.id).toBe(tenant.key.id);
      const newKey = keys[0]!;

      now = T0 + 2 * DAY;
      const during = (await (
        await app.request('/api/v1/policy', { headers: auth(credential) })
      ).json()) as {
        payload: string;
        signatures: { keyId: string; signature: string }[];
      };
      expect(during.signatures.map((s) => s.keyId)).toEqual([newKey.id, tenant.key.id]);
      expect(await verify(newKey.publicKey, during.signatures[0]!.signature, during.payload)).toBe(
        true,
      );
      expect(
        await verify(tenant.key.publicKey, during.signatures[1]!.signature, during.payload),
      ).toBe(true);
      const listed = (await (
        await app.request('/api/v1/policy/keys', { headers: auth(credential) })
      ).json()) as {
        keys: { id: string; status: string; publicKey: string }[];
      };
      expect(listed.keys.map((k) => [k.id, k.status])).toEqual([
        [newKey.id, 'current'],
        [tenant.key.id, 'previous'],
      ]);

      now = T0 + 9 * DAY;
      const after = (await (
        await app.request('/api/v1/policy', { headers: auth(credential) })
      ).json()) as {
        signatures: { keyId: string }[];
      };
      expect(after.signatures.map((s) => s.keyId)).toEqual([newKey.id]);
    });
  });

  describe('incidents', () => {
    it('stores a batch and answers a replay with 200 and nothing new', async () => {
      const credential = await enroll(acme);
      const batch = { records: [record(), record(), record()] };
      const first = await json('/api/v1/incidents', batch, auth(credential));
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ received: 3, new: 3, reasonsDropped: 0 });
      const replay = await json('/api/v1/incidents', batch, auth(credential));
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual({ received: 3, new: 0, reasonsDropped: 0 });
      // A batch overlapping an earlier one stores only its new records; a record twice in one
      // batch is stored once.
      const extra = record();
      const mixed = await json(
        '/api/v1/incidents',
        { records: [batch.records[0], extra, extra] },
        auth(credential),
      );
      expect(await mixed.json()).toEqual({ received: 3, new: 1, reasonsDropped: 0 });
      const ids = [...batch.records.map((r) => r.id as string), extra.id as string];
      const rows = await t.db.selectFrom('incidents').selectAll().where('id', 'in', ids).execute();
      expect(rows).toHaveLength(4);
      const row = rows.find((r) => r.id === extra.id)!;
      expect(row).toMatchObject({
        tenant_id: acme.tenantId,
        time: new Date(T0 - 5 * MINUTE).toISOString(),
        host: 'chatgpt.com',
        channel: 'paste',
        total: 3,
        policy_version: 3,
        user_pseudonym: 'u_4Jx9QpLm2Vb7Tz1K',
        team: 'Support EMEA',
        reason: null,
      });
      expect(JSON.parse(row.counts)).toEqual({ EMAIL: 2, CREDIT_CARD: 1 });
    });

    it('stores each record exactly once under a retry storm of overlapping batches', async () => {
      const credential = await enroll(acme);
      const records = Array.from({ length: 200 }, () => record());
      // 20 concurrent sends of overlapping slices, as a flaky network with retries produces.
      const sends = Array.from({ length: 20 }, (_, i) =>
        json(
          '/api/v1/incidents',
          { records: records.slice((i % 5) * 40, (i % 5) * 40 + 80) },
          auth(credential),
        ),
      );
      const answers = await Promise.all(sends);
      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
      const fresh = (
        await Promise.all(answers.map((r) => r.json() as Promise<{ new: number }>))
      ).reduce((sum, a) => sum + a.new, 0);
      // Slices cover records 0..199 (the last slice is cut at 200): each stored once.
      expect(fresh).toBe(200);
      const stored = await t.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(
          'id',
          'in',
          records.map((r) => r.id as string),
        )
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(200);
    });

    it('accepts 1,000 records a batch and refuses 1,001', async () => {
      const credential = await enroll(acme);
      const full = await json(
        '/api/v1/incidents',
        { records: Array.from({ length: 1000 }, () => record()) },
        auth(credential),
      );
      expect(full.status).toBe(200);
      expect(await full.json()).toMatchObject({ new: 1000 });
      const over = await json(
        '/api/v1/incidents',
        { records: Array.from({ length: 1001 }, () => record()) },
        auth(credential),
      );
      expect(over.status).toBe(400);
      expect(((await over.json()) as { message: string }).message).toMatch(
        /^records: .*at most 1000/,
      );
    });

    it.each([
      [
        'a field that could carry page text',
        { text: 'Card 4111 1111 1111 1111' },
        'records.0.text',
      ],
      ['a matched value beside the counts', { values: ['jane@example.net'] }, 'records.0.values'],
      ['an id that is not a UUID', { id: 'abc' }, 'records.0.id'],
      ['a time with seconds', { time: T0 + 1000 }, 'records.0.time'],
      ['a time as text', { time: '2026-11-28T12:00Z' }, 'records.0.time'],
      ['a host with a path', { host: 'chatgpt.com/c/123' }, 'records.0.host'],
      ['a host that is a sentence', { host: 'my customer is Jane Doe' }, 'records.0.host'],
      ['an unknown channel', { channel: 'clipboard' }, 'records.0.channel'],
      ['an unknown outcome', { outcome: 'ignored' }, 'records.0.outcome'],
      ['an unknown action', { action: 'erase' }, 'records.0.action'],
      ['an unknown page class', { pageClass: 'intranet' }, 'records.0.pageClass'],
      ['an unknown entity type', { counts: { EMAIL: 1, NAME: 1 } }, 'records.0.counts.NAME'],
      ['a negative count', { counts: { EMAIL: -1 } }, 'records.0.counts.EMAIL'],
      ['a count as text', { counts: { EMAIL: '1' } }, 'records.0.counts.EMAIL'],
      ['a user that is an email', { user: 'jane.doe@example.net' }, 'records.0.user'],
      ['a team with a line break', { team: 'a\nb' }, 'records.0.team'],
      ['an over-long reason', { reason: 'x'.repeat(501) }, 'records.0.reason'],
      ['a fractional policy version', { policyVersion: 1.5 }, 'records.0.policyVersion'],
    ])('answers 400 naming the field for %s', async (_label, over, path) => {
      const credential = await enroll(acme);
      const res = await json('/api/v1/incidents', { records: [record(over)] }, auth(credential));
      expect(res.status).toBe(400);
      const err = (await res.json()) as { message: string; issues: { path: string }[] };
      expect(err.issues[0]!.path).toBe(path);
      expect(err.message.startsWith(`${path}: `)).toBe(true);
    });

    it('refuses a batch with an unknown top-level field, no records, or not a list', async () => {
      const credential = await enroll(acme);
      for (const [body, path] of [
        [{ records: [record()], note: 'x' }, 'note'],
        [{ records: [] }, 'records'],
        [{ records: {} }, 'records'],
        [{}, 'records'],
      ] as const) {
        const res = await json('/api/v1/incidents', body, auth(credential));
        expect(res.status).toBe(400);
        expect(((await res.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe(path);
      }
    });

    it('answers 413 to a body over the cap without reading it into the database', async () => {
      const credential = await enroll(acme);
      const huge = JSON.stringify({ records: [record({ reason: 'x'.repeat(3 * 1024 * 1024) })] });
      const res = await json('/api/v1/incidents', huge, auth(credential));
      expect(res.status).toBe(413);
    });

    it('keeps override reasons only when the tenant telemetry level allows them', async () => {
      const tenant = await createTenant(t.db, { name: 'Reasons', now: T0 });
      const credential = await enroll(tenant);
      const a = record({ outcome: 'overridden', reason: 'Customer asked for [EMAIL_1]' });
      const res = await json('/api/v1/incidents', { records: [a] }, auth(credential));
      expect(await res.json()).toEqual({ received: 1, new: 1, reasonsDropped: 1 });
      await setTelemetry(t.db, tenant.tenantId, 'counts-and-reasons');
      const b = record({ outcome: 'overridden', reason: 'Customer asked for [EMAIL_1]' });
      expect(
        await (await json('/api/v1/incidents', { records: [b] }, auth(credential))).json(),
      ).toEqual({
        received: 1,
        new: 1,
        reasonsDropped: 0,
      });
      const rows = await t.db
        .selectFrom('incidents')
        .select(['id', 'reason'])
        .where('tenant_id', '=', tenant.tenantId)
        .execute();
      expect(Object.fromEntries(rows.map((r) => [r.id, r.reason]))).toEqual({
        [a.id as string]: null,
        [b.id as string]: 'Customer asked for [EMAIL_1]',
      });
    });
  });

  describe('bad input never causes a 500', () => {
    it('answers every malformed body on every route with a 4xx and a JSON error', async () => {
      const credential = await enroll(acme);
      const bodies = [
        '',
        ' ',
        'true',
        '"records"',
        '{"records": null}',
        '{"records": [null]}',
        '{"records": [[]]}',
        '{"__proto__": {"admin": true}}',
        JSON.stringify({
          records: [record({ counts: JSON.parse('{"__proto__": 1}') as unknown })],
        }),
        JSON.stringify({ records: [record({ time: 1e308 })] }),
        // A number JSON can spell but a double cannot hold: JSON.parse makes it Infinity.
        JSON.stringify({ records: [record({ counts: { EMAIL: 1 } })] }).replace(
          '"EMAIL":1',
          '"EMAIL":1e400',
        ),
        '{"records": [' + '['.repeat(5000) + ']'.repeat(5000) + ']}',
        '\uFFFF',
      ];
      for (const path of ['/api/v1/enroll', '/api/v1/incidents', '/api/v1/false-alarms']) {
        for (const body of bodies) {
          const res = await json(path, body, auth(credential));
          expect(res.status, `${path} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${path} ${body.slice(0, 40)}`).toBeLessThan(500);
          expect(await res.json()).toHaveProperty('message');
        }
      }
      const unknown = await app.request('/api/v2/anything');
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: 'not_found' });
    });
  });

  describe('tenant isolation', () => {
    it("one tenant's device never reads another's policy or writes into another's incidents", async () => {
      const a = await createTenant(t.db, { name: 'Iso A', now: T0 });
      const b = await createTenant(t.db, { name: 'Iso B', now: T0 });
      const devA = await enroll(a);
      const devB = await enroll(b);
      await publishPolicy(t.db, a.tenantId, { version: 1, secretOfA: true }, T0);
      // B has no policy: B's device gets 404, not A's policy.
      expect((await app.request('/api/v1/policy', { headers: auth(devB) })).status).toBe(404);
      await publishPolicy(t.db, b.tenantId, { version: 1, ofB: true }, T0);
      const polB = (await (
        await app.request('/api/v1/policy', { headers: auth(devB) })
      ).json()) as { payload: string; signatures: { keyId: string }[] };
      expect(JSON.parse(polB.payload)).toMatchObject({
        tenantId: b.tenantId,
        policy: { ofB: true },
      });
      expect(polB.payload).not.toContain('secretOfA');
      expect(polB.signatures.map((s) => s.keyId)).toEqual([b.key.id]);
      const keysB = (await (
        await app.request('/api/v1/policy/keys', { headers: auth(devB) })
      ).json()) as { keys: { id: string }[] };
      expect(keysB.keys.map((k) => k.id)).toEqual([b.key.id]);

      // The same record ids from B land in B's space: A's records are untouched, B's are new.
      const recs = [record({ team: 'A team' }), record({ team: 'A team' })];
      expect(
        await (await json('/api/v1/incidents', { records: recs }, auth(devA))).json(),
      ).toMatchObject({ new: 2 });
      const asB = recs.map((r) => ({ ...r, team: 'B team' }));
      expect(
        await (await json('/api/v1/incidents', { records: asB }, auth(devB))).json(),
      ).toMatchObject({ new: 2 });
      const rows = await t.db
        .selectFrom('incidents')
        .select(['tenant_id', 'team'])
        .where(
          'id',
          'in',
          recs.map((r) => r.id as string),
        )
        .execute();
      expect(rows.filter((r) => r.tenant_id === a.tenantId).map((r) => r.team)).toEqual([
        'A team',
        'A team',
      ]);
      expect(rows.filter((r) => r.tenant_id === b.tenantId).map((r) => r.team)).toEqual([
        'B team',
        'B team',
      ]);
    });
  });

  describe('rate limit', () => {
    it('answers 429 with Retry-After past the per-device limit, per device, and lets the next minute through', async () => {
      app = createApp({ db: t.db, log: silentLogger, now: () => now, rateLimitPerMinute: 3 });
      now = T0 + 100 * DAY + 15_000;
      const one = await enroll(acme);
      const two = await enroll(acme);
      const send = (credential: string) =>
        json('/api/v1/incidents', { records: [record()] }, auth(credential));
      for (let i = 0; i < 3; i++) expect((await send(one)).status).toBe(200);
      const limited = await send(one);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('45');
      expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
      // False alarms count against the same budget; another device has its own.
      const fa = { id: randomUUID(), time: T0, detector: 'email', host: 'chatgpt.com' };
      expect((await json('/api/v1/false-alarms', fa, auth(one))).status).toBe(429);
      expect((await send(two)).status).toBe(200);
      now += MINUTE;
      expect((await send(one)).status).toBe(200);
    });
  });

  describe('false alarms', () => {
    it('stores a report once and refuses text or unknown fields', async () => {
      const credential = await enroll(acme);
      const fa = {
        id: randomUUID(),
        time: T0 - MINUTE,
        detector: 'credit-card',
        host: 'claude.ai',
      };
      const first = await json('/api/v1/false-alarms', fa, auth(credential));
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ new: true });
      expect(await (await json('/api/v1/false-alarms', fa, auth(credential))).json()).toEqual({
        new: false,
      });
      for (const [over, path] of [
        [{ text: '4111 1111 1111 1111' }, 'text'],
        [{ detector: 'credit card 4111' }, 'detector'],
        [{ host: 'https://claude.ai/chat' }, 'host'],
      ] as const) {
        const res = await json(
          '/api/v1/false-alarms',
          { ...fa, id: randomUUID(), ...over },
          auth(credential),
        );
        expect(res.status).toBe(400);
        expect(((await res.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe(path);
      }
    });
  });
});
