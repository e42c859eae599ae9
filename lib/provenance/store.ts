/**
 * The background's memory of recent copies in support tools (issue 7): for each copy, when it
 * happened, which site it came from, and the KEYED hashes of its shingles (fingerprint.ts). No
 * text, no word of it, is ever held here.
 *
 * Keys. The shingle pre-hashes a content script sends are keyed with HMAC-SHA-256 under a
 * per-profile secret that never leaves the background: a page (or anyone who reads the stored
 * data) cannot test a guessed sentence against them. The stored copy is sealed with AES-GCM
 * (lib/sealed.ts). Both keys are WebCrypto keys made NOT extractable and kept in IndexedDB as
 * CryptoKey objects (`hush-provenance`), because storage.session takes only JSON and a raw key
 * written there would sit beside the data it protects. A restarted service worker reads the keys
 * back from IndexedDB and the sealed copies from storage.session, so copies made before the
 * restart still match within their time limit; closing the browser empties storage.session, so
 * nothing outlives the browser session, and the keys on disk protect nothing any more.
 *
 * Bounds: copies older than the policy's time limit are dropped on every use; at most
 * `maxEntries` copies and `maxHashes` hashes in all are kept, the oldest dropped first.
 */
import { openDB } from 'idb';
import { isSealingKey, newSealingKey, seal, unseal } from '@/lib/sealed.ts';
import { fromBase64, PREHASH, toBase64 } from './fingerprint.ts';

/** Where a copy was made: the catalogue id (null for a host only policy names) and its name. */
export interface CopySource {
  siteId: string | null;
  /** The catalogue's name (`Zendesk`), else the host. Never page text. */
  siteName: string;
}

/** A paste that matches a recent copy. */
export interface ProvenanceMatch extends CopySource {
  /** When the copy was made (ms since the epoch). */
  at: number;
  /** The share of the paste's shingles found in that copy, 0..1. */
  share: number;
}

/** The two background-only keys. */
export interface ProvenanceKeys {
  /** HMAC-SHA-256, non-extractable: turns pre-hashes into stored hashes. */
  hmac: CryptoKey;
  /** AES-GCM, non-extractable: seals the copies in storage.session. */
  seal: CryptoKey;
}

/** The part of storage.session the store uses (browser.storage.session fits). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ProvenanceStoreOptions {
  keys: () => Promise<ProvenanceKeys>;
  now: () => number;
  /** How long a copy is remembered (policy `provenance.ttlMinutes`), read at every use. */
  ttlMs: () => number;
  /** Where the sealed copies survive a service-worker restart; memory only when absent. */
  session?: SessionArea;
  maxEntries?: number;
  maxHashes?: number;
}

export interface ProvenanceStore {
  /** Remembers a copy by the pre-hashes of its shingles; ignores a copy with none. */
  addCopy(prehashes: readonly string[], source: CopySource): Promise<void>;
  /**
   * The most recent copy holding at least `threshold` (0..1) of the paste's shingles, or null.
   * Only a paste with shingles can match.
   */
  match(prehashes: readonly string[], threshold: number): Promise<ProvenanceMatch | null>;
  /** Until when some copy is remembered (ms since the epoch); 0 when none is. */
  liveUntil(): Promise<number>;
  /** What is kept, for tests: sources, times and keyed hashes (never text). */
  entries(): Promise<readonly StoredCopy[]>;
}

/** One remembered copy. */
export interface StoredCopy extends CopySource {
  at: number;
  hashes: string[];
}

/** The storage.session key of the sealed copies. Forever. */
export const SESSION_KEY = 'provenance:copies';
/** Bound into every seal, so a sealed value from another store cannot be passed off as this. */
const SEAL_CONTEXT = 'hush-provenance-copies-v1';
/** Keyed hashes keep 12 bytes: 96 bits, far from colliding among a few thousand shingles. */
const HASH_BYTES = 12;

export const DEFAULT_MAX_ENTRIES = 200;
export const DEFAULT_MAX_HASHES = 100_000;

