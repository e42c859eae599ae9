import { describe, expect, it } from 'vitest';
import { KEYS as POLICY_KEYS } from '@/lib/policy/service.ts';
import type { Enrolment } from './enrollment.ts';
import { toBase64 } from './http.ts';
import {
  importPinnedKey,
  loadSyncRecord,
  syncPolicy,
  SYNC_KEY,
  type SyncDeps,
} from './policy-sync.ts';
import { fakeBackend, makeKey, memoryLocal, type TestKey } from './test-helpers.ts';

const TENANT = 'acme-support';
const TOKEN = 'enrol-token-made-up-0001';
const BLOCK_EMAIL = { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } } };
const ALLOW_EMAIL = { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'allow' } } } };

async function setup(opts: { key?: TestKey; pinned?: string } = {}) {
  const key = opts.key ?? (await makeKey());
  const backend = fakeBackend({ tenantId: TENANT, enrollmentToken: TOKEN, key });
  backend.state.devices.set('device-1', 'secret-1-abcdefghijklmnop');
  const enrolment: Enrolment = {
    backendUrl: 'https://hush.example.test',
    tenantId: TENANT,
    deviceId: 'device-1',
    credential: 'device-1.secret-1-abcdefghijklmnop',
    userPseudonym: 'x'.repeat(43),
    team: null,
  };
  const { local, data } = memoryLocal();
  let clock = Date.UTC(2030, 0, 1);
  const deps: SyncDeps = {
    local,
    fetch: backend.fetch,
    connection: {
      backendUrl: enrolment.backendUrl,
      tenantId: TENANT,
      enrollmentToken: TOKEN,
      policySigningKey: opts.pinned ?? key.publicKey,
    },
    enrolment,
    now: () => (clock += 1000),
  };
  return { backend, deps, data, key };
}

