import { describe, expect, it } from 'vitest';
import { keywords } from './keywords.ts';

/** Every start of a word of `words` in `text`, as a case-insensitive regex search finds them. */
function naive(text: string, words: readonly string[]): number[] {
  const starts = new Set<number>();
  for (const w of words) {
    const re = new RegExp(w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'gi');
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      starts.add(m.index);
      re.lastIndex = m.index + 1;
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** A small deterministic generator, so a failure names a reproducible case. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('keywords', () => {
  it('finds every occurrence of every list in one pass, overlapping ones included', () => {
    const labels = keywords(['exp', 'expiry', 'valid thru', 'xp']);
    const other = keywords(['pass', 'passport', 'sport', 'Ü-Code']);
    const text = 'EXPIRY: 04/27; Passport no. … passSPORT ü-code';
    expect(labels.at(text)).toEqual(naive(text, ['exp', 'expiry', 'valid thru', 'xp']));
    expect(other.at(text)).toEqual(naive(text, ['pass', 'passport', 'sport', 'ü-code']));
    expect(labels.test('nothing here')).toBe(false);
    expect(labels.at('nothing here')).toEqual([]);
    expect(other.test('a PASSPORT')).toBe(true);
  });

  it('agrees with a regular-expression search on random texts and lists', () => {
    const next = rng(7);
    const alphabet = 'abcAB é-É/ .0';
    const pick = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const lists = Array.from({ length: 6 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(1 + Math.floor(next() * 4))),
    );
    const made = lists.map((words) => keywords(words));
    for (let t = 0; t < 300; t++) {
      const text = pick(Math.floor(next() * 60));
      lists.forEach((words, k) => {
        expect(made[k]!.at(text), `${JSON.stringify(words)} in ${JSON.stringify(text)}`).toEqual(
          naive(text, words),
        );
        expect(made[k]!.test(text)).toBe(naive(text, words).length > 0);
      });
    }
  });

  it('answers lists registered after a text was searched', () => {
    const first = keywords(['alpha']);
    const text = 'alpha beta gamma';
    expect(first.at(text)).toEqual([0]);
    const later = keywords(['gamma', 'beta']);
    expect(later.at(text)).toEqual([6, 11]);
    expect(first.at(text)).toEqual([0]);
  });

  it('matches characters outside the Basic Multilingual Plane and in other scripts', () => {
    const words = keywords(['パスワード', '密码', 'пароль', 'a😀b']);
    const text = 'ПАРОЛЬ: x; パスワード y; 密码; A😀B';
    expect(words.at(text)).toEqual(naive(text, ['パスワード', '密码', 'пароль', 'a😀b']));
  });

  it('counts whole words only when asked, as \\b does but for the underscore of a key', () => {
    const whole = keywords(['ach', 'wire', 'r/t'], { wholeWord: true });
    const text = 'Each ACH wire, wires, r/t: wire_x (ach) 9ach';
    const byRegex = [...text.matchAll(/(?<![a-z0-9])(?:ach|wire|r\/t)(?![a-z0-9])/gi)].map(
      (m) => m.index,
    );
    expect(byRegex).toEqual([5, 9, 22, 27, 35]);
    expect(whole.at(text)).toEqual(byRegex);
    expect(() => keywords(['#tag'], { wholeWord: true })).toThrow(/whole word/);
  });

  it("reads an underscore as a space, in the text and in a list's words", () => {
    const labels = keywords(['date de naissance', 'private_key_id'], { wholeWord: true });
    const text = '"date_de_naissance": 1, private key id, private_key_id, x_date de naissance';
    expect(labels.at(text)).toEqual([1, 24, 40, 58]);
    expect(labels.test('date-de-naissance')).toBe(false);
  });

  it('refuses an empty list or an empty word', () => {
    expect(() => keywords([])).toThrow(/non-empty/);
    expect(() => keywords(['a', ''])).toThrow(/non-empty/);
  });
});
