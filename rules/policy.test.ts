import { describe, expect, it } from 'vitest';
import { hashValue, normaliseEdmValue } from './custom/edm.ts';
import { DETECTORS } from './index.ts';
import {
  PolicyError,
  compilePolicy,
  formatIssuePath,
  parseEnginePolicy,
  scanWithPolicy,
} from './policy.ts';

function errorOf(json: unknown): PolicyError {
  try {
    compilePolicy(json);
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  throw new Error('policy was accepted');
}

const regex = (extra: Record<string, unknown>) => ({
  customDetectors: [{ id: 'employee-id', kind: 'regex', pattern: String.raw`EMP-\d{6}`, ...extra }],
});

describe('compilePolicy rejects, naming the path', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 42, 'policy: must be a JSON object (got 42)'],
    ['an array', [], 'policy: must be a JSON object (got an array)'],
    ['null', null, 'policy: must be a JSON object (got null)'],
    [
      'an unknown field',
      { treshold: 0.5 },
      'treshold: unknown field (allowed: threshold, levels, disabledDetectors, customDetectors)',
    ],
    ['a threshold out of range', { threshold: 1.5 }, 'threshold: must be between 0 and 1'],
    [
      'a threshold of the wrong type',
      { threshold: '0.5' },
      'threshold: expected number, got "0.5"',
    ],
    [
      'an unknown type in levels',
      { levels: { SSN: 'RESTRICTED' } },
      'levels.SSN: must be one of PERSON, EMAIL',
    ],
    [
      'an unknown level',
      { levels: { EMAIL: 'SECRET' } },
      'levels.EMAIL: must be one of PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED (got "SECRET")',
    ],
    [
      'a malformed disabled id',
      { disabledDetectors: ['Email'] },
      'disabledDetectors[0]: must be 2-63 lower-case letters',
    ],
    [
      'customDetectors not a list',
      { customDetectors: {} },
      'customDetectors: expected Array, got Object',
    ],
    [
      'an unknown kind',
      { customDetectors: [{ id: 'x1', kind: 'glob' }] },
      'customDetectors[0].kind: must be "regex", "dictionary" or "edm" (got "glob")',
    ],
    [
      'a missing id',
      { customDetectors: [{ kind: 'regex', pattern: 'abc' }] },
      'customDetectors[0].id: is required',
    ],
    [
      'a malformed id',
      regex({ id: 'Employee ID' }),
      'customDetectors[0].id: must be 2-63 lower-case letters',
    ],
    ['a one-character id', regex({ id: 'e' }), 'customDetectors[0].id: must be 2-63'],
    [
      'an unknown field in a detector',
      regex({ patern: 'x' }),
      'customDetectors[0].patern: unknown field',
    ],
    [
      'a missing pattern',
      { customDetectors: [{ id: 'employee-id', kind: 'regex' }] },
      'customDetectors[0].pattern: is required',
    ],
    [
      'a ReDoS pattern',
      regex({ pattern: '(a+)+$' }),
      'customDetectors[0].pattern: can backtrack catastrophically (nested quantifier)',
    ],
    [
      'an unbounded unanchored repetition',
      regex({ pattern: String.raw`\d+x` }),
      'customDetectors[0].pattern: can backtrack catastrophically (overlapping repetitions',
    ],
    [
      'invalid syntax',
      regex({ pattern: '[a-' }),
      'customDetectors[0].pattern: is not a valid regular expression (Unterminated character class)',
    ],
    [
      'an empty-string match',
      regex({ pattern: '(EMP)?' }),
      'customDetectors[0].pattern: matches the empty string',
    ],
    [
      'a long pattern',
      regex({ pattern: 'x'.repeat(1001) }),
      'customDetectors[0].pattern: is longer than 1000 characters',
    ],
    [
      'the g flag',
      regex({ flags: 'gi' }),
      'customDetectors[0].flags: only the flags i, m, s and u are allowed (the engine adds g)',
    ],
    ['a repeated flag', regex({ flags: 'ii' }), 'customDetectors[0].flags: repeats a flag'],
    [
      'a score out of range',
      regex({ score: 2 }),
      'customDetectors[0].score: must be between 0 and 1',
    ],
    [
      'an unknown type',
      regex({ type: 'SECRET' }),
      'customDetectors[0].type: must be one of PERSON',
    ],
    [
      'empty context',
      regex({ context: [] }),
      'customDetectors[0].context: must list at least one word',
    ],
    [
      'an empty dictionary',
      { customDetectors: [{ id: 'names', kind: 'dictionary', words: [] }] },
      'customDetectors[0].words: must list at least one word',
    ],
    [
      'an empty dictionary word',
      { customDetectors: [{ id: 'names', kind: 'dictionary', words: ['ok', ' '] }] },
      'customDetectors[0].words[1]: must not be empty',
    ],
    [
      'a bad hash',
      { customDetectors: [{ id: 'list', kind: 'edm', salt: 's', hashes: ['beef'] }] },
      'customDetectors[0].hashes[0]: must be a SHA-256 hash: 64 hexadecimal characters',
    ],
    [
      'too many words',
      {
        customDetectors: [
          { id: 'list', kind: 'edm', salt: 's', hashes: ['a'.repeat(64)], maxWords: 7 },
        ],
      },
      'customDetectors[0].maxWords: must be between 1 and 6',
    ],
    [
      'an empty salt',
      { customDetectors: [{ id: 'list', kind: 'edm', salt: '', hashes: ['a'.repeat(64)] }] },
      'customDetectors[0].salt: must not be empty',
    ],
    [
      'a built-in id',
      regex({ id: 'email' }),
      'customDetectors[0].id: "email" is the id of a built-in detector; choose another',
    ],
    [
      'a duplicate id',
      {
        customDetectors: [
          regex({}).customDetectors[0],
          { id: 'employee-id', kind: 'dictionary', words: ['x'] },
        ],
      },
      'customDetectors[1].id: "employee-id" is already used by customDetectors[0]',
    ],
  ])('%s', (_name, json, message) => {
    const err = errorOf(json);
    expect(err.message.startsWith(message), `${err.message}\n  should start with\n${message}`).toBe(
      true,
    );
    expect(err.name).toBe('PolicyError');
    expect(err.problems.length).toBeGreaterThan(0);
  });

  it('counts further problems in the message and lists them all', () => {
    const err = errorOf({ threshold: 3, levels: { EMAIL: 'X' }, customDetectors: [{ id: 'Q' }] });
    expect(err.message).toMatch(/^threshold: must be between 0 and 1 \(and \d+ more problems\)$/);
    expect(err.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['threshold', 'levels.EMAIL', 'customDetectors[0].kind']),
    );
  });
});

