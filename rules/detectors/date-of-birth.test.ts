import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { isValidDate } from '../gov-util.ts';
import { dateOfBirth } from './date-of-birth.ts';

const found = (text: string) =>
  scanWith([dateOfBirth], text).map((f) => text.slice(f.start, f.end));

describe('isValidDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(1988, 2, 29)).toBe(true);
    expect(isValidDate(1987, 2, 29)).toBe(false);
    expect(isValidDate(1987, 4, 31)).toBe(false);
    expect(isValidDate(1987, 13, 1)).toBe(false);
    expect(isValidDate(1987, 12, 0)).toBe(false);
  });
});

describe('date-of-birth', () => {
  it('reads numeric dates in either day-month order', () => {
    expect(found('DOB 12/31/1979')).toEqual(['12/31/1979']);
    expect(found('DOB 31/12/1979')).toEqual(['31/12/1979']);
    expect(found('DOB 31/31/1979')).toEqual([]);
  });

  it('reads month names in several languages', () => {
    expect(found('Geburtsdatum: 3. Oktober 1975')).toEqual(['3. Oktober 1975']);
    expect(found('date de naissance : 14 février 1969')).toEqual(['14 février 1969']);
    expect(found('nacida el 2 de septiembre de 1990')).toEqual(['2 de septiembre de 1990']);
    expect(found('data di nascita 7 giugno 1981')).toEqual(['7 giugno 1981']);
    expect(found('born Sept. 9, 1961')).toEqual(['Sept. 9, 1961']);
  });

  it('takes only the first date after a label', () => {
    expect(found('DOB: 04/12/1986, member since 01/02/2015')).toEqual(['04/12/1986']);
    expect(found('DOB 1986 (year only), renewed 01/02/2015')).toEqual([]);
  });

  it('leaves dates without a birth label alone', () => {
    expect(found('Created 2024-03-04, due 12 March 2024')).toEqual([]);
  });
});
