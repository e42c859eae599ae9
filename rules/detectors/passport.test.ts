import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { passport } from './passport.ts';

const found = (text: string) => scanWith([passport], text).map((f) => text.slice(f.start, f.end));

// A made-up TD3 machine-readable zone (issuing state UTO, the ICAO test code).
const LINE_1 = 'P<UTODOE<<JANE<MARIE<<<<<<<<<<<<<<<<<<<<<<<<';
const LINE_2 = 'X47K201933UTO8207148F3104231ZE184226B<<<<<14';

describe('passport MRZ', () => {
  it('finds both lines of a valid zone without any label', () => {
    expect(found(`${LINE_1}\n${LINE_2}`)).toEqual([LINE_1, LINE_2]);
  });

  it('rejects a second line whose check digits are wrong', () => {
    // Birth date changed, check digit left as it was.
    expect(found(LINE_2.replace('820714', '820715'))).toEqual([]);
  });
});

describe('passport numbers', () => {
  it('takes the label in several languages', () => {
    expect(found('Pasaporte: PAB482913')).toEqual(['PAB482913']);
    expect(found('passaporto n. YA4829137')).toEqual(['YA4829137']);
    expect(found('Paspoortnummer NXC3R8D41')).toEqual(['NXC3R8D41']);
  });

  it('needs the label and an id-shaped token', () => {
    expect(found('C7H2K9R41')).toEqual([]);
    expect(found('passport: yes, valid')).toEqual([]);
    expect(found('Passport 2031-04-23')).toEqual([]);
  });
});
