import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { esDni } from './es-dni.ts';

const types = (text: string) => scanWith([esDni], text).map((f) => f.type);

describe('es-dni type', () => {
  it('is a national id by default and beside DNI or NIE', () => {
    expect(types('48291736Q')).toEqual(['NATIONAL_ID']);
    expect(types('DNI: 48291736Q')).toEqual(['NATIONAL_ID']);
    expect(types('NIE X4829173R')).toEqual(['NATIONAL_ID']);
  });

  it('is a tax id when the text calls it a NIF', () => {
    expect(types('Mi NIF es 48291736-Q.')).toEqual(['TAX_ID']);
    expect(types('número de identificación fiscal: X4829173R')).toEqual(['TAX_ID']);
    expect(types('NIE: Y0583194C\nNIF: 48291736Q')).toEqual(['NATIONAL_ID', 'TAX_ID']);
  });
});
