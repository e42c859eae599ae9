/**
 * Signing keys at rest, on a real SQLite file and the real PostgreSQL: what the database holds is
 * AES-256-GCM ciphertext (no PKCS#8 in the clear), the policy route still signs with it, old clear
 * rows are encrypted by `encryptStoredKeys`, and a wrong key or a ciphertext moved to another row
 * is refused. The configuration check names a bad HUSH_SECRET_KEY.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, encryptStoredKeys, publishPolicy, rotateKey } from './admin.ts';
import { createApp } from './app.ts';
import { ConfigError, readConfig } from './config.ts';
import { decryptPrivateKey, newSigningKey, parseSecretKey } from './crypto.ts';
import { silentLogger } from './log.ts';
import { BACKENDS, type TestDb } from './test-util.ts';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const SECRET = randomBytes(32);

describe('HUSH_SECRET_KEY', () => {
  it('accepts 64 hex digits or base64, and names a bad value', () => {
    const hex = SECRET.toString('hex');
    expect(readConfig({ HUSH_SECRET_KEY: hex }).secretKey?.equals(SECRET)).toBe(true);
    expect(
      readConfig({ HUSH_SECRET_KEY: SECRET.toString('base64') }).secretKey?.equals(SECRET),
    ).toBe(true);
    expect(parseSecretKey(SECRET.toString('base64url'))?.equals(SECRET)).toBe(true);
    expect(readConfig({}).secretKey).toBeUndefined();
    expect(() => readConfig({ HUSH_SECRET_KEY: 'hunter2' })).toThrow(ConfigError);
    expect(() => readConfig({ HUSH_SECRET_KEY: hex.slice(2) })).toThrow(
      /HUSH_SECRET_KEY must be a 256-bit key/,
    );
  });
});

describe.each(BACKENDS)('signing keys at rest on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(() => t.drop());

  const rows = (tenantId: string) =>
    t.db.selectFrom('signing_keys').selectAll().where('tenant_id', '=', tenantId).execute();

  it('stores ciphertext only, and still signs policies', async () => {
    const c = await createTenant(t.db, { name: 'At rest', now: NOW, secretKey: SECRET });
    await rotateKey(t.db, c.tenantId, { graceDays: 3, now: NOW + 1, secretKey: SECRET });
    await publishPolicy(t.db, c.tenantId, { version: 1 }, NOW + 2);
    for (const r of await rows(c.tenantId)) {
      expect(r.private_key).toMatch(/^enc:v1:/);
      const clear = decryptPrivateKey(r.private_key, r.id, SECRET);
      expect(clear.length).toBeGreaterThan(40);
      expect(r.private_key).not.toContain(clear);
      expect(
        Buffer.from(r.private_key.slice(7), 'base64').includes(Buffer.from(clear, 'base64')),
      ).toBe(false);
    }

    const app = createApp({
      db: t.db,
      log: silentLogger,
      now: () => NOW + 3,
      rateLimitPerMinute: 100,
      secretKey: SECRET,
    });
    const enrolled = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: c.tenantId,
        enrollmentToken: c.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      }),
    });
    const { credential } = (await enrolled.json()) as { credential: string };
    const res = await app.request('/api/v1/policy', {
      headers: { authorization: `Bearer ${credential}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      payload: string;
      signatures: { keyId: string; signature: string }[];
    };
    expect(body.signatures).toHaveLength(2);
    const sig = body.signatures.find((s) => s.keyId === c.key.id)!;
    const key = await crypto.subtle.importKey(
      'spki',
      Buffer.from(c.key.publicKey, 'base64'),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    expect(
      await crypto.subtle.verify(
        'Ed25519',
        key,
        Buffer.from(sig.signature, 'base64'),
        new TextEncoder().encode(body.payload),
      ),
    ).toBe(true);
  });

  it('encrypts rows stored in the clear, once', async () => {
    const c = await createTenant(t.db, { name: 'Before encryption', now: NOW });
    const [before] = await rows(c.tenantId);
    expect(before!.private_key).not.toMatch(/^enc:/);
    expect(await encryptStoredKeys(t.db, SECRET)).toBeGreaterThanOrEqual(1);
    expect(await encryptStoredKeys(t.db, SECRET)).toBe(0);
    const [after] = await rows(c.tenantId);
    expect(after!.private_key).toMatch(/^enc:v1:/);
    expect(decryptPrivateKey(after!.private_key, after!.id, SECRET)).toBe(before!.private_key);
  });

  it('refuses a wrong key, a missing key, and a ciphertext moved to another row', async () => {
    const c = await createTenant(t.db, { name: 'Wrong key', now: NOW, secretKey: SECRET });
    const [r] = await rows(c.tenantId);
    expect(() => decryptPrivateKey(r!.private_key, r!.id, randomBytes(32))).toThrow(
      /does not decrypt: HUSH_SECRET_KEY is not the key/,
    );
    expect(() => decryptPrivateKey(r!.private_key, r!.id, undefined)).toThrow(
      /no HUSH_SECRET_KEY is set/,
    );
    expect(() => decryptPrivateKey(r!.private_key, newSigningKey().id, SECRET)).toThrow(
      /does not decrypt/,
    );
  });
});
