import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { expectLinear } from './linear.test-util.ts';
import { scanWith } from '../engine.ts';
import {
  RegexSpecSchema,
  checkPattern,
  compileRegexDetector,
  hasNestedUnboundedQuantifier,
} from './regex.ts';

function detector(spec: Record<string, unknown>) {
  return compileRegexDetector(
    v.parse(RegexSpecSchema, { id: 'test-regex', kind: 'regex', ...spec }),
  );
}

function values(spec: Record<string, unknown>, text: string): string[] {
  return scanWith([detector(spec)], text).map((f) => text.slice(f.start, f.end));
}

const EMPLOYEE = { pattern: String.raw`(?<![\w-])EMP-\d{6}(?![\w-])` };

describe('regex custom detector', () => {
  it.each([
    ['Please reset the badge of EMP-204817 today', 'EMP-204817'],
    ['EMP-000123', 'EMP-000123'],
    ['ids: EMP-111111, EMP-222222.', 'EMP-111111'],
  ])('finds %j', (text, value) => {
    expect(values(EMPLOYEE, text)).toContain(value);
  });

  it.each([
    'Ticket TEMP-204817 is closed',
    'EMP-20481 is too short',
    'EMP-2048175 is too long',
    'version 2.0.4-EMP-204817x',
    'emp-204817 in lower case',
  ])('leaves %j alone', (text) => {
    expect(values(EMPLOYEE, text)).toEqual([]);
  });

  it('applies the i flag', () => {
    expect(values({ ...EMPLOYEE, flags: 'i' }, 'badge emp-204817')).toEqual(['emp-204817']);
  });

  it('reports the policy type, score and a reason without the value', () => {
    const [f] = scanWith(
      [detector({ ...EMPLOYEE, type: 'NATIONAL_ID', score: 0.7 })],
      'EMP-204817',
    );
    expect(f).toMatchObject({ type: 'NATIONAL_ID', score: 0.7, detector: 'test-regex' });
    expect(f?.reason).toBe('policy pattern');
  });

  it('defaults to CUSTOM and 0.9', () => {
    const [f] = scanWith([detector(EMPLOYEE)], 'EMP-204817');
    expect(f).toMatchObject({ type: 'CUSTOM', score: 0.9 });
  });

  describe('with context words', () => {
    const spec = {
      pattern: String.raw`(?<!\d)\d{7}(?!\d)`,
      context: ['staff number', 'Personalnummer'],
    };
    it.each([
      ['Staff number: 4820193', '4820193'],
      ['4820193 is her staff\nnumber', '4820193'],
      ['Personalnummer 4820193', '4820193'],
    ])('finds %j', (text, value) => {
      expect(values(spec, text)).toEqual([value]);
    });
    it.each([
      'Order 4820193 shipped',
      'staffnumbers 4820193',
      `staff number ${'x'.repeat(60)} 4820193`,
    ])('leaves %j alone', (text) => {
      expect(values(spec, text)).toEqual([]);
    });
    it('uses the words as prefilter', () => {
      expect(detector(spec).prefilter?.test('no keyword here')).toBe(false);
      expect(detector(spec).prefilter?.test('STAFF NUMBER 1')).toBe(true);
    });
  });

  it('treats context words as literals, not patterns', () => {
    const spec = { pattern: String.raw`(?<!\d)\d{4}(?!\d)`, context: ['p.o. box', 'a+b'] };
    expect(values(spec, 'P.O. Box 1234')).toEqual(['1234']);
    expect(values(spec, 'pxox box 1234')).toEqual([]);
    expect(values(spec, 'a+b 1234')).toEqual(['1234']);
  });

  it('stays linear on 1 MB adversarial inputs', () => {
    const d = detector({ pattern: String.raw`(?<![\w-])PRJ-[A-Z]{2,4}-\d{1,6}(?![\w-])` });
    const run = (input: string) => void scanWith([d], input);
    for (const unit of ['PRJ-', 'PRJ-AB-', '1', 'A']) {
      expectLinear(run, (size) => unit.repeat(size / unit.length), JSON.stringify(unit));
    }
  }, 120_000);
});

// The safety analysis takes up to a few seconds a pattern on a loaded machine.
describe('checkPattern', { timeout: 120_000 }, () => {
  it.each([
    String.raw`EMP-\d{6}`,
    String.raw`(?<![\w-])PRJ-[A-Z]{2,4}-\d{1,6}(?![\w-])`,
    String.raw`\bCUST-\d{4}-\d{4}\b`,
    String.raw`sk_live_[0-9a-zA-Z]{24,99}`,
  ])('accepts %s', (pattern) => {
    expect(checkPattern(pattern, 'i')).toBeNull();
  });

  it.each([
    ['(a+)+$', '', 'can backtrack catastrophically (nested quantifier)'],
    [String.raw`(\w+\s?)+$`, '', 'can backtrack catastrophically (nested quantifier)'],
    [String.raw`\d+x`, '', 'can backtrack catastrophically (overlapping repetitions at `\\d`'],
    ['(?:foo|foobar)+baz', '', 'can backtrack catastrophically'],
    ['a*', '', 'matches the empty string'],
    ['x?', '', 'matches the empty string'],
    [String.raw`\b`, '', 'matches the empty string'],
    ['(?:)', '', 'matches the empty string'],
    ['(abc', '', 'is not a valid regular expression (Unterminated group)'],
    [String.raw`\p{Lu}{2}\q`, 'u', 'is not a valid regular expression'],
    ['abc', 'g', 'only the flags i, m, s and u are allowed'],
    ['abc', 'ii', 'only the flags i, m, s and u are allowed, each once'],
    ['', '', 'must not be empty'],
    ['a'.repeat(1001), '', 'is longer than 1000 characters'],
  ])('rejects %s (flags %j)', (pattern, flags, message) => {
    expect(checkPattern(pattern, flags)).toContain(message);
  });

  it.each([
    ['(a+)+$', true],
    [String.raw`(\w+\s?)*`, true],
    ['(?:x*y){2,}', true],
    ['((a)+b)+', true],
    [String.raw`(?:\d{3}-){2}\d{4}`, false],
    ['(a{1,9})+', false],
    ['[(a+)]+', false],
    [String.raw`\((a+)\)+`, false],
    ['(a|b)+', false],
  ])('spots nested unbounded quantifiers in %s: %s', (pattern, nested) => {
    expect(hasNestedUnboundedQuantifier(pattern)).toBe(nested);
  });

  it('refuses to compile a pattern that fails the check', () => {
    expect(() =>
      compileRegexDetector({
        id: 'bad',
        kind: 'regex',
        pattern: '(a+)+$',
        flags: '',
        type: 'CUSTOM',
        score: 0.9,
      }),
    ).toThrow(/nested quantifier/);
  });
});
