/**
 * The meta-test over every detector: registered, id equal to file name, enough examples both
 * ways, every example behaves, and no pattern backtracks catastrophically on adversarial input.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from './index.ts';
import { scanWith } from './engine.ts';
import type { Detector, MatchExample } from './types.ts';

const dir = fileURLToPath(new URL('./detectors/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const MIN_EXAMPLES = 3;

function exampleParts(ex: MatchExample): { text: string; value: string } {
  return typeof ex === 'string' ? { text: ex, value: ex } : ex;
}

function findings(d: Detector, text: string) {
  return scanWith([d], text).filter((f) => f.detector === d.id);
}

describe('detector registry', () => {
  it('registers every file in rules/detectors exactly once', () => {
    const ids = DETECTORS.map((d) => d.id).sort();
    expect(ids).toEqual(files);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(DETECTORS.map((d) => [d.id, d] as const))('detector %s', (_id, d) => {
  it(`has at least ${MIN_EXAMPLES} examples each way and a description`, () => {
    expect(d.examples.match.length).toBeGreaterThanOrEqual(MIN_EXAMPLES);
    expect(d.examples.noMatch.length).toBeGreaterThanOrEqual(MIN_EXAMPLES);
    expect(d.description.length).toBeGreaterThan(10);
    expect(d.types.length).toBeGreaterThan(0);
  });

  it.each(d.examples.match.map((ex) => [exampleParts(ex).value, ex] as const))(
    'finds %j',
    (_v, ex) => {
      const { text, value } = exampleParts(ex);
      const start = text.indexOf(value);
      expect(start, 'value must be inside text').toBeGreaterThanOrEqual(0);
      const found = findings(d, text);
      expect(found.map((f) => text.slice(f.start, f.end))).toContain(value);
      for (const f of found) expect(d.types).toContain(f.type);
    },
  );

  it.each(d.examples.noMatch.map((t) => [t] as const))('leaves %j alone', (text) => {
    expect(findings(d, text).map((f) => text.slice(f.start, f.end))).toEqual([]);
  });

  it('stays linear on 1 MB adversarial inputs', () => {
    for (const [name, input] of ADVERSARIAL) {
      // CPU time of this process, not wall time, so a busy machine does not fail the test.
      const t0 = process.cpuUsage();
      scanWith([d], input);
      const used = process.cpuUsage(t0);
      const ms = (used.user + used.system) / 1000;
      // Generous bound: it only has to catch catastrophic backtracking (which takes minutes on
      // 1 MB); the benchmark (npm run bench) tracks the real figure.
      expect(ms, `${d.id} on ${name}`).toBeLessThan(2000);
    }
  });
});

const MB = 1 << 20;
export const ADVERSARIAL: ReadonlyArray<readonly [string, string]> = [
  ['digits', '4'.repeat(MB)],
  ['spaced digits', '4 '.repeat(MB / 2)],
  ['dashed digits', '12-'.repeat(MB / 3)],
  ['at signs', '@'.repeat(MB)],
  ['letters then at', 'a'.repeat(MB - 1) + '@'],
  ['nested quotes', '"\''.repeat(MB / 2)],
  ['spaces', ' '.repeat(MB)],
  ['capitalised words', 'Ab '.repeat(MB / 3)],
  ['hex', '0123456789abcdef'.repeat(MB / 16)],
  ['dots', 'a.'.repeat(MB / 2)],
  ['base64ish', 'AbC9+/'.repeat(MB / 6)],
  ['keyword soup', 'password: key token secret card ssn '.repeat(MB / 36)],
];
