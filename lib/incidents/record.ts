/**
 * The incident record: one decision of the in-page guard as the background keeps it, and the
 * strict validation of what a content script reports. Types and counts only; a record never holds
 * a matched value (the override reason is masked before it is stored).
 *
 * Field names are forever (issue 4 syncs these records to the backend and the dashboard reads
 * them): add fields, never rename or reuse one.
 */
import { ENTITY_TYPES, isEntityType, type EntityType } from '@/rules/types.ts';
import {
  CHANNELS,
  OUTCOMES,
  type Channel,
  type GuardEvent,
  type Outcome,
} from '@/lib/guard/vocabulary.ts';
import { ACTIONS, PAGE_CLASSES, type Action, type PageClass } from '@/lib/guard/decide.ts';

/** The longest override reason kept; a content script must shorten longer ones before sending. */
export const REASON_MAX = 500;
/** The largest count of one type in one decision: more is a bug or a forged report. */
export const COUNT_MAX = 10_000;

/**
 * Where a record is in the sync queue (issue 4): `pending` until the backend acknowledged it. A
 * record the backend refuses for good is deleted and counted (lib/sync/upload.ts), not kept.
 */
export type SyncState = 'pending' | 'sent';

export interface IncidentRecord {
  /** A random UUID made by the background: the backend's idempotency key when it syncs. */
  id: string;
  /** When the background received the decision (ms since the epoch). */
  time: number;
  /** The catalogue id of the site, from the SENDER's frame address; null for a host policy adds. */
  siteId: string | null;
  /** The frame's host name, from the sender's address (never from the page). */
  host: string;
  pageClass: PageClass;
  channel: Channel;
  /** What policy asked for. */
  action: Action;
  /** What happened in the end. */
  outcome: Outcome;
  /** How many values of each type; never the values. */
  counts: Partial<Record<EntityType, number>>;
  /** The agent's reason for sending anyway, masked again by the background before it is kept. */
  reason?: string;
  state: SyncState;
  /** When the backend acknowledged the record; null while pending. */
  sentAt: number | null;
  /** The extension version that made the record, so the backend can tell old clients apart. */
  extensionVersion: string;
  /**
   * The revision of the synced policy that made the decision (0: built-in defaults or a policy
   * that did not come from the backend). Absent in records made before issue 4; read as 0.
   */
  policyVersion?: number;
}

/** The largest policy revision (the backend keeps it in a 32-bit integer). */
export const POLICY_VERSION_MAX = 2_147_483_647;

const EVENT_KEYS = new Set(['channel', 'action', 'outcome', 'counts', 'reason', 'detectors']);
/** The most detector ids one decision may name, and the shape of one (server/schemas.ts). */
export const DETECTORS_MAX = 32;
export const DETECTOR_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

/** A count map with known type names and small non-negative integers, or null. */
export function parseCounts(value: unknown): Partial<Record<EntityType, number>> | null {
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (keys.length > ENTITY_TYPES.length) return null;
  const out: Partial<Record<EntityType, number>> = {};
  for (const key of keys) {
    const n = value[key];
    if (!isEntityType(key)) return null;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > COUNT_MAX) return null;
    if (n > 0) out[key] = n;
  }
  return out;
}

/**
 * Validates a guard event as a content script sent it. A content script runs beside the page, so
 * this is untrusted input: every field must be one of the known names, counts small non-negative
 * integers, the reason a string of at most REASON_MAX characters, and there must be no other
 * field (a stray `value` or `text` field is refused rather than silently dropped, so a bug that
 * would leak one shows up).
 */
export function parseGuardEvent(value: unknown): GuardEvent | null {
  if (!isRecord(value)) return null;
  for (const key of Object.keys(value)) if (!EVENT_KEYS.has(key)) return null;
  const { channel, action, outcome, reason } = value;
  if (!oneOf(CHANNELS, channel) || !oneOf(ACTIONS, action) || !oneOf(OUTCOMES, outcome)) {
    return null;
  }
  const counts = parseCounts(value.counts);
  if (counts === null) return null;
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > REASON_MAX)) {
    return null;
  }
  const { detectors } = value;
  if (
    detectors !== undefined &&
    (!Array.isArray(detectors) ||
      detectors.length > DETECTORS_MAX ||
      !detectors.every((d) => typeof d === 'string' && DETECTOR_ID.test(d)))
  ) {
    return null;
  }
  const event: GuardEvent = { channel, action, outcome, counts };
  if (reason !== undefined && reason.trim() !== '') event.reason = reason;
  if (detectors !== undefined && detectors.length > 0) {
    event.detectors = [...new Set(detectors as string[])];
  }
  return event;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SITE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HOST = /^[a-z0-9.-]{1,253}$/;

/**
 * Validates a stored record on read (STYLE.md principle 7): a record written by another version,
 * or damaged, is refused rather than handed to the sync client or the popup.
 */
export function parseIncidentRecord(value: unknown): IncidentRecord | null {
  if (!isRecord(value)) return null;
  const v = value;
  if (typeof v.id !== 'string' || !UUID.test(v.id)) return null;
  if (typeof v.time !== 'number' || !Number.isFinite(v.time) || v.time < 0) return null;
  if (v.siteId !== null && (typeof v.siteId !== 'string' || !SITE_ID.test(v.siteId))) return null;
  if (typeof v.host !== 'string' || !HOST.test(v.host)) return null;
  if (!oneOf(PAGE_CLASSES, v.pageClass)) return null;
  if (!oneOf(CHANNELS, v.channel) || !oneOf(ACTIONS, v.action) || !oneOf(OUTCOMES, v.outcome)) {
    return null;
  }
  const counts = parseCounts(v.counts);
  if (counts === null) return null;
  if (v.reason !== undefined && (typeof v.reason !== 'string' || v.reason.length > REASON_MAX)) {
    return null;
  }
  if (v.state !== 'pending' && v.state !== 'sent') return null;
  if (v.sentAt !== null && (typeof v.sentAt !== 'number' || !Number.isFinite(v.sentAt))) {
    return null;
  }
  if ((v.state === 'sent') !== (v.sentAt !== null)) return null;
  if (typeof v.extensionVersion !== 'string' || v.extensionVersion.length > 32) return null;
  if (
    v.policyVersion !== undefined &&
    (typeof v.policyVersion !== 'number' ||
      !Number.isInteger(v.policyVersion) ||
      v.policyVersion < 0 ||
      v.policyVersion > POLICY_VERSION_MAX)
  ) {
    return null;
  }
  const record: IncidentRecord = {
    id: v.id,
    time: v.time,
    siteId: v.siteId,
    host: v.host,
    pageClass: v.pageClass,
    channel: v.channel,
    action: v.action,
    outcome: v.outcome,
    counts,
    state: v.state,
    sentAt: v.sentAt,
    extensionVersion: v.extensionVersion,
  };
  if (v.reason !== undefined) record.reason = v.reason;
  if (v.policyVersion !== undefined) record.policyVersion = v.policyVersion;
  return record;
}

/** The sum of a count map. */
export function totalOf(counts: Partial<Record<EntityType, number>>): number {
  let n = 0;
  for (const c of Object.values(counts)) n += c ?? 0;
  return n;
}
