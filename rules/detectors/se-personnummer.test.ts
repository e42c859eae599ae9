import { describe, expect, it } from 'vitest';
import { luhn } from '../checksums.ts';
import { scan } from '../index.ts';
import { isValidPersonnummer } from './se-personnummer.ts';

/** YYMMDD + three digits, completed with the Luhn digit. */
function withCheck(nine: string): string {
  for (let c = 0; c < 10; c++) if (luhn(nine + c)) return nine + c;
  throw new Error('unreachable');
}

/** What the whole engine reports, as [value, type, detector]. */
const report = (t: string) => scan(t).map((f) => [t.slice(f.start, f.end), f.type, f.detector]);

describe('se-personnummer', () => {
  it('checks the date, the coordination day and the Luhn digit on the last ten', () => {
    expect(isValidPersonnummer(withCheck('850312123'))).toBe(true);
    expect(isValidPersonnummer('19' + withCheck('850312123'))).toBe(true);
    // Samordningsnummer: 12 March + 60.
    expect(isValidPersonnummer(withCheck('850372123'))).toBe(true);
    expect(isValidPersonnummer(withCheck('850392123'))).toBe(false);
    expect(isValidPersonnummer(withCheck('851312123'))).toBe(false);
    // 29 February: 2000 was a leap year, 1900 was not.
    expect(isValidPersonnummer('20' + withCheck('000229123'))).toBe(true);
    expect(isValidPersonnummer('19' + withCheck('000229123'))).toBe(false);
    const valid = withCheck('850312123');
    expect(isValidPersonnummer(valid.slice(0, 9) + ((Number(valid[9]) + 1) % 10))).toBe(false);
  });

  it('wins over the phone detector beside its label and alone', () => {
    const labelled = `personnummer: 19${withCheck('850312123')}`;
    expect(report(labelled)).toEqual([[labelled.slice(14), 'NATIONAL_ID', 'se-personnummer']]);
    const dashed = `${withCheck('850312987').slice(0, 6)}-${withCheck('850312987').slice(6)}`;
    expect(report(`Kund ${dashed}`)).toEqual([[dashed, 'NATIONAL_ID', 'se-personnummer']]);
  });

  it('leaves phone numbers to the phone detector', () => {
    const dashed = `${withCheck('850312987').slice(0, 6)}-${withCheck('850312987').slice(6)}`;
    expect(report(`Ring mig på ${dashed}`)).toEqual([[dashed, 'PHONE', 'phone']]);
    expect(report('Ring mig på 070-123 45 67')).toEqual([['070-123 45 67', 'PHONE', 'phone']]);
  });
});
