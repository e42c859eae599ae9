/**
 * The paste-time checks of issue 7, exported apart from the default registry (rules/index.ts) so
 * that the engine every scan loads, and the benchmark measures, does not carry them: the guard
 * imports this module for pastes into AI sites only.
 */
import { scanWith } from '../engine.ts';
import type { Detector, Finding } from '../types.ts';
import { promptInjection } from './prompt-injection.ts';

export { invisibleRuns, type InvisibleRun } from './invisible.ts';
export { promptInjection, decodeBase64Text } from './prompt-injection.ts';

/** Every paste-time detector; rules/detectors.test.ts checks each like a registered one. */
export const INJECTION_DETECTORS: readonly Detector[] = [promptInjection];

/** The PROMPT_INJECTION passages in `text` (offsets into `text`). */
export function scanInjection(text: string): Finding[] {
  return scanWith(INJECTION_DETECTORS, text).filter((f) => f.type === 'PROMPT_INJECTION');
}
