/**
 * The registry: one list of every built-in detector, and the engine's public API.
 * Adding a detector touches its file in rules/detectors/, one import and one list entry here.
 * rules/detectors.test.ts fails when a detector file is not registered or its id differs from
 * its file name.
 */
import { scanWith, type ScanOptions } from './engine.ts';
import type { Detector, Finding } from './types.ts';

// contact
import { email } from './detectors/email.ts';
// payment
// government ids
// health
// network
// secrets
// names and addresses

/** Every built-in detector, cheap ones first (the engine keeps this order within a stage). */
export const DETECTORS: readonly Detector[] = [
  // contact
  email,
  // payment
  // government ids
  // health
  // network
  // secrets
  // names and addresses
];

/** Finds sensitive data in `text` with every built-in detector. See ScanOptions. */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  return scanWith(DETECTORS, text, options);
}

export { scanWith, resolveOverlaps, DEFAULT_THRESHOLD, type ScanOptions } from './engine.ts';
export { normalise, toOriginalSpan, type Normalised } from './normalize.ts';
export * from './types.ts';