export function createProvenanceStore(o: ProvenanceStoreOptions): ProvenanceStore {
  const maxEntries = o.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxHashes = o.maxHashes ?? DEFAULT_MAX_HASHES;
  /** Oldest first. */
  let copies: { at: number; source: CopySource; hashes: Set<string> }[] = [];
  let loading: Promise<void> | null = null;
  // Writes are chained so that two copies in quick succession are stored in order.
  let writing: Promise<void> = Promise.resolve();

  const load = (): Promise<void> =>
    (loading ??= (async () => {
      if (!o.session) return;
      try {
        const stored = (await o.session.get(SESSION_KEY))[SESSION_KEY];
        const sealed = parseStored(stored);
        if (!sealed) return;
        const plain = await unseal((await o.keys()).seal, sealed, SEAL_CONTEXT);
        const restored = parseCopies(JSON.parse(plain) as unknown);
        // Copies added while loading (none in practice: callers await load first) come after.
        copies = [...restored, ...copies];
      } catch {
        // A damaged or foreign value (or a key that changed) is forgotten, not trusted.
      }
    })());

  const prune = (): void => {
    const oldest = o.now() - o.ttlMs();
    copies = copies.filter((c) => c.at >= oldest && c.at <= o.now() + 60_000);
    let total = copies.reduce((n, c) => n + c.hashes.size, 0);
    while (copies.length > maxEntries || (total > maxHashes && copies.length > 0)) {
      total -= copies.shift()!.hashes.size;
    }
  };

  const persist = (): Promise<void> => {
    const session = o.session;
    if (!session) return Promise.resolve();
    const snapshot: StoredCopy[] = copies.map((c) => ({
      ...c.source,
      at: c.at,
      hashes: [...c.hashes],
    }));
    writing = writing.then(async () => {
      if (snapshot.length === 0) {
        await session.remove(SESSION_KEY);
        return;
      }
      const sealed = await seal((await o.keys()).seal, JSON.stringify(snapshot), SEAL_CONTEXT);
      await session.set({
        [SESSION_KEY]: {
          v: 1,
          iv: toBase64(sealed.iv),
          data: toBase64(new Uint8Array(sealed.data)),
        },
      });
    });
    return writing.catch(() => {});
  };

  const keyed = async (prehashes: readonly string[]): Promise<string[]> => {
    const { hmac } = await o.keys();
    return Promise.all(
      prehashes.map(async (p) => {
        const mac = await crypto.subtle.sign('HMAC', hmac, fromBase64(p));
        return toBase64(new Uint8Array(mac, 0, HASH_BYTES));
      }),
    );
  };

  return {
    async addCopy(prehashes, source) {
      await load();
      const valid = prehashes.filter((p) => PREHASH.test(p));
      if (valid.length === 0) return;
      const hashes = new Set(await keyed(valid));
      copies.push({
        at: o.now(),
        source: { siteId: source.siteId, siteName: source.siteName },
        hashes,
      });
      prune();
      await persist();
    },
    async match(prehashes, threshold) {
      await load();
      const before = copies.length;
      prune();
      if (copies.length !== before) void persist();
      const valid = [...new Set(prehashes.filter((p) => PREHASH.test(p)))];
      if (valid.length === 0 || copies.length === 0) return null;
      const pasted = await keyed(valid);
      // Newest first: the copy the agent most likely just made.
      for (let i = copies.length - 1; i >= 0; i--) {
        const c = copies[i]!;
        let found = 0;
        for (const h of pasted) if (c.hashes.has(h)) found++;
        const share = found / pasted.length;
        if (found > 0 && share >= threshold) return { ...c.source, at: c.at, share };
      }
      return null;
    },
    async liveUntil() {
      await load();
      prune();
      const newest = copies.at(-1);
      return newest ? newest.at + o.ttlMs() : 0;
    },
    async entries() {
      await load();
      prune();
      return copies.map((c) => ({ ...c.source, at: c.at, hashes: [...c.hashes] }));
    },
  };
}

function parseStored(
  value: unknown,
): { v: 1; iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { v, iv, data } = value as Record<string, unknown>;
  if (v !== 1 || typeof iv !== 'string' || typeof data !== 'string') return null;
  try {
    return { v: 1, iv: fromBase64(iv), data: fromBase64(data).buffer };
  } catch {
    return null;
  }
}

/** Validation on read (STYLE.md principle 7): anything malformed is dropped. */
function parseCopies(value: unknown): { at: number; source: CopySource; hashes: Set<string> }[] {
  if (!Array.isArray(value)) return [];
  const out: { at: number; source: CopySource; hashes: Set<string> }[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { at, siteId, siteName, hashes } = item as Record<string, unknown>;
    if (typeof at !== 'number' || !Number.isFinite(at)) continue;
    if (siteId !== null && typeof siteId !== 'string') continue;
    if (typeof siteName !== 'string' || siteName.length > 200) continue;
    if (!Array.isArray(hashes) || !hashes.every((h) => typeof h === 'string')) continue;
    out.push({ at, source: { siteId, siteName }, hashes: new Set(hashes as string[]) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The IndexedDB database holding the two keys. Forever. */
export const KEYS_DB = 'hush-provenance';

/**
 * The profile's provenance keys, made on first use and kept in IndexedDB as non-extractable
 * CryptoKey objects. Two contexts racing both read back the first one stored.
 */
export async function loadProvenanceKeys(): Promise<ProvenanceKeys> {
  const db = await openDB(KEYS_DB, 1, {
    upgrade(d) {
      d.createObjectStore('keys');
    },
  });
  try {
    const hmacCandidate = await crypto.subtle.generateKey(
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
    const sealCandidate = await newSealingKey();
    const tx = db.transaction('keys', 'readwrite');
    const storedHmac: unknown = await tx.store.get('hmac');
    const storedSeal: unknown = await tx.store.get('seal');
    let hmac = hmacCandidate;
    let sealKey = sealCandidate;
    if (isHmacKey(storedHmac)) hmac = storedHmac;
    else await tx.store.put(hmacCandidate, 'hmac');
    if (isSealingKey(storedSeal)) sealKey = storedSeal;
    else await tx.store.put(sealCandidate, 'seal');
    await tx.done;
    return { hmac, seal: sealKey };
  } finally {
    db.close();
  }
}

function isHmacKey(key: unknown): key is CryptoKey {
  if (typeof CryptoKey === 'undefined' || !(key instanceof CryptoKey)) return false;
  return key.algorithm.name === 'HMAC' && !key.extractable && key.usages.includes('sign');
}

/**
 * The storage.local key holding until when some copy is remembered (ms since the epoch). It
 * holds a time only, no hash or text: content scripts on AI pages read it (they cannot read
 * storage.session) to know whether a paste needs asking the background at all, so pastes are
 * only held back while a support-tool copy is live. Forever.
 */
export const LIVE_UNTIL_KEY = 'provenance:liveUntil';

/** `store`, telling `local` after each copy until when copies are live (see LIVE_UNTIL_KEY). */
export function announcingLiveness(
  store: ProvenanceStore,
  local: { set(items: Record<string, unknown>): Promise<void> },
): ProvenanceStore {
  return {
    ...store,
    async addCopy(prehashes, source) {
      await store.addCopy(prehashes, source);
      await local.set({ [LIVE_UNTIL_KEY]: await store.liveUntil() });
    },
  };
}