describe('policy sync', () => {
  it('stores a policy signed with the pinned key as the synced layer', async () => {
    const { backend, deps, data } = await setup();
    backend.state.policy = { revision: 3, doc: BLOCK_EMAIL };
    expect(await syncPolicy(deps)).toEqual({ result: 'updated', revision: 3 });
    expect(data.get(POLICY_KEYS.synced)).toEqual(BLOCK_EMAIL);
    const record = await loadSyncRecord(deps.local);
    expect(record).toMatchObject({
      result: 'updated',
      reason: null,
      failures: 0,
      accepted: { tenantId: TENANT, revision: 3, keyId: 'k1', etag: expect.any(String) },
    });
    expect(backend.state.requests[0]!.headers.authorization).toBe(
      `Bearer ${deps.enrolment.credential}`,
    );
  });

  it('accepts ECDSA P-256 keys as well', async () => {
    const { backend, deps } = await setup({ key: await makeKey('ES256') });
    backend.state.policy = { revision: 1, doc: BLOCK_EMAIL };
    expect(await syncPolicy(deps)).toEqual({ result: 'updated', revision: 1 });
  });

  it('asks with If-None-Match and keeps the policy on 304', async () => {
    const { backend, deps, data } = await setup();
    backend.state.policy = { revision: 3, doc: BLOCK_EMAIL };
    await syncPolicy(deps);
    expect(await syncPolicy(deps)).toEqual({ result: 'not-modified', revision: 3 });
    const second = backend.state.requests[1]!;
    expect(second.headers['if-none-match']).toMatch(/^"3-/);
    expect(data.get(POLICY_KEYS.synced)).toEqual(BLOCK_EMAIL);
    const record = await loadSyncRecord(deps.local);
    expect(record.result).toBe('not-modified');
    expect(record.lastSuccessAt).toBe(record.lastAttemptAt);
  });

  it('refuses a tampered payload and keeps the last good policy', async () => {
    const { backend, deps, data } = await setup();
    backend.state.policy = { revision: 1, doc: BLOCK_EMAIL };
    await syncPolicy(deps);
    backend.state.policy = { revision: 2, doc: BLOCK_EMAIL };
    backend.state.tamper = (signed) => ({
      ...signed,
      payload: signed.payload.replace('"block"', '"allow"'),
    });
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'bad-signature' });
    expect(data.get(POLICY_KEYS.synced)).toEqual(BLOCK_EMAIL);
    const record = await loadSyncRecord(deps.local);
    expect(record).toMatchObject({ result: 'failed', reason: 'bad-signature', failures: 1 });
    expect(record.accepted?.revision).toBe(1);
    expect(record.lastSuccessAt).toBeLessThan(record.lastAttemptAt!);
    // Nothing of the body is kept with the failure.
    expect(JSON.stringify(record)).not.toContain('allow');
  });

  it('refuses a policy signed by another key than the pinned one', async () => {
    const { backend, deps, data } = await setup({ pinned: (await makeKey()).publicKey });
    backend.state.policy = { revision: 1, doc: ALLOW_EMAIL };
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'bad-signature' });
    expect(data.has(POLICY_KEYS.synced)).toBe(false);
  });

  it('refuses an unsigned policy and one signed only with another algorithm', async () => {
    const { backend, deps } = await setup();
    backend.state.policy = { revision: 1, doc: ALLOW_EMAIL };
    backend.state.tamper = (signed) => ({ ...signed, signatures: [] });
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'unsigned' });
    backend.state.tamper = (signed) => ({
      ...signed,
      signatures: [{ keyId: 'k1', alg: 'none', signature: '' }],
    });
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'unsigned' });
    backend.state.tamper = (signed) => ({
      ...signed,
      signatures: [{ keyId: 'k1', alg: 'Ed25519', signature: 'not base64!' }],
    });
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'bad-signature' });
  });

  it("refuses another tenant's signed policy", async () => {
    const { backend, deps, data } = await setup();
    backend.state.policy = { revision: 1, doc: ALLOW_EMAIL, tenantId: 'someone-else' };
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'tenant-mismatch' });
    expect(data.has(POLICY_KEYS.synced)).toBe(false);
  });

  it('refuses a lower revision (an old signed policy replayed) but takes the same one', async () => {
    const { backend, deps, data } = await setup();
    backend.state.policy = { revision: 5, doc: BLOCK_EMAIL };
    await syncPolicy(deps);
    backend.state.policy = { revision: 4, doc: ALLOW_EMAIL };
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'rollback' });
    expect(data.get(POLICY_KEYS.synced)).toEqual(BLOCK_EMAIL);
    // The same revision signed again (a new key during rotation) is fine.
    backend.state.key = await makeKey();
    deps.connection = { ...deps.connection, policySigningKey: backend.state.key.publicKey };
    backend.state.policy = { revision: 5, doc: BLOCK_EMAIL };
    expect(await syncPolicy(deps)).toEqual({ result: 'updated', revision: 5 });
  });

  it('refuses a signed document that fails the policy schema', async () => {
    const { backend, deps, data } = await setup();
    backend.state.policy = { revision: 1, doc: BLOCK_EMAIL };
    await syncPolicy(deps);
    backend.state.policy = { revision: 2, doc: { version: 1, rules: { nonsense: true } } };
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'invalid-policy' });
    backend.state.policy = { revision: 3, doc: { version: 99 } };
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'invalid-policy' });
    expect(data.get(POLICY_KEYS.synced)).toEqual(BLOCK_EMAIL);
  });

  it('refuses a signed payload that is not a policy payload', async () => {
    const { backend, deps } = await setup();
    backend.state.policy = { revision: 1, doc: BLOCK_EMAIL };
    const key = backend.state.key;
    const payload = JSON.stringify({ tenantId: TENANT, revision: 'one' });
    const signature = await key.sign(payload);
    backend.state.tamper = () => ({
      payload,
      signatures: [{ keyId: 'k', alg: key.alg, signature }],
    });
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'invalid-payload' });
    backend.state.tamper = () => ({ nothing: 'here' });
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'bad-response' });
  });

  it('offline: the last good policy stays and the failure is recorded', async () => {
    const { backend, deps, data } = await setup();
    backend.state.policy = { revision: 2, doc: BLOCK_EMAIL };
    await syncPolicy(deps);
    backend.state.down = true;
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'offline' });
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'offline' });
    expect(data.get(POLICY_KEYS.synced)).toEqual(BLOCK_EMAIL);
    expect(await loadSyncRecord(deps.local)).toMatchObject({ failures: 2, reason: 'offline' });
  });

  it('names 401, 404 and server errors', async () => {
    const { backend, deps } = await setup();
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'no-policy' });
    backend.state.devices.clear();
    expect(await syncPolicy(deps)).toEqual({ result: 'failed', reason: 'unauthorized' });
    const s = await setup();
    s.deps.fetch = async () => new Response('oops', { status: 503 });
    expect(await syncPolicy(s.deps)).toEqual({ result: 'failed', reason: 'server-error' });
  });

  it('without a usable pinned key nothing is fetched', async () => {
    const a = await setup();
    a.deps.connection = { ...a.deps.connection, policySigningKey: undefined };
    expect(await syncPolicy(a.deps)).toEqual({ result: 'failed', reason: 'no-signing-key' });
    const b = await setup({ pinned: toBase64(new Uint8Array([1, 2, 3, 4])) });
    expect(await syncPolicy(b.deps)).toEqual({ result: 'failed', reason: 'bad-key' });
    expect(a.backend.state.requests.length + b.backend.state.requests.length).toBe(0);
    expect(await importPinnedKey('%%%')).toBeNull();
  });

  it("drops the old tenant's policy when IT moves the browser to another tenant", async () => {
    const { backend, deps, data } = await setup();
    backend.state.policy = { revision: 7, doc: BLOCK_EMAIL };
    await syncPolicy(deps);
    deps.connection = { ...deps.connection, tenantId: 'new-tenant' };
    backend.state.policy = { revision: 1, doc: ALLOW_EMAIL, tenantId: 'new-tenant' };
    expect(await syncPolicy(deps)).toEqual({ result: 'updated', revision: 1 });
    expect(data.get(POLICY_KEYS.synced)).toEqual(ALLOW_EMAIL);
    // No If-None-Match for the old tenant's ETag.
    expect(backend.state.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
  });

  it('reads an unreadable record as empty', async () => {
    const { deps, data } = await setup();
    data.set(SYNC_KEY, { v: 9 });
    expect((await loadSyncRecord(deps.local)).accepted).toBeNull();
  });
});
