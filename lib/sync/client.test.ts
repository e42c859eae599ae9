import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPolicyService } from '@/lib/policy/service.ts';
import {
  ENROL_RETRY_ALARM,
  profileEmailOf,
  startSyncClient,
  SYNC_ALARM,
  type SyncClientDeps,
} from './client.ts';
import { loadEnrolment } from './enrollment.ts';
import { loadSyncStatus } from './status.ts';
import { fakeBackend, makeKey } from './test-helpers.ts';

const TENANT = 'acme-support';
const TOKEN = 'enrol-token-made-up-0001';
const BLOCK_EMAIL = { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'block' } } } };

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition not met');
}

async function setup() {
  const key = await makeKey();
  const backend = fakeBackend({ tenantId: TENANT, enrollmentToken: TOKEN, key });
  backend.state.policy = { revision: 1, doc: BLOCK_EMAIL };
  await fakeBrowser.storage.managed.set({
    backendUrl: 'https://hush.example.test',
    tenantId: TENANT,
    enrollmentToken: TOKEN,
    policySigningKey: key.publicKey,
    user: { id: 'agent-7', team: 'Tier 1' },
  });
  const policy = createPolicyService(fakeBrowser.storage);
  const clock = { now: Date.UTC(2030, 0, 1) };
  const deps: SyncClientDeps = {
    local: fakeBrowser.storage.local,
    onChanged: fakeBrowser.storage.onChanged,
    alarms: fakeBrowser.alarms,
    policy,
    fetch: backend.fetch,
    profileEmail: async () => null,
    extensionVersion: '0.1.0',
    browserName: 'chrome',
    now: () => clock.now,
    random: () => 0.5,
  };
  return { backend, policy, deps, clock };
}

