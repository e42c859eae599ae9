/**
 * Layering: which value of each field applies. Highest first: **managed** (browser policy, set by
 * IT), **synced** (from the backend), **local** (the agent's own preferences, only for the few
 * fields in LOCAL_FIELDS), **default** (built in). A managed lock pins a field to the managed value,
 * or to the default when IT locks a field without setting it, so no lower layer can change it.
 *
 * Pure: the background feeds it the layers it has read; the options page shows what it returns.
 */
import { defaultPolicy } from './defaults.ts';
import { FIELDS, fieldsCovered, getField, setField, type Layer, type Policy } from './schema.ts';
import { PAGE_CLASSES } from '@/lib/guard/decide.ts';

export const SOURCES = ['managed', 'synced', 'local', 'default'] as const;
/** Where a field's effective value came from. */
export type Source = (typeof SOURCES)[number];

/**
 * Fields an agent may set for themselves when no higher layer does and none is locked: how
 * masked values look, and whether tokens are put back into replies. Nothing here lets an agent
 * send more than policy allows.
 */
export const LOCAL_FIELDS: readonly string[] = [
  ...PAGE_CLASSES.map((c) => `rules.${c}.strategy`),
  'reversibleMasking',
];

export interface Layers {
  managed?: { layer: Layer; locked: readonly string[] };
  synced?: Layer;
  local?: Layer;
  /** The built-in defaults; defaultPolicy() when absent (tests pass their own). */
  defaults?: Policy;
}

export interface FieldState {
  source: Source;
  locked: boolean;
}

export interface Effective {
  policy: Policy;
  /** Per field path: where its value came from and whether IT locked it. */
  fields: Record<string, FieldState>;
}

/** The fields locked by a list of lock entries (fields, groups such as `rules`, or `*`). */
export function lockedFields(locks: readonly string[]): Set<string> {
  return new Set(locks.flatMap(fieldsCovered));
}

/** The effective policy and, per field, its source and lock. */
export function effectivePolicy(layers: Layers): Effective {
  const policy = structuredClone(layers.defaults ?? defaultPolicy());
  const locked = lockedFields(layers.managed?.locked ?? []);
  const fields: Record<string, FieldState> = {};
  for (const field of FIELDS) {
    const isLocked = locked.has(field);
    let source: Source = 'default';
    let value: unknown;
    if (layers.managed?.layer.has(field)) {
      source = 'managed';
      value = layers.managed.layer.get(field);
    } else if (!isLocked && layers.synced?.has(field)) {
      source = 'synced';
      value = layers.synced.get(field);
    } else if (!isLocked && LOCAL_FIELDS.includes(field) && layers.local?.has(field)) {
      source = 'local';
      value = layers.local.get(field);
    }
    if (source !== 'default') setField(policy, field, structuredClone(value));
    fields[field] = { source, locked: isLocked };
  }
  return { policy, fields };
}

/** Whether the agent may change `field` now: a local field, unlocked, set by no higher layer. */
export function canChangeLocally(effective: Effective, field: string): boolean {
  const state = effective.fields[field];
  if (!state || !LOCAL_FIELDS.includes(field) || state.locked) return false;
  return state.source === 'local' || state.source === 'default';
}

export { getField };
