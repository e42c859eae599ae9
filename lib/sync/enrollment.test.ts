import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  dropEnrolment,
  ensureEnrolled,
  KEYS,
  loadEnrolment,
  pseudonymOf,
  derivePseudonymKey,
  readEnrolmentRecord,
  type EnrolDeps,
} from './enrollment.ts';
import { fakeBackend, makeKey, memoryLocal } from './test-helpers.ts';

const BACKEND = 'https://hush.example.test';
const TENANT = 'acme-support';
const TOKEN = 'enrol-token-made-up-0001';

async function setup(over: Partial<EnrolDeps> = {}) {
  const backend = fakeBackend({ tenantId: TENANT, enrollmentToken: TOKEN, key: await makeKey() });
  const { local, data } = memoryLocal();
  let clock = Date.UTC(2030, 0, 1);
  const deps: EnrolDeps = {
    local,
    fetch: backend.fetch,
    connection: {
      backendUrl: BACKEND,
      tenantId: TENANT,
      enrollmentToken: TOKEN,
      user: { id: 'agent-0042', team: 'Tier 2' },
    },
    profileEmail: async () => null,
    extensionVersion: '0.1.0',
    browserName: 'chrome',
    now: () => clock,
    random: () => 0.5,
    ...over,
  };
  return { backend, local, data, deps, tick: (ms: number) => (clock += ms) };
}