describe('sync client', () => {
  beforeEach(() => fakeBrowser.reset());

  it('enrolls and syncs at start-up; the policy service applies the synced layer', async () => {
    const { backend, policy, deps } = await setup();
    const client = startSyncClient(deps);
    await until(
      async () => (await policy.state()).fields['rules.unapproved-ai.byType']?.source === 'synced',
    );
    expect((await policy.policy()).rules['unapproved-ai'].byType.EMAIL).toBe('block');
    expect(backend.state.requests.map((r) => r.path)).toEqual(['/api/v1/enroll', '/api/v1/policy']);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 5 });
    expect(await loadEnrolment(fakeBrowser.storage)).toMatchObject({
      deviceId: 'device-1',
      team: 'Tier 1',
    });
    const status = await loadSyncStatus(fakeBrowser.storage.local);
    expect(status.enrolment).toMatchObject({ state: 'enrolled', tenantId: TENANT });
    expect(status.policy).toMatchObject({ revision: 1, result: 'updated', reason: null });
    // The status holds no secret.
    expect(JSON.stringify(status)).not.toMatch(/secret|agent-7|enrol-token/);
    await client.run();
  });

  it('syncs on the alarm with If-None-Match, and again when IT changes managed policy', async () => {
    const { backend, deps, policy } = await setup();
    const client = startSyncClient(deps);
    await client.run();
    const before = backend.state.requests.length;
    await fakeBrowser.alarms.onAlarm.trigger({
      name: SYNC_ALARM,
      scheduledTime: 0,
      persistAcrossSessions: false,
    });
    await until(() => backend.state.requests.length > before);
    await client.run();
    expect(backend.state.requests.at(-1)!.headers['if-none-match']).toBeDefined();

    // IT publishes revision 2 and changes a managed value: the change triggers a sync at once.
    backend.state.policy = {
      revision: 2,
      doc: { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'warn' } } } },
    };
    await fakeBrowser.storage.managed.set({ user: { id: 'agent-7', team: 'Tier 2' } });
    await until(async () => (await policy.policy()).rules['unapproved-ai'].byType.EMAIL === 'warn');
    expect((await loadEnrolment(fakeBrowser.storage))?.team).toBe('Tier 2');
  });

  it('re-enrolls after a 401 and syncs with the new credential', async () => {
    const { backend, deps } = await setup();
    const client = startSyncClient(deps);
    await client.run();
    const first = await loadEnrolment(fakeBrowser.storage);
    backend.state.devices.clear(); // the backend forgot the device
    expect(await client.run()).toMatchObject({ result: 'not-modified' });
    const second = await loadEnrolment(fakeBrowser.storage);
    expect(second?.deviceId).not.toBe(first?.deviceId);
    expect(backend.state.requests.filter((r) => r.path === '/api/v1/enroll')).toHaveLength(2);
  });

  it('runs one sync at a time', async () => {
    const { backend, deps } = await setup();
    const client = startSyncClient(deps);
    await Promise.all([client.run(), client.run(), client.run()]);
    const enrols = backend.state.requests.filter((r) => r.path === '/api/v1/enroll');
    expect(enrols).toHaveLength(1);
  });

  it('keeps the existing alarm when the worker starts again', async () => {
    const { deps } = await setup();
    await fakeBrowser.alarms.create(SYNC_ALARM, { periodInMinutes: 5, when: 123 });
    await startSyncClient(deps).run();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ scheduledTime: 123 });
  });

  it('a worker wake-up within the period does not sync again', async () => {
    const { backend, deps, clock } = await setup();
    await startSyncClient(deps).run();
    const count = backend.state.requests.length;
    clock.now += 60_000;
    startSyncClient(deps);
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.state.requests.length).toBe(count);
    clock.now += 5 * 60_000;
    startSyncClient(deps);
    await until(() => backend.state.requests.length > count);
  });

  it('a failed enrollment is tried again when its backoff ends, not at the next 5-minute sync', async () => {
    const { backend, deps, clock, policy } = await setup();
    backend.state.down = true;
    const client = startSyncClient(deps);
    expect(await client.run()).toEqual({ result: 'failed', reason: 'not-enrolled' });
    const retry = (await fakeBrowser.alarms.get(ENROL_RETRY_ALARM)) as { scheduledTime: number };
    // The first retry after 15-30 s (jitter; random() is 0.5 here), not the sync's 5 minutes.
    expect(retry.scheduledTime).toBe(clock.now + 22_500);

    // The backend is back; the retry alarm fires and the browser enrolls and syncs.
    backend.state.down = false;
    clock.now = retry.scheduledTime;
    await fakeBrowser.alarms.onAlarm.trigger({
      name: ENROL_RETRY_ALARM,
      scheduledTime: retry.scheduledTime,
      persistAcrossSessions: false,
    });
    await until(
      async () => (await policy.policy()).rules['unapproved-ai'].byType.EMAIL === 'block',
    );
    // The attempt that failed, then the retry; nothing in between (the backoff was kept).
    expect(backend.state.requests.map((r) => r.path)).toEqual([
      '/api/v1/enroll',
      '/api/v1/enroll',
      '/api/v1/policy',
    ]);
  });

  it('without backend settings it reports not-configured and fetches nothing', async () => {
    const { backend, deps } = await setup();
    await fakeBrowser.storage.managed.remove(['backendUrl', 'tenantId', 'enrollmentToken']);
    const policy = createPolicyService(fakeBrowser.storage);
    const client = startSyncClient({ ...deps, policy });
    expect(await client.run()).toEqual({ result: 'failed', reason: 'not-configured' });
    expect(backend.state.requests).toEqual([]);
    expect((await loadSyncStatus(fakeBrowser.storage.local)).enrolment.state).toBe(
      'not-configured',
    );
  });
});

describe('profileEmailOf', () => {
  it('reads the email only where the browser offers it', async () => {
    expect(await profileEmailOf(undefined)).toBeNull();
    expect(await profileEmailOf({})).toBeNull();
    expect(
      await profileEmailOf({ getProfileUserInfo: async () => ({ email: 'a@example.test' }) }),
    ).toBe('a@example.test');
    expect(await profileEmailOf({ getProfileUserInfo: async () => ({ email: '' }) })).toBeNull();
    expect(
      await profileEmailOf({ getProfileUserInfo: () => Promise.reject(new Error('no')) }),
    ).toBeNull();
  });
});
