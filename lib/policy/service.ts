/**
 * The background's policy: reads the layers, keeps the effective policy, and tells the rest of
 * the extension when it changed.
 *
 * Start-up order (the first storage.managed read can take about 3 s after the browser starts):
 * the cached copy of the last managed values, the synced document and the local preferences are
 * read from storage.local first (milliseconds), so content scripts get the last known policy at
 * once; managed values replace the cached ones when they arrive, and every later change of
 * managed policy (storage.onChanged, area `managed`, about 5 s after IT edits it) applies without
 * a restart. Each recomputation bumps `policy:revision` in storage.local, which content scripts
 * and the options page watch to ask again.
 *
 * Storage keys (forever): `policy:managed-cache` { v: 1, raw }, `policy:synced` (a policy
 * document, written by the sync client), `policy:local` (a policy document of LOCAL_FIELDS only,
 * written by the options page), `policy:revision` (a number). Every value is validated on read;
 * anything unreadable counts as absent and is named in `problems`.
 */
import type { PolicyProblem } from '@/rules/policy.ts';
import { effectivePolicy, LOCAL_FIELDS, type Effective, type FieldState } from './layers.ts';
import { NO_MANAGED, readManaged, type ManagedConfig, type ManagedConnection } from './managed.ts';
import { migrate } from './migrate.ts';
import { PolicyError, readLayer, type Layer, type Policy } from './schema.ts';

export const KEYS = {
  managedCache: 'policy:managed-cache',
  synced: 'policy:synced',
  local: 'policy:local',
  revision: 'policy:revision',
} as const;

/** What the options page shows. No secrets: the enrollment token is never in it. */
export interface PolicyState {
  policy: Policy;
  fields: Record<string, FieldState>;
  /** Fields the agent may set (see LOCAL_FIELDS); the page still checks lock and source. */
  localFields: readonly string[];
  /** Problems per layer, each with its path (e.g. `policy.rules.unapproved-ai.otherwise`). */
  problems: { managed: PolicyProblem[]; synced: PolicyProblem[]; local: PolicyProblem[] };
  /** Whether managed values have been read in this browser session (else they are the cache). */
  managedLive: boolean;
  /** Whether any managed setting is present. */
  managed: boolean;
  connection: { backendUrl?: string; tenantId?: string; team?: string };
}

type Items = Record<string, unknown>;

/** The part of browser.storage the service uses (pass `browser.storage`; tests pass a fake). */
export interface StorageLike {
  managed: { get(): Promise<Items> };
  local: { get(keys: string[]): Promise<Items>; set(items: Items): Promise<void> };
  onChanged: {
    addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

export interface PolicyService {
  /** The effective policy known now (the defaults until the cached layers were read). */
  current(): Policy;
  /** The effective policy (after the cached layers were read; never waits for managed). */
  policy(): Promise<Policy>;
  /** The full state for the options page. */
  state(): Promise<PolicyState>;
  /** The managed connection settings (backend, tenant, token, key, user) for the sync client. */
  connection(): Promise<ManagedConnection>;
  /** Resolves once the first storage.managed read has finished (tests, sync start-up). */
  managedRead(): Promise<void>;
}

function isRecord(x: unknown): x is Items {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function readDoc(
  raw: unknown,
  only?: readonly string[],
): { layer: Layer; problems: PolicyProblem[] } {
  if (raw === undefined) return { layer: new Map(), problems: [] };
  try {
    const { layer, problems } = readLayer(migrate(raw));
    if (!only) return { layer, problems };
    const kept = new Map([...layer].filter(([f]) => only.includes(f)));
    const dropped = [...layer.keys()].filter((f) => !only.includes(f));
    return {
      layer: kept,
      problems: [
        ...problems,
        ...dropped.map((f) => ({ path: f, message: 'is not a local preference' })),
      ],
    };
  } catch (err) {
    if (err instanceof PolicyError) return { layer: new Map(), problems: [...err.problems] };
    throw err;
  }
}

/** Starts the service: reads the cached layers now and managed storage in the background. */
export function createPolicyService(
  storage: StorageLike,
  now: () => number = Date.now,
): PolicyService {
  let managed: ManagedConfig = NO_MANAGED;
  let managedLive = false;
  let synced = readDoc(undefined);
  let local = readDoc(undefined);
  let effective: Effective = effectivePolicy({});

  const recompute = async () => {
    effective = effectivePolicy({
      managed: { layer: managed.layer, locked: managed.locked },
      synced: synced.layer,
      local: local.layer,
    });
    await storage.local.set({ [KEYS.revision]: now() });
  };

  const cached = (async () => {
    const items = await storage.local.get([KEYS.managedCache, KEYS.synced, KEYS.local]);
    const cache = items[KEYS.managedCache];
    if (isRecord(cache) && cache.v === 1 && isRecord(cache.raw)) managed = readManaged(cache.raw);
    synced = readDoc(items[KEYS.synced]);
    local = readDoc(items[KEYS.local], LOCAL_FIELDS);
    effective = effectivePolicy({
      managed: { layer: managed.layer, locked: managed.locked },
      synced: synced.layer,
      local: local.layer,
    });
  })();

  let reads = 0;
  const readManagedNow = async () => {
    // Reads can overlap (a change arrives while the first slow read is pending): only the
    // latest one may apply, so an older answer never replaces a newer one.
    const ticket = ++reads;
    let raw: Items;
    try {
      raw = await storage.managed.get();
    } catch {
      // Firefox without an enterprise policy for Hush (and Chrome without a schema) reject:
      // that means no managed values.
      raw = {};
    }
    await cached;
    if (ticket !== reads) return;
    managed = readManaged(raw);
    managedLive = true;
    await storage.local.set({ [KEYS.managedCache]: { v: 1, raw } });
    await recompute();
  };
  let managedDone = readManagedNow();

  storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') {
      managedDone = readManagedNow();
    } else if (area === 'local' && (KEYS.synced in changes || KEYS.local in changes)) {
      void (async () => {
        await cached;
        const items = await storage.local.get([KEYS.synced, KEYS.local]);
        synced = readDoc(items[KEYS.synced]);
        local = readDoc(items[KEYS.local], LOCAL_FIELDS);
        await recompute();
      })();
    }
  });

  return {
    current: () => effective.policy,
    async policy() {
      await cached;
      return effective.policy;
    },
    async state() {
      await cached;
      const c = managed.connection;
      return {
        policy: effective.policy,
        fields: effective.fields,
        localFields: LOCAL_FIELDS,
        problems: { managed: managed.problems, synced: synced.problems, local: local.problems },
        managedLive,
        managed: managed.layer.size > 0 || Object.keys(c).length > 0 || managed.locked.length > 0,
        connection: {
          ...(c.backendUrl ? { backendUrl: c.backendUrl } : {}),
          ...(c.tenantId ? { tenantId: c.tenantId } : {}),
          ...(c.user?.team ? { team: c.user.team } : {}),
        },
      };
    },
    async connection() {
      await managedDone;
      return managed.connection;
    },
    async managedRead() {
      await managedDone;
    },
  };
}