describe('compilePolicy accepts', () => {
  it('an empty policy as the built-in behaviour', () => {
    const compiled = compilePolicy({});
    expect(compiled.options.extraDetectors).toEqual([]);
    expect(compiled.disabled.size).toBe(0);
    expect(compiled.warnings).toEqual([]);
    const text = 'write to jane.doe@example-mail.com';
    expect(scanWithPolicy(text, compiled)).toEqual(
      scanWithPolicy(text, compilePolicy({ threshold: 0.5 })),
    );
  });

  it('applies defaults to custom detectors', () => {
    const parsed = parseEnginePolicy(regex({}));
    expect(parsed.customDetectors?.[0]).toMatchObject({ flags: '', type: 'CUSTOM', score: 0.9 });
  });

  it('warns about disabled ids no detector has, without failing', () => {
    const compiled = compilePolicy({ disabledDetectors: ['not-yet-shipped'] });
    expect(compiled.warnings).toEqual([
      'disabledDetectors[0]: no detector has the id "not-yet-shipped"; it disables nothing',
    ]);
  });
});

describe('scanWithPolicy', () => {
  const salt = 'policy-test-salt';
  const policy = {
    threshold: 0.5,
    levels: { CUSTOM: 'RESTRICTED' },
    customDetectors: [
      {
        id: 'employee-id',
        kind: 'regex',
        pattern: String.raw`(?<![\w-])EMP-\d{6}(?![\w-])`,
        context: ['employee'],
      },
      { id: 'code-names', kind: 'dictionary', words: ['Project Falcon'], score: 0.8 },
      {
        id: 'customers',
        kind: 'edm',
        salt,
        hashes: [hashValue(salt, 'Jane Q. Doe')],
        lengths: [normaliseEdmValue('Jane Q. Doe').length],
        type: 'PERSON',
      },
    ],
  };
  const text = 'Employee EMP-204817 on Project Falcon talked to Jane Q Doe (jane@corp-mail.com).';
  // Other built-in detectors come and go; these tests look at the policy's own and at email.
  const ours = new Set(['employee-id', 'code-names', 'customers', 'email']);
  const scanned = (json: unknown, options = {}) =>
    scanWithPolicy(text, compilePolicy(json), options).filter((f) => ours.has(f.detector));
  const found = (json: unknown, options = {}) =>
    scanned(json, options).map((f) => `${f.detector}:${text.slice(f.start, f.end)}`);

  it('runs built-in and custom detectors, with policy levels', () => {
    expect(found(policy)).toEqual([
      'employee-id:EMP-204817',
      'code-names:Project Falcon',
      'customers:Jane Q Doe',
      'email:jane@corp-mail.com',
    ]);
    const levels = scanned(policy).map((f) => f.level);
    expect(levels).toEqual(['RESTRICTED', 'RESTRICTED', 'CONFIDENTIAL', 'CONFIDENTIAL']);
  });

  it('leaves out disabled detectors, built-in and custom', () => {
    expect(found({ ...policy, disabledDetectors: ['email', 'code-names'] })).toEqual([
      'employee-id:EMP-204817',
      'customers:Jane Q Doe',
    ]);
  });

  it('applies the policy threshold, and lets options override it', () => {
    expect(found({ ...policy, threshold: 0.85 })).not.toContain('code-names:Project Falcon');
    expect(found({ ...policy, threshold: 0.85 }, { threshold: 0.5 })).toContain(
      'code-names:Project Falcon',
    );
  });

  it('does not change the built-in list', () => {
    const before = DETECTORS.length;
    found({ disabledDetectors: ['email'] });
    expect(DETECTORS.length).toBe(before);
  });
});

describe('formatIssuePath', () => {
  it('writes JSON paths', () => {
    const item = (key: string | number) =>
      typeof key === 'number'
        ? ({ type: 'array', origin: 'value', input: [], key, value: null } as const)
        : ({ type: 'object', origin: 'value', input: {}, key, value: null } as const);
    expect(formatIssuePath([item('customDetectors'), item(2), item('pattern')])).toBe(
      'customDetectors[2].pattern',
    );
    expect(formatIssuePath([item('levels'), item('a b')])).toBe('levels["a b"]');
    expect(formatIssuePath(undefined)).toBe('');
  });
});