describe('enrollment', () => {
  it('enrolls once and keeps the credential in a versioned record', async () => {
    const { backend, deps, data } = await setup();
    const first = await ensureEnrolled(deps);
    expect(first).toMatchObject({ state: 'enrolled', fresh: true });
    const enrols = backend.state.requests.filter((r) => r.path === '/api/v1/enroll');
    expect(enrols).toHaveLength(1);
    expect(data.get(KEYS.enrolment)).toMatchObject({ v: 1, deviceId: 'device-1', team: 'Tier 2' });

    const second = await ensureEnrolled(deps);
    expect(second).toMatchObject({ state: 'enrolled', fresh: false });
    expect(backend.state.requests).toHaveLength(1);

    const loaded = await loadEnrolment({ local: deps.local });
    expect(loaded).toEqual({
      backendUrl: BACKEND,
      tenantId: TENANT,
      deviceId: 'device-1',
      credential: expect.stringMatching(/^device-1\./),
      userPseudonym: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      team: 'Tier 2',
    });
    // The HMAC key stays inside the record; the uploader never sees it.
    expect(Object.keys(loaded!)).not.toContain('pseudonymKey');
  });

  it('sends what the server asks for and never the user id', async () => {
    const { backend, deps } = await setup();
    await ensureEnrolled(deps);
    const raw = JSON.stringify(backend.state.requests);
    expect(raw).not.toContain('agent-0042');
  });

  it('makes the pseudonym a keyed hash: stable per tenant, different across tenants', async () => {
    const a = await setup();
    const b = await setup();
    const ea = await ensureEnrolled(a.deps);
    const eb = await ensureEnrolled(b.deps);
    if (ea.state !== 'enrolled' || eb.state !== 'enrolled') throw new Error('not enrolled');
    // Two browsers of one tenant: one user, one pseudonym.
    expect(ea.enrolment.userPseudonym).toBe(eb.enrolment.userPseudonym);
    expect(ea.enrolment.userPseudonym).not.toContain('agent');
    const otherTenant = await pseudonymOf(await derivePseudonymKey(TOKEN, 'other'), 'agent-0042');
    expect(otherTenant).not.toBe(ea.enrolment.userPseudonym);
    // A plain SHA-256 of the id (what anyone could compute) is not it.
    const plain = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode('agent-0042')),
    );
    expect(ea.enrolment.userPseudonym).not.toBe(
      btoa(String.fromCharCode(...plain))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, ''),
    );
  });

  it('falls back to the profile email, then to a random id kept per profile', async () => {
    const withEmail = await setup({ profileEmail: async () => ' Jane.Roe@Example.TEST ' });
    withEmail.deps.connection = { ...withEmail.deps.connection, user: undefined };
    const e = await ensureEnrolled(withEmail.deps);
    const key = await derivePseudonymKey(TOKEN, TENANT);
    if (e.state !== 'enrolled') throw new Error('not enrolled');
    expect(e.enrolment.userPseudonym).toBe(await pseudonymOf(key, 'jane.roe@example.test'));
    expect(e.enrolment.team).toBeNull();

    const anon = await setup({ profileEmail: async () => Promise.reject(new Error('no access')) });
    anon.deps.connection = { ...anon.deps.connection, user: undefined };
    const r1 = await ensureEnrolled(anon.deps);
    const profileId = anon.data.get(KEYS.profileId);
    expect(profileId).toMatch(/^[0-9a-f-]{36}$/);
    // Enrolling again (the credential was refused) keeps the same person.
    if (r1.state !== 'enrolled') throw new Error('not enrolled');
    await dropEnrolment(anon.local, r1.enrolment.credential);
    const r2 = await ensureEnrolled(anon.deps);
    if (r2.state !== 'enrolled') throw new Error('not enrolled');
    expect(r2.enrolment.deviceId).not.toBe(r1.enrolment.deviceId);
    expect(r2.enrolment.userPseudonym).toBe(r1.enrolment.userPseudonym);
  });

  it('updates pseudonym and team when IT changes the user, without enrolling again', async () => {
    const { backend, deps } = await setup();
    const before = await ensureEnrolled(deps);
    deps.connection = { ...deps.connection, user: { id: 'agent-0099', team: 'Billing' } };
    const after = await ensureEnrolled(deps);
    if (before.state !== 'enrolled' || after.state !== 'enrolled') throw new Error('not enrolled');
    expect(after.enrolment.deviceId).toBe(before.enrolment.deviceId);
    expect(after.enrolment.team).toBe('Billing');
    expect(after.enrolment.userPseudonym).not.toBe(before.enrolment.userPseudonym);
    expect(backend.state.requests).toHaveLength(1);
  });

  it("uses IT's managed pseudonym key, and recomputes when IT changes or removes it", async () => {
    const { backend, deps, data } = await setup();
    const keyA = 'A'.repeat(43);
    const keyB = 'B'.repeat(42) + 'A';
    deps.connection = { ...deps.connection, pseudonymKey: keyA };
    const a = await ensureEnrolled(deps);
    if (a.state !== 'enrolled') throw new Error('not enrolled');
    expect(a.enrolment.userPseudonym).toBe(await pseudonymOf(keyA, 'agent-0042'));
    expect(data.get(KEYS.enrolment)).toMatchObject({ pseudonymKey: keyA, keySource: 'managed' });

    deps.connection = { ...deps.connection, pseudonymKey: keyB };
    const b = await ensureEnrolled(deps);
    if (b.state !== 'enrolled') throw new Error('not enrolled');
    expect(b.enrolment.userPseudonym).toBe(await pseudonymOf(keyB, 'agent-0042'));
    expect(b.enrolment.deviceId).toBe(a.enrolment.deviceId);

    // Without the managed key the HKDF fallback applies (reveal then cannot match).
    deps.connection = { ...deps.connection, pseudonymKey: undefined };
    const c = await ensureEnrolled(deps);
    if (c.state !== 'enrolled') throw new Error('not enrolled');
    const derived = await derivePseudonymKey(TOKEN, TENANT);
    expect(c.enrolment.userPseudonym).toBe(await pseudonymOf(derived, 'agent-0042'));
    expect(data.get(KEYS.enrolment)).toMatchObject({ keySource: 'derived' });
    expect(backend.state.requests.filter((r) => r.path === '/api/v1/enroll')).toHaveLength(1);
  });

  it('reads a record written before keySource existed as a derived key', async () => {
    const { deps, data } = await setup();
    await ensureEnrolled(deps);
    const { keySource: _dropped, ...old } = data.get(KEYS.enrolment) as Record<string, unknown>;
    expect(readEnrolmentRecord(old)).not.toBeNull();
    data.set(KEYS.enrolment, old);
    const again = await ensureEnrolled(deps);
    if (again.state !== 'enrolled') throw new Error('not enrolled');
    const derived = await derivePseudonymKey(TOKEN, TENANT);
    expect(again.enrolment.userPseudonym).toBe(await pseudonymOf(derived, 'agent-0042'));
  });

  it('enrolls again when IT moves the browser to another backend or tenant', async () => {
    const { backend, deps } = await setup();
    await ensureEnrolled(deps);
    deps.connection = { ...deps.connection, backendUrl: 'https://hush2.example.test/' };
    const moved = await ensureEnrolled(deps);
    expect(moved).toMatchObject({ state: 'enrolled', fresh: true });
    expect(backend.state.requests.map((r) => r.path)).toEqual(['/api/v1/enroll', '/api/v1/enroll']);
    expect((await loadEnrolment({ local: deps.local }))?.backendUrl).toBe(
      'https://hush2.example.test/',
    );
  });

  it('backs off after a refused token, then tries again', async () => {
    const { backend, deps, data, tick } = await setup();
    deps.connection = { ...deps.connection, enrollmentToken: 'wrong-token' };
    const start = deps.now();
    // The result says when to try again (the client sets an alarm for it).
    expect(await ensureEnrolled(deps)).toEqual({
      state: 'failed',
      reason: 'unauthorized',
      retryAt: start + backoffMs(1, () => 0.5),
    });
    expect(data.get(KEYS.status)).toMatchObject({ state: 'failed', failures: 1 });
    const waiting = await ensureEnrolled(deps);
    expect(waiting.state).toBe('waiting');
    expect(backend.state.requests).toHaveLength(1);
    tick(backoffMs(1, () => 0.5) + 1);
    expect(await ensureEnrolled(deps)).toMatchObject({ state: 'failed', reason: 'unauthorized' });
    expect(data.get(KEYS.status)).toMatchObject({ failures: 2 });
    // IT fixes the token: the next attempt (after the backoff) enrolls.
    deps.connection = { ...deps.connection, enrollmentToken: TOKEN };
    tick(backoffMs(2, () => 0.5) + 1);
    expect(await ensureEnrolled(deps)).toMatchObject({ state: 'enrolled' });
    expect(data.get(KEYS.status)).toMatchObject({ state: 'enrolled', failures: 0 });
  });

  it('counts a network failure as offline and never throws', async () => {
    const { backend, deps } = await setup();
    backend.state.down = true;
    expect(await ensureEnrolled(deps)).toMatchObject({ state: 'failed', reason: 'offline' });
  });

  it('refuses a malformed answer', async () => {
    const { deps } = await setup({
      fetch: async () =>
        new Response(JSON.stringify({ deviceId: 'x', credential: 'short' }), { status: 201 }),
    });
    expect(await ensureEnrolled(deps)).toMatchObject({ state: 'failed', reason: 'bad-response' });
    expect(await loadEnrolment({ local: deps.local })).toBeNull();
  });

  it('forgets the credential when IT removes the backend', async () => {
    const { deps } = await setup();
    await ensureEnrolled(deps);
    deps.connection = {};
    expect(await ensureEnrolled(deps)).toEqual({ state: 'not-configured' });
    expect(await loadEnrolment({ local: deps.local })).toBeNull();
  });

  it('drops only the credential the backend refused', async () => {
    const { deps } = await setup();
    const r = await ensureEnrolled(deps);
    if (r.state !== 'enrolled') throw new Error('not enrolled');
    await dropEnrolment(deps.local, 'device-0.an-older-credential-value');
    expect(await loadEnrolment({ local: deps.local })).not.toBeNull();
    await dropEnrolment(deps.local, r.enrolment.credential);
    expect(await loadEnrolment({ local: deps.local })).toBeNull();
  });

  it('validates the stored record on read', () => {
    expect(readEnrolmentRecord(undefined)).toBeNull();
    expect(readEnrolmentRecord({ v: 2 })).toBeNull();
    expect(readEnrolmentRecord('device.secret')).toBeNull();
  });

  it('grows the backoff to an hour at most, with jitter', () => {
    expect(backoffMs(1, () => 0)).toBe(15_000);
    expect(backoffMs(1, () => 1)).toBe(30_000);
    expect(backoffMs(3, () => 1)).toBe(120_000);
    expect(backoffMs(30, () => 1)).toBe(3_600_000);
  });
});
