/**
 * How the popup words what the guard reports. Its own module so Popup.tsx and FalseAlarms.tsx
 * both read it without importing each other.
 */
import type { Outcome } from '@/lib/guard/context.ts';
import { DESCRIPTIONS } from '@/rules/descriptions.ts';

/** How each outcome reads in the summary ("Masked: Email address 2"). */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  masked: 'Masked',
  blocked: 'Blocked',
  warned: 'Warned',
  overridden: 'Sent anyway',
  undone: 'Masking undone',
  cancelled: 'Cancelled',
  monitored: 'Counted',
  allowed: 'Allowed',
};

/**
 * What a detector finds, in one sentence, for the "not sensitive" buttons' tooltips: the
 * buttons name detectors by id, which says little to an agent on its own.
 */
export function detectorHint(id: string): string {
  return DESCRIPTIONS[id] ?? id;
}
