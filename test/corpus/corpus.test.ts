/**
 * The committed corpus is exactly what the generator produces, and its labels hold: spans in
 * range and non-overlapping, labels from the engine vocabulary, check digits valid where the
 * type has them, negatives free of spans and of real-looking addresses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../rules/types.ts';
import {
  buildNegatives,
  buildTickets,
  checkRecord,
  serialise,
  wordCount,
  type CorpusRecord,
} from './lib/build.ts';
import { Rng } from './lib/random.ts';
import * as V from './lib/values.ts';

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
const parse = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CorpusRecord);

// Independent re-implementations, so a bug in values.ts cannot hide behind itself.
function luhn(d: string): boolean {
  let s = 0;
  for (let i = d.length - 1, alt = false; i >= 0; i--, alt = !alt) {
    let n = Number(d[i]);
    if (alt) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    s += n;
  }
  return s % 10 === 0;
}
function mod97(iban: string): boolean {
  const s = iban.replace(/\s/g, '').toUpperCase();
  const r = s.slice(4) + s.slice(0, 4);
  const digits = r.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n;
}

describe('corpus files', () => {
  const tickets = parse(read('tickets.jsonl'));
  const negatives = parse(read('negatives.jsonl'));

  it('are exactly what the generator writes (regenerate with npx tsx test/corpus/generate.ts)', () => {
    expect(read('tickets.jsonl') === serialise(buildTickets())).toBe(true);
    expect(read('negatives.jsonl') === serialise(buildNegatives())).toBe(true);
  });

  it('tickets: valid spans, vocabulary labels, four languages, 40+ structures each', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(1100);
    for (const r of tickets) {
      checkRecord(r);
      for (const s of r.spans) expect(ENTITY_TYPES).toContain(s.label);
    }
    for (const lang of ['en', 'de', 'fr', 'es']) {
      const structures = new Set(
        tickets.filter((r) => r.lang === lang).map((r) => r.meta.structure),
      );
      expect(structures.size, lang).toBeGreaterThanOrEqual(40);
    }
  });

  it('tickets: card numbers pass Luhn (and are no test cards), IBANs pass mod 97', () => {
    for (const r of tickets) {
      for (const s of r.spans) {
        const v = r.text.slice(s.start, s.end);
        // Expiry dates and CVVs carry the label too; only the numbers have a check digit.
        if (s.label === 'CREDIT_CARD' && v.replace(/\D/g, '').length >= 12) {
          const d = v.replace(/\D/g, '');
          expect(luhn(d), v).toBe(true);
          expect(V.TEST_CARDS).not.toContain(d);
        }
        if (s.label === 'IBAN') expect(mod97(v), v).toBe(true);
      }
    }
  });

  it('negatives: no spans, 25,000+ words, four languages, only placeholder emails', () => {
    expect(negatives.every((r) => r.spans.length === 0)).toBe(true);
    expect(negatives.reduce((a, r) => a + wordCount(r.text), 0)).toBeGreaterThanOrEqual(25000);
    expect(new Set(negatives.map((r) => r.lang))).toEqual(new Set(['en', 'de', 'fr', 'es']));
    for (const r of negatives) {
      for (const m of r.text.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)) {
        expect(m[1], r.id).toMatch(/(?:^|\.)(?:example\.(?:com|org|net)|test|invalid)$/);
      }
    }
  });
});

describe('value generators', () => {
  const rng = new Rng(7);
  const many = <T>(f: () => T) => Array.from({ length: 200 }, f);

  it('card numbers are Luhn-valid', () => {
    for (const brand of ['visa', 'mastercard', 'amex', 'discover'] as const)
      for (const n of many(() => V.cardNumber(rng, brand))) expect(luhn(n)).toBe(true);
  });

  it('IBANs are mod-97 valid, with national check digits where they exist', () => {
    for (const c of ['DE', 'FR', 'ES', 'GB', 'NL', 'AT', 'BE', 'CH'])
      for (const i of many(() => V.iban(rng, c))) expect(mod97(i)).toBe(true);
    // Belgium: the last two digits are the first ten mod 97.
    for (const i of many(() => V.iban(rng, 'BE'))) {
      const r = Number(BigInt(i.slice(4, 14)) % 97n);
      expect(Number(i.slice(14))).toBe(r === 0 ? 97 : r);
    }
  });

  it('ABA routing numbers pass 3-7-1', () => {
    for (const n of many(() => V.abaRouting(rng))) {
      const d = n.split('').map(Number) as number[];
      const s = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
      expect(s % 10).toBe(0);
    }
  });

  it('NHS numbers pass mod 11 and DNI letters match', () => {
    for (const n of many(() => V.nhsNumber(rng).replace(/\s/g, ''))) {
      let s = 0;
      for (let i = 0; i < 9; i++) s += Number(n[i]) * (10 - i);
      expect((11 - (s % 11)) % 11).toBe(Number(n[9]));
    }
    for (const v of many(() => V.esDniOrNie(rng).replace(/[.-]/g, ''))) {
      const num = Number(v.slice(0, -1).replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2'));
      expect('TRWAGMYFPDXBNJZSQVHLCKE'[num % 23]).toBe(v.slice(-1));
    }
  });

  it('French NIR keys and German tax ids check out', () => {
    for (const v of many(() => V.frNir(rng).replace(/\s/g, ''))) {
      expect(97n - (BigInt(v.slice(0, 13)) % 97n)).toBe(BigInt(v.slice(13)));
    }
    for (const v of many(() => V.deSteuerId(rng).replace(/\s/g, ''))) {
      let product = 10;
      for (const ch of v.slice(0, 10)) {
        let sum = (Number(ch) + product) % 10;
        if (sum === 0) sum = 10;
        product = (sum * 2) % 11;
      }
      expect((11 - product) % 10).toBe(Number(v[10]));
    }
  });
});
