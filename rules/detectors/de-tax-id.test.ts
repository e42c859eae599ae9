import { describe, expect, it } from 'vitest';
import { isValidDeTaxId } from './de-tax-id.ts';

describe('isValidDeTaxId', () => {
  it('accepts the example number published by the Bundeszentralamt für Steuern', () => {
    expect(isValidDeTaxId('86095742719')).toBe(true);
  });

  it('checks the MOD 11,10 check digit', () => {
    expect(isValidDeTaxId('86095742718')).toBe(false);
  });

  it('applies the digit-repetition rule', () => {
    // Each of these carries a correct check digit; only the repetition rule rejects it.
    // No repeated digit in the first ten.
    expect(isValidDeTaxId('12345678903')).toBe(false);
    // Two different digits repeated.
    expect(isValidDeTaxId('11223456785')).toBe(false);
    // A digit three times in a row.
    expect(isValidDeTaxId('11134567891')).toBe(false);
    // The same digit three times, but not in a row, is allowed.
    expect(isValidDeTaxId('11213456783')).toBe(true);
  });

  it('rejects a leading zero and the wrong length', () => {
    expect(isValidDeTaxId('06095742719')).toBe(false);
    expect(isValidDeTaxId('8609574271')).toBe(false);
  });
});
