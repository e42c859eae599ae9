import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { ethAddress, isEip55 } from './eth-address.ts';

// The mixed-case test vectors of EIP-55.
const EIP55 = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

function found(text: string): string[] {
  return scanWith([ethAddress], text).map((f) => text.slice(f.start, f.end));
}

describe('eth-address', () => {
  it('accepts the EIP-55 vectors and rejects them with one letter flipped', () => {
    for (const v of EIP55) {
      expect(isEip55(v), v).toBe(true);
      const i = v.search(/[a-f]/);
      const flipped = v.slice(0, i) + v[i]!.toUpperCase() + v.slice(i + 1);
      expect(isEip55(flipped), flipped).toBe(false);
      expect(found(v)).toEqual([v]);
      expect(found(flipped)).toEqual([]);
    }
  });

  it('takes single-case addresses on their form, surer beside wallet words, never beside hash words', () => {
    const lower = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';
    const score = (text: string) => scanWith([ethAddress], text, { threshold: 0 })[0]?.score;
    expect(found(lower)).toEqual([lower]);
    expect(found(`wallet: ${lower}`)).toEqual([lower]);
    expect(score(`wallet: ${lower}`)).toBeGreaterThan(score(lower)!);
    expect(found(`{"to": "${lower}", "value": "0x0"}`)).toEqual([lower]);
    expect(found(`sha1 of the wallet backup: ${lower}`)).toEqual([]);
    expect(found(`commit ${lower}`)).toEqual([]);
  });

  it('never reads 40 digits out of a 64-digit hash', () => {
    const tx = '0x' + 'ab'.repeat(32);
    expect(found(`send tx ${tx}`)).toEqual([]);
  });
});
