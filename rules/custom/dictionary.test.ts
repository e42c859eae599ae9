import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { expectLinear } from './linear.test-util.ts';
import { scanWith } from '../engine.ts';
import { DictionarySpecSchema, compileDictionaryDetector } from './dictionary.ts';

function detector(spec: Record<string, unknown>) {
  return compileDictionaryDetector(
    v.parse(DictionarySpecSchema, { id: 'code-names', kind: 'dictionary', ...spec }),
  );
}

function values(spec: Record<string, unknown>, text: string): string[] {
  return scanWith([detector(spec)], text).map((f) => text.slice(f.start, f.end));
}

const CODE_NAMES = {
  words: ['Project Falcon', 'Osprey', 'Kestrel-2', 'C++ Core', 'Übermut', 'Falcon'],
};

describe('dictionary custom detector', () => {
  it.each([
    ['Status of Project Falcon?', 'Project Falcon'],
    ['status of project falcon?', 'project falcon'],
    ['PROJECT\n  FALCON launch', 'PROJECT\n  FALCON'],
    ['osprey: on track', 'osprey'],
    ['(Kestrel-2)', 'Kestrel-2'],
    ['moved to C++ Core.', 'C++ Core'],
    ['Codename übermut', 'übermut'],
    ['Falcon 🚀 ships', 'Falcon'],
    // Full-width letters are folded by the engine before the detector sees them.
    ['ＯＳＰＲＥＹ', 'ＯＳＰＲＥＹ'],
  ])('finds %j', (text, value) => {
    expect(values(CODE_NAMES, text)).toEqual([value]);
  });

  it.each([
    'Falconry is a hobby',
    'the ospreys nest here',
    'Kestrel-23 is another one',
    'Kestrel 2 spelled apart',
    'Projectfalcon glued',
    'myosprey',
    'Übermutig',
  ])('leaves %j alone', (text) => {
    expect(values(CODE_NAMES, text)).toEqual([]);
  });

  it('prefers the longest phrase and never overlaps', () => {
    expect(values(CODE_NAMES, 'Project Falcon and Falcon')).toEqual(['Project Falcon', 'Falcon']);
  });

  it('is case-sensitive when asked', () => {
    const spec = { ...CODE_NAMES, caseSensitive: true };
    expect(values(spec, 'Osprey and osprey')).toEqual(['Osprey']);
  });

  it('reports the policy type and score', () => {
    const [f] = scanWith([detector({ words: ['Osprey'], type: 'PERSON', score: 0.6 })], 'Osprey');
    expect(f).toMatchObject({
      type: 'PERSON',
      score: 0.6,
      detector: 'code-names',
      reason: 'policy dictionary',
    });
  });

  it('rejects empty and over-long words', () => {
    expect(
      v.safeParse(DictionarySpecSchema, { id: 'd1', kind: 'dictionary', words: ['  '] }).success,
    ).toBe(false);
    expect(
      v.safeParse(DictionarySpecSchema, { id: 'd1', kind: 'dictionary', words: ['x'.repeat(101)] })
        .success,
    ).toBe(false);
  });

  // Each walk from a word start is bounded by the longest word (100 units), so the worst case
  // is a text that follows a long word almost to its end at every word start, as the first
  // input does; real text ends a walk after a unit or two.
  it('stays linear on 1 MB adversarial inputs, whatever the dictionary', () => {
    const words = [
      'a '.repeat(49) + 'b',
      'a'.repeat(99) + 'b',
      'ab',
      ...Array.from({ length: 5000 }, (_, i) => `name${i}`),
    ];
    const d = detector({ words });
    const run = (input: string) => void scanWith([d], input);
    for (const unit of ['a ', 'a', ' ', 'name1', 'name1 ']) {
      expectLinear(run, (size) => unit.repeat(size / unit.length), JSON.stringify(unit));
    }
  }, 120_000);
});
