import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { prehashes, words } from './fingerprint.ts';
import {
  createProvenanceStore,
  loadProvenanceKeys,
  SESSION_KEY,
  type ProvenanceKeys,
  type SessionArea,
} from './store.ts';

const TICKET =
  'Hi team, the invoice you sent last week lists the annual plan twice and my bank charged ' +
  'both. I only ever ordered one plan. Please refund the second charge and confirm by reply.';
const UNRELATED =
  'Write a short poem about autumn leaves falling on a quiet lake at dawn, in the style of haiku.';
const ZENDESK = { siteId: 'zendesk', siteName: 'Zendesk' };
const HOUR = 3_600_000;

async function keys(): Promise<ProvenanceKeys> {
  return {
    hmac: await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    seal: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
  };
}

function memorySession(): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (key) => void delete data[key],
  };
}

function setup(overrides: Partial<Parameters<typeof createProvenanceStore>[0]> = {}) {
  let now = 1_700_000_000_000;
  const k = keys();
  const session = memorySession();
  const options = {
    keys: () => k,
    now: () => now,
    ttlMs: () => 8 * HOUR,
    session,
    ...overrides,
  };
  return {
    store: createProvenanceStore(options),
    options,
    session,
    advance: (ms: number) => (now += ms),
  };
}

describe('provenance store', () => {
  it('matches a paste of the copied text, however it was reflowed, and not unrelated text', async () => {
    const { store } = setup();
    await store.addCopy(await prehashes(TICKET), ZENDESK);
    const m = await store.match(await prehashes(TICKET.toLowerCase().replace(/\s+/g, '\n')), 0.5);
    expect(m).toMatchObject({ siteId: 'zendesk', siteName: 'Zendesk', share: 1 });
    expect(await store.match(await prehashes(UNRELATED), 0.5)).toBeNull();
  });

  it('applies the threshold to the share of pasted shingles found', async () => {
    const { store } = setup();
    await store.addCopy(await prehashes(TICKET), ZENDESK);
    // The ticket with as much new text again: about half of the paste's shingles are known.
    const mixed = `${TICKET} ${UNRELATED} ${UNRELATED.replace(/a/g, 'o')}`;
    const m = await store.match(await prehashes(mixed), 0.3);
    expect(m?.share).toBeGreaterThan(0.3);
    expect(m?.share).toBeLessThan(0.7);
    expect(await store.match(await prehashes(mixed), 0.9)).toBeNull();
  });

  it('stores no word of the text, in memory or in session storage', async () => {
    const { store, session } = setup();
    await store.addCopy(await prehashes(TICKET), ZENDESK);
    const stored = JSON.stringify(session.data).toLowerCase();
    const kept = JSON.stringify(await store.entries()).toLowerCase();
    for (const w of words(TICKET).filter((x) => x.length >= 4)) {
      expect(stored).not.toContain(w);
      expect(kept).not.toContain(w);
    }
    // The pre-hashes a content script sent are not kept either: only keyed hashes are.
    for (const p of await prehashes(TICKET)) expect(kept).not.toContain(p);
  });

  it('forgets copies older than the time limit', async () => {
    const { store, advance } = setup();
    await store.addCopy(await prehashes(TICKET), ZENDESK);
    advance(8 * HOUR - 1000);
    expect(await store.match(await prehashes(TICKET), 0.5)).not.toBeNull();
    expect(await store.liveUntil()).toBeGreaterThan(0);
    advance(2000);
    expect(await store.match(await prehashes(TICKET), 0.5)).toBeNull();
    expect(await store.liveUntil()).toBe(0);
  });

  it('keeps at most maxEntries copies, dropping the oldest first', async () => {
    const { store, advance } = setup({ maxEntries: 3 });
    const texts = Array.from({ length: 5 }, (_, i) =>
      `${TICKET} reference number ${i}`.replace('invoice', `invoice${i}`),
    );
    for (const t of texts) {
      await store.addCopy(await prehashes(t), ZENDESK);
      advance(1000);
    }
    expect(await store.entries()).toHaveLength(3);
    expect(await store.match(await prehashes(texts[4]!), 0.9)).not.toBeNull();
    const first = await store.match(await prehashes('Hi team, the invoice0 you sent last'), 0.9);
    expect(first).toBeNull();
  });

  it('bounds the number of hashes kept', async () => {
    const { store } = setup({ maxHashes: 50 });
    await store.addCopy(await prehashes(TICKET), ZENDESK);
    await store.addCopy(await prehashes(UNRELATED), { siteId: null, siteName: 'desk.example' });
    const kept = await store.entries();
    expect(kept.reduce((n, c) => n + c.hashes.length, 0)).toBeLessThanOrEqual(50);
    expect(kept.at(-1)?.siteName).toBe('desk.example');
  });

  it('survives a restart through sealed session storage within the time limit', async () => {
    const first = setup();
    await first.store.addCopy(await prehashes(TICKET), ZENDESK);
    const sealed = first.session.data[SESSION_KEY] as { v: number; iv: string; data: string };
    expect(sealed.v).toBe(1);
    // A new store (a restarted worker) with the same keys and session reads the copy back.
    const again = createProvenanceStore(first.options);
    expect(await again.match(await prehashes(TICKET), 0.5)).toMatchObject({ siteName: 'Zendesk' });
    // With other keys (the profile's keys are gone) the sealed data opens to nothing.
    const other = keys();
    const stranger = createProvenanceStore({ ...first.options, keys: () => other });
    expect(await stranger.match(await prehashes(TICKET), 0.5)).toBeNull();
  });

  it('ignores malformed pre-hashes and damaged session data', async () => {
    const { store, session, options } = setup();
    await store.addCopy(['not a hash', 'x'.repeat(24)], ZENDESK);
    expect(await store.entries()).toHaveLength(0);
    session.data[SESSION_KEY] = { v: 1, iv: '!!', data: 'AAAA' };
    const again = createProvenanceStore(options);
    expect(await again.entries()).toHaveLength(0);
  });

  it('keeps its keys in IndexedDB as non-extractable CryptoKeys, the same on every load', async () => {
    const a = await loadProvenanceKeys();
    const b = await loadProvenanceKeys();
    expect(a.hmac.extractable).toBe(false);
    expect(a.seal.extractable).toBe(false);
    const mac = async (k: CryptoKey) =>
      new Uint8Array(await crypto.subtle.sign('HMAC', k, new Uint8Array([1, 2, 3])));
    expect(await mac(b.hmac)).toEqual(await mac(a.hmac));
  });
});
