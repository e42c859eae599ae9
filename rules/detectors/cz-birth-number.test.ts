import { describe, expect, it } from 'vitest';
import { isValidBirthNumber } from './cz-birth-number.ts';

/** YYMMDD and three serial digits, completed so the ten-digit number divides by 11. */
function serial(date: string, three: string): string {
  return three + String((11 - (Number(date + three + '0') % 11)) % 11);
}

describe('isValidBirthNumber', () => {
  it('reads a woman’s month (+50) and the +20 months issued from 2004', () => {
    expect(isValidBirthNumber('855312', serial('855312', '432'))).toBe(true);
    expect(isValidBirthNumber('852312', serial('852312', '432'))).toBe(false); // 1985: no +20
    expect(isValidBirthNumber('052312', serial('052312', '432'))).toBe(true); // 2005
    expect(isValidBirthNumber('057312', serial('057312', '432'))).toBe(true); // 2005, +70
    expect(isValidBirthNumber('851312', serial('851312', '432'))).toBe(false); // month 13
  });

  it('allows a remainder of 10 with a final 0 only until 1985', () => {
    // 720415211 and 100415105 both leave 10 when divided by 11.
    expect(isValidBirthNumber('720415', '2110')).toBe(true);
    expect(isValidBirthNumber('100415', '1050')).toBe(false);
  });

  it('takes nine digits without a check only for people born before 1954', () => {
    expect(isValidBirthNumber('495312', '123')).toBe(true);
    expect(isValidBirthNumber('545312', '123')).toBe(false);
  });
});
