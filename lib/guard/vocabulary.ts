/**
 * The guard's vocabulary that leaves the page: channels, outcomes and the decision a content
 * script reports. Plain data with no DOM type, so the backend validates incident batches with the
 * very same lists (server/schemas.ts) while its type check keeps the no-DOM rule.
 */
import type { EntityType } from '@/rules/types.ts';
import type { Action } from './decide.ts';

/**
 * Where text or a file tried to enter or leave the page. Stored in incident records, so these
 * identifiers are forever: add new ones, never rename.
 */
export const CHANNELS = [
  'paste',
  'drop',
  'typing',
  'send',
  'upload',
  'network',
  // A paste into an AI site of text copied in a support tool (issue 7, lib/provenance/).
  'support-copy',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** What finally happened to it (also forever). */
export const OUTCOMES = [
  'allowed',
  'monitored',
  'warned',
  'masked',
  'blocked',
  'overridden',
  'undone',
  'cancelled',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * One decision of the guard. The incident record is made from it, so it never holds a matched
 * value: types and counts only, and the override reason only after it was scanned and masked.
 */
export interface GuardEvent {
  channel: Channel;
  /** What policy asked for (the strongest action over the findings). */
  action: Action;
  /** What happened in the end. */
  outcome: Outcome;
  /** How many values of each type were involved. */
  counts: Partial<Record<EntityType, number>>;
  /** The agent's reason for sending anyway, already masked. */
  reason?: string;
  /**
   * The ids of the detectors whose findings made this decision (registry ids, never text), so
   * the popup can offer "this was not sensitive" per detector (issue 4). The background keeps
   * only ids it knows.
   */
  detectors?: string[];
}
