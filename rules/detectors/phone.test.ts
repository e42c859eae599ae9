/**
 * Phone scoring tiers and spans: what the meta-test cannot say (it only checks found / not
 * found at the default threshold).
 */
import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { phone } from './phone.ts';

function best(text: string) {
  const found = scanWith([phone], text, { threshold: 0 });
  return found.map((f) => ({ value: text.slice(f.start, f.end), score: f.score }));
}

describe('phone', () => {
  it('scores a valid international number highest, with no context needed', () => {
    const [f] = best('+44 20 7946 0958');
    expect(f?.value).toBe('+44 20 7946 0958');
    expect(f?.score).toBeGreaterThanOrEqual(0.85);
  });

  it('passes a formatted valid national number alone, a bare one only with context', () => {
    expect(best('(602) 272-9781')[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(best('6022729781')[0]?.score).toBeLessThan(0.5);
    expect(best('Phone: 6022729781')[0]?.score).toBeGreaterThanOrEqual(0.5);
  });

  it('needs context for a number no plan knows, and then accepts it', () => {
    expect(best('60-56-85-91')[0]?.score ?? 0).toBeLessThan(0.5);
    expect(best('Phone:\n60-56-85-91')[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(best('416 60 039 office')[0]?.score).toBeGreaterThanOrEqual(0.5);
  });

  it('lets negative context sink even a valid number', () => {
    expect(best('Invoice (602) 272-9781')[0]?.score ?? 0).toBeLessThan(0.5);
    expect(best('Total: 1 234 567 EUR')).toEqual([]);
  });

  it('does not read a cut word at the window edge as negative context', () => {
    // "dpo" (a military post office) cut to "po" must not read as a purchase order.
    const text = 'unit 1009 box 0219\ndpo ap 51065\n781 1704 office\n(579)888-3058 fax';
    expect(best(text).find((f) => f.value === '(579)888-3058')?.score).toBeGreaterThanOrEqual(0.5);
  });

  it('reads context words as lower-cased text, even where ignoring case would differ', () => {
    // The context patterns ignore case, but "İ" lower-cases to "i" and a combining dot and the
    // Kelvin sign to "k": "TELİ" is not "tel" and "\u212Ag" is "kg", as when lower-casing.
    // (Called without the engine, whose normalisation folds the Kelvin sign.)
    const score = (text: string) =>
      phone.detect(text, { taken: [], threshold: 0 }).find((f) => f.end === text.length)?.score;
    expect(score('TEL 06 80 50 12 10')).toBeGreaterThan(score('TELX 06 80 50 12 10')!);
    expect(score('TELİ 06 80 50 12 10')).toBe(score('TELX 06 80 50 12 10'));
    expect(score('Phone 06 80 50 12 10')).toBe(score('PHONE 06 80 50 12 10'));
    expect(score('Poids \u212Ag 06 80 50 12 10')).toBe(score('Poids kg 06 80 50 12 10'));
    expect(score('Poids kg 06 80 50 12 10')).toBeLessThan(score('Poids 06 80 50 12 10')!);
  });

  it('includes an extension in the span', () => {
    expect(best('Desk: +1-903-140-4508x769')[0]?.value).toBe('+1-903-140-4508x769');
    expect(best('call (602) 272-9781 ext. 12')[0]?.value).toBe('(602) 272-9781 ext. 12');
  });

  it('refuses house numbers followed by a street', () => {
    expect(scanWith([phone], 'The restaurant is at 17151 2450 Crown St')).toEqual([]);
  });

  it('reads two numbers on one line separately', () => {
    const text = 'Mobile: 0490 39 07 81, Desk: +447911 123 456';
    expect(scanWith([phone], text).map((f) => text.slice(f.start, f.end))).toEqual([
      '0490 39 07 81',
      '+447911 123 456',
    ]);
  });
});
