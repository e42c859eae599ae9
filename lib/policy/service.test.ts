import { describe, expect, it } from 'vitest';
import { createPolicyService, KEYS, type StorageLike } from './service.ts';
import { savePreference } from './preferences.ts';

/** An in-memory browser.storage: managed answers when the test says so, like a slow first read. */
function fakeStorage(initialLocal: Record<string, unknown> = {}) {
  const local = new Map(Object.entries(structuredClone(initialLocal)));
  const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
  let managed: Record<string, unknown> = {};
  let release: () => void = () => {};
  let gate = new Promise<void>((r) => (release = r));
  const fire = (changes: Record<string, unknown>, area: string) => {
    for (const l of listeners) l(changes, area);
  };
  const storage: StorageLike = {
    managed: {
      get: async () => {
        await gate;
        return structuredClone(managed);
      },
    },
    local: {
      get: async (keys) =>
        Object.fromEntries(
          keys.filter((k) => local.has(k)).map((k) => [k, structuredClone(local.get(k))]),
        ),
      set: async (items) => {
        for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v));
        fire(Object.fromEntries(Object.keys(items).map((k) => [k, {}])), 'local');
      },
    },
    onChanged: { addListener: (cb) => void listeners.push(cb) },
  };
  return {
    storage,
    local,
    answerManaged(value: Record<string, unknown>) {
      managed = value;
      release();
    },
    changeManaged(value: Record<string, unknown>) {
      managed = value;
      gate = Promise.resolve();
      fire({}, 'managed');
    },
  };
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition not met');
};

describe('policy service', () => {
  it('answers from the cache before the slow managed read, then applies managed values', async () => {
    const f = fakeStorage({
      [KEYS.managedCache]: {
        v: 1,
        raw: { policy: { rules: { 'unapproved-ai': { otherwise: 'warn' } } } },
      },
    });
    const service = createPolicyService(f.storage, () => 42);
    expect((await service.policy()).rules['unapproved-ai'].otherwise).toBe('warn');
    expect((await service.state()).managedLive).toBe(false);
    f.answerManaged({
      policy: { rules: { 'unapproved-ai': { otherwise: 'block' } } },
      locked: ['rules'],
    });
    await service.managedRead();
    const state = await service.state();
    expect(state.policy.rules['unapproved-ai'].otherwise).toBe('block');
    expect(state.fields['rules.unapproved-ai.otherwise']).toEqual({
      source: 'managed',
      locked: true,
    });
    expect(state.managedLive).toBe(true);
    expect(f.local.get(KEYS.managedCache)).toEqual({
      v: 1,
      raw: { policy: { rules: { 'unapproved-ai': { otherwise: 'block' } } }, locked: ['rules'] },
    });
    expect(f.local.get(KEYS.revision)).toBe(42);
  });

  it('follows managed changes without a restart and keeps secrets out of the state', async () => {
    const f = fakeStorage();
    const service = createPolicyService(f.storage);
    f.answerManaged({});
    await service.managedRead();
    expect((await service.state()).managed).toBe(false);
    f.changeManaged({
      enrollmentToken: 'secret-token',
      tenantId: 'acme',
      policy: { sites: { unapprovedAi: ['ai.intranet.example'] }, telemetry: 'nope' },
    });
    await service.managedRead();
    const state = await service.state();
    expect(state.policy.sites.unapprovedAi).toEqual(['ai.intranet.example']);
    expect(state.problems.managed).toEqual([
      {
        path: 'policy.telemetry',
        message: 'must be one of counts, counts-and-reasons (got "nope")',
      },
    ]);
    expect(JSON.stringify(state)).not.toContain('secret-token');
    expect((await service.connection()).enrollmentToken).toBe('secret-token');
  });

  it('applies local preferences and the synced layer when they change, under managed locks', async () => {
    const f = fakeStorage();
    const service = createPolicyService(f.storage);
    f.answerManaged({ locked: ['rules.unapproved-ai.strategy'] });
    await service.managedRead();
    await savePreference(f.storage.local, 'rules.approved-ai.strategy', 'synthetic');
    await savePreference(f.storage.local, 'rules.unapproved-ai.strategy', 'redact');
    await until(async () => (await service.policy()).rules['approved-ai'].strategy === 'synthetic');
    const state = await service.state();
    expect(state.fields['rules.approved-ai.strategy']!.source).toBe('local');
    // Locked: the stored preference does not apply.
    expect(state.policy.rules['unapproved-ai'].strategy).toBe('token');
    await f.storage.local.set({ [KEYS.synced]: { version: 1, override: { allowed: false } } });
    await until(async () => (await service.policy()).override.allowed === false);
    expect((await service.state()).fields['override.allowed']!.source).toBe('synced');
  });

  it('refuses preferences that are not local fields or not valid, naming the field', async () => {
    const f = fakeStorage();
    await expect(savePreference(f.storage.local, 'override.allowed', true)).rejects.toThrow(
      /^override\.allowed: is not a preference an agent can set/,
    );
    await expect(savePreference(f.storage.local, 'reversibleMasking', 'yes')).rejects.toThrow(
      /^reversibleMasking: must be true or false/,
    );
    expect(f.local.has(KEYS.local)).toBe(false);
  });

  it('treats a rejected managed read (Firefox without policy) as no managed values', async () => {
    const f = fakeStorage();
    f.storage.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    const service = createPolicyService(f.storage);
    await service.managedRead();
    expect((await service.state()).managed).toBe(false);
    expect((await service.policy()).rules['unapproved-ai'].otherwise).toBe('mask');
  });
});
