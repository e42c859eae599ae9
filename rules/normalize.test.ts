import { describe, expect, it } from 'vitest';
import { normalise, toOriginalSpan } from './normalize.ts';
import { scanWith } from './engine.ts';
import { email } from './detectors/email.ts';

describe('normalise', () => {
  it('leaves plain ASCII alone without copying', () => {
    const n = normalise('plain text 123');
    expect(n.text).toBe('plain text 123');
    expect(n.starts).toBeNull();
  });

  it('leaves accented European, Greek and Cyrillic text alone without maps', () => {
    const n = normalise('Müller, café, Łódź, naïve, Ærøskøbing, Παφος, Москва');
    expect(n.starts).toBeNull();
  });

  it('folds full-width digits, zero-width characters, soft hyphens and dashes', () => {
    const input = '４５３９\u200b１４８８\u00ad–0343';
    const n = normalise(input);
    expect(n.text).toBe('45391488-0343');
    // The whole normalised text maps back to the whole original.
    expect(toOriginalSpan(n, 0, n.text.length)).toEqual([0, input.length]);
    // "1488" starts after the zero-width space in the original.
    expect(toOriginalSpan(n, 4, 8)).toEqual([5, 9]);
  });

  it('folds look-alike letters only inside words that mix scripts', () => {
    expect(normalise('jаne@mail.test').text).toBe('jane@mail.test'); // Cyrillic а
    expect(normalise('Москва и Παφος').text).toBe('Москва и Παφος');
  });

  it('maps expansions (ligatures) back to one original character', () => {
    const input = 'of\ufb01ce x@y.io';
    const n = normalise(input);
    expect(n.text).toBe('office x@y.io');
    expect(toOriginalSpan(n, 7, 13)).toEqual([6, 12]);
  });

  it('keeps astral characters intact in the offsets', () => {
    const input = '😀 mail: ｊｏｅ@ｍａｉｌ.ｃｏｍ';
    const found = scanWith([email], input);
    expect(found).toHaveLength(1);
    expect(input.slice(found[0]!.start, found[0]!.end)).toBe('ｊｏｅ@ｍａｉｌ.ｃｏｍ');
  });
});

describe('scanWith', () => {
  it('finds an email hidden with zero-width characters and reports original offsets', () => {
    const input = 'write to jo\u200bhn@exa\u200dmple-mail.com now';
    const [f] = scanWith([email], input);
    expect(f).toBeDefined();
    expect(input.slice(f!.start, f!.end)).toBe('jo\u200bhn@exa\u200dmple-mail.com');
    expect(f!.level).toBe('CONFIDENTIAL');
  });

  it('applies level overrides and type filters', () => {
    const t = 'a@b-mail.com';
    expect(scanWith([email], t, { levels: { EMAIL: 'RESTRICTED' } })[0]!.level).toBe('RESTRICTED');
    expect(scanWith([email], t, { types: ['PHONE'] })).toEqual([]);
    expect(scanWith([email], t, { threshold: 0.99 })).toEqual([]);
  });
});
