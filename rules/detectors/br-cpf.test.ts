import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { brCpf, isValidCpf } from './br-cpf.ts';

/** A CPF with both check digits computed here, independently of the detector. */
function cpf(first9: string): string {
  const digit = (s: string) => {
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += Number(s[i]) * (s.length + 1 - i);
    const r = sum % 11;
    return r < 2 ? '0' : String(11 - r);
  };
  const ten = first9 + digit(first9);
  return ten + digit(ten);
}

const found = (t: string) => scanWith([brCpf], t).map((f) => t.slice(f.start, f.end));

describe('br-cpf', () => {
  it('rejects numbers of one repeated digit, whose check digits are right', () => {
    expect(cpf('555555555')).toBe('55555555555');
    expect(isValidCpf('55555555555')).toBe(false);
  });

  it('finds generated numbers: formatted alone, bare beside the label', () => {
    let seed = 5;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 200; i++) {
      const d = cpf(String(rnd(1_000_000_000)).padStart(9, '0'));
      const formatted = `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
      expect(found(`Cliente ${formatted}`), formatted).toEqual([formatted]);
      expect(found(`Cliente ${d}`), d).toEqual([]);
      expect(found(`CPF ${d}`), d).toEqual([d]);
      const wrong = d.slice(0, 10) + String((Number(d[10]) + 1 + rnd(9)) % 10);
      expect(found(`CPF ${wrong}`), wrong).toEqual([]);
    }
  });
});
