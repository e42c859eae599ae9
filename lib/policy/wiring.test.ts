import { describe, expect, it } from 'vitest';
import { handleMessage, type Deps } from '@/lib/messages.ts';
import { guardContext } from '@/lib/guard/context.ts';
import { TokenVault } from '@/rules/index.ts';
import { effectivePolicy } from './layers.ts';
import { parseLayer, type Policy } from './schema.ts';
import { applyPolicy, followPolicy } from './follow.ts';
import { KEYS, type PolicyService, type PolicyState } from './service.ts';
import { defaultPolicy } from './defaults.ts';

const ORIGIN = 'chrome-extension://pgianfnkfbenaoicloklnneaodpbmggj/';

function policyWith(doc: unknown): Policy {
  return effectivePolicy({ managed: { layer: parseLayer(doc), locked: [] } }).policy;
}

function deps(policy: Policy): Deps {
  const service: PolicyService = {
    current: () => policy,
    policy: async () => policy,
    state: async () => ({ policy }) as unknown as PolicyState,
    connection: async () => ({ enrollmentToken: 'secret' }),
    managedRead: async () => {},
  };
  return {
    scan: () => [],
    frameOf: () => null,
    incidents: {} as Deps['incidents'],
    policy: service,
    extensionOrigin: ORIGIN,
  };
}

describe('policy messages', () => {
  const policy = policyWith({ telemetry: 'counts-and-reasons' });

  it('hush:policy answers anyone in the extension with the effective policy', async () => {
    const answer = await handleMessage({ type: 'hush:policy', payload: {} }, deps(policy), {
      url: 'https://chatgpt.com/',
      tab: { id: 3 },
    });
    expect(answer).toEqual({ policy });
  });

  it('hush:policy-state answers extension pages only', async () => {
    const refused = await handleMessage({ type: 'hush:policy-state' }, deps(policy), {
      url: 'https://chatgpt.com/',
    });
    expect(refused).toEqual({ error: 'only extension pages may read the policy state' });
    const ok = await handleMessage({ type: 'hush:policy-state' }, deps(policy), {
      url: `${ORIGIN}options.html`,
    });
    expect(ok).toEqual({ policy });
  });

  it('refuses a payload, so a page cannot smuggle a change in', async () => {
    const answer = await handleMessage(
      { type: 'hush:policy', payload: { rules: { 'unapproved-ai': { otherwise: 'allow' } } } },
      deps(policy),
    );
    expect(answer).toEqual({ error: 'invalid payload for hush:policy' });
  });
});

const newGuard = () =>
  guardContext({
    win: {} as Window,
    pageClass: 'unapproved-ai',
    vault: new TokenVault({ seed: 1 }),
    signal: new AbortController().signal,
  });

describe('applyPolicy and followPolicy', () => {
  it('replaces the guard fields in place, by the page class the policy gives', () => {
    const guard = newGuard();
    const before = guard;
    const p = policyWith({
      sites: { approved: [{ pattern: 'chatgpt.com' }] },
      override: { allowed: false },
      failMode: { 'approved-ai': 'closed' },
      approvedAlternative: { name: 'Company GPT', url: 'https://gpt.example.com' },
    });
    expect(applyPolicy(guard, p, 'https://chatgpt.com/c/1')).toBe('guarded');
    expect(guard).toBe(before);
    expect(guard.pageClass).toBe('approved-ai');
    expect(guard.settings).toMatchObject({ overrideAllowed: false, failMode: 'closed' });
    expect(guard.texts.approvedAlternative?.name).toBe('Company GPT');
    expect(
      applyPolicy(
        guard,
        policyWith({ sites: { excluded: ['chatgpt.com'] } }),
        'https://chatgpt.com/',
      ),
    ).toBe('excluded');
  });

  it('follows every revision, ignores stale answers, and stops when excluded', async () => {
    const guard = newGuard();
    const listeners = new Set<(c: Record<string, unknown>, a: string) => void>();
    const onChanged = {
      addListener: (cb: (c: Record<string, unknown>, a: string) => void) => void listeners.add(cb),
      removeListener: (cb: (c: Record<string, unknown>, a: string) => void) =>
        void listeners.delete(cb),
    };
    let answer: Policy = defaultPolicy();
    let excluded = 0;
    const life = new AbortController();
    await followPolicy({
      guard,
      address: 'https://chatgpt.com/',
      ask: async () => ({ policy: answer }),
      onChanged,
      exclude: () => {
        excluded++;
        life.abort();
      },
      signal: life.signal,
    });
    expect(guard.rules['unapproved-ai'].otherwise).toBe('mask');
    answer = policyWith({ rules: { 'unapproved-ai': { otherwise: 'block' } } });
    for (const l of listeners) l({ [KEYS.revision]: { newValue: 2 } }, 'local');
    await new Promise((r) => setTimeout(r, 0));
    expect(guard.rules['unapproved-ai'].otherwise).toBe('block');
    // Other keys and areas do not trigger a request.
    answer = policyWith({ rules: { 'unapproved-ai': { otherwise: 'warn' } } });
    for (const l of listeners) l({ other: {} }, 'local');
    await new Promise((r) => setTimeout(r, 0));
    expect(guard.rules['unapproved-ai'].otherwise).toBe('block');
    answer = policyWith({ sites: { excluded: ['chatgpt.com'] } });
    for (const l of listeners) l({ [KEYS.revision]: {} }, 'local');
    await new Promise((r) => setTimeout(r, 0));
    expect(excluded).toBe(1);
    expect(listeners.size, 'the listener is removed with the guard').toBe(0);
  });

  it('keeps the defaults when the background cannot answer', async () => {
    const guard = newGuard();
    await followPolicy({
      guard,
      address: 'https://chatgpt.com/',
      ask: () => Promise.reject(new Error('Receiving end does not exist')),
      onChanged: { addListener: () => {}, removeListener: () => {} },
      exclude: () => {
        throw new Error('must not exclude');
      },
      signal: new AbortController().signal,
    });
    expect(guard.rules['unapproved-ai'].otherwise).toBe('mask');
  });
});
