import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { expectLinear } from './linear.test-util.ts';
import { scanWith } from '../engine.ts';
import {
  EdmSpecSchema,
  compileEdmDetector,
  edmWordCount,
  hashValue,
  normaliseEdmValue,
} from './edm.ts';

const SALT = 'test-salt-7f3a';
// Made-up values: a customer name, an account number, an email, a three-word company name.
const VALUES = ['Jane Q. Doe', '123-45-6789', 'ops.lead@acme-widgets.example', 'Acme Widget Works'];

function detector(extra: Record<string, unknown> = {}, values = VALUES) {
  return compileEdmDetector(
    v.parse(EdmSpecSchema, {
      id: 'customers',
      kind: 'edm',
      salt: SALT,
      hashes: values.map((x) => hashValue(SALT, x)),
      lengths: [...new Set(values.map((x) => normaliseEdmValue(x).length))],
      ...extra,
    }),
  );
}

function found(text: string, extra: Record<string, unknown> = {}): string[] {
  return scanWith([detector(extra)], text).map((f) => text.slice(f.start, f.end));
}

describe('normaliseEdmValue', () => {
  it.each([
    ['Jane Q. Doe', 'jane q doe'],
    ['  Doe,   Jane!! ', 'doe jane'],
    ['"O\'Brien"', 'o brien'],
    ['123-45-6789', '123456789'],
    ['123 45 6789', '123456789'],
    ['１２３–45–6789', '123456789'],
    ['ops.lead@Acme-Widgets.example.', 'ops.lead@acme-widgets.example'],
    ['ACME\u200bWidget', 'acmewidget'],
    ['...', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseEdmValue(input)).toBe(expected);
  });

  it('counts words as the detector does', () => {
    expect(edmWordCount('Jane Q. Doe')).toBe(3);
    expect(edmWordCount('123-45-6789')).toBe(1);
  });
});

describe('hashValue', () => {
  it('is SHA-256 of salt, a zero byte and the normalised value', () => {
    const expected = bytesToHex(sha256(utf8ToBytes(`${SALT}\u0000jane q doe`)));
    expect(hashValue(SALT, ' Jane  Q. DOE ')).toBe(expected);
  });
  it('depends on the salt', () => {
    expect(hashValue('a', 'x')).not.toBe(hashValue('b', 'x'));
  });
});

describe('edm custom detector', () => {
  it.each([
    ['Customer Jane Q Doe called again', 'Jane Q Doe'],
    ['customer: JANE Q. DOE.', 'JANE Q. DOE'],
    ['acct 123-45-6789 frozen', '123-45-6789'],
    ['acct 123 45 6789 frozen', '123 45 6789'],
    ['acct 123.45.6789', '123.45.6789'],
    ['mail ops.lead@acme-widgets.example now', 'ops.lead@acme-widgets.example'],
    ['(Acme Widget Works)', 'Acme Widget Works'],
    ['Ａｃｍｅ Widget Works', 'Ａｃｍｅ Widget Works'],
  ])('finds %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    'Customer Jane Doe called',
    'Jane Q Does',
    'acct 123-45-6780',
    'acct 1123-45-6789',
    'Acme Widget Workshop',
    'ops.lead@acme-widgets.example.org',
    `Jane Q ${'-'.repeat(20)} Doe`,
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds values without a lengths prefilter too', () => {
    expect(found('acct 123-45-6789', { lengths: undefined })).toEqual(['123-45-6789']);
  });

  it('only joins up to maxWords words', () => {
    expect(found('(Acme Widget Works)', { maxWords: 2 })).toEqual([]);
  });

  it('reports type, score and reason, never the value', () => {
    const [f] = scanWith([detector({ type: 'PERSON' })], 'Jane Q Doe');
    expect(f).toMatchObject({ type: 'PERSON', score: 0.95, reason: 'exact data match' });
  });

  it('accepts upper-case hex in the policy', () => {
    const d = compileEdmDetector(
      v.parse(EdmSpecSchema, {
        id: 'upper',
        kind: 'edm',
        salt: SALT,
        hashes: [hashValue(SALT, 'Jane Q. Doe').toUpperCase()],
      }),
    );
    expect(scanWith([d], 'Jane Q Doe')).toHaveLength(1);
  });

  it('is linear on 1 MB, prose and adversarial', () => {
    const many = Array.from({ length: 20000 }, (_, i) => `client ${i} ltd`);
    const d = detector({}, [...VALUES, ...many]);
    const run = (input: string) => void scanWith([d], input);
    const words =
      'the customer called about their order and asked to update the billing address'.split(' ');
    const prose = (size: number) => {
      let out = '';
      for (let i = 0; out.length < size; i++) out += `${words[(i * 7) % words.length]} `;
      return out;
    };
    expectLinear(run, prose, 'prose');
    for (const unit of ['Ab ', '4 ', 'a', 'a.']) {
      expectLinear(
        run,
        (size) => unit.repeat(Math.floor(size / unit.length)),
        JSON.stringify(unit),
      );
    }
  }, 120_000);
});
