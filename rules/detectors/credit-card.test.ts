import { describe, expect, it } from 'vitest';
import { luhn } from '../checksums.ts';
import { scanWith } from '../engine.ts';
import { findCardNumbers, isKnownIssuer, isTestLikeCard } from '../payment-util.ts';
import { creditCard } from './credit-card.ts';

/** Appends the Luhn check digit to `partial`. */
function complete(partial: string): string {
  for (let d = 0; d <= 9; d++) if (luhn(partial + d)) return partial + d;
  throw new Error('unreachable');
}

/** A made-up card number with the given prefix and total length. */
function card(prefix: string, length: number): string {
  let body = prefix;
  for (let i = 0; body.length < length - 1; i++) body += String((i * 7 + 3) % 10);
  return complete(body);
}

function found(text: string) {
  return scanWith([creditCard], text).map((f) => ({
    value: text.slice(f.start, f.end),
    score: f.score,
  }));
}

function values(text: string): string[] {
  return found(text).map((f) => f.value);
}

describe('credit-card issuers and lengths', () => {
  const cases: Array<[string, string, number]> = [
    ['Visa 13', '4', 13],
    ['Visa 16', '4', 16],
    ['Visa 19', '4', 19],
    ['Mastercard', '53', 16],
    ['Mastercard 2-series', '2720', 16],
    ['Amex', '37', 15],
    ['Discover', '6011', 16],
    ['Discover 644', '644', 16],
    ['Diners 14', '305', 14],
    ['Diners 36', '36', 14],
    ['JCB', '3528', 16],
    ['JCB 15', '2131', 15],
    ['UnionPay 19', '62', 19],
    ['Maestro 12', '6759', 12],
    ['Mir', '2204', 16],
    ['RuPay', '82', 16],
  ];
  it.each(cases)('%s is a known issuer and found beside "card"', (_name, prefix, length) => {
    const n = card(prefix, length);
    expect(isKnownIssuer(n)).toBe(true);
    expect(values(`card ${n}`)).toEqual([n]);
  });

  it('rejects lengths an issuer does not use', () => {
    expect(isKnownIssuer(card('37', 16))).toBe(false);
    expect(isKnownIssuer(card('53', 15))).toBe(false);
    expect(isKnownIssuer(card('4', 15))).toBe(false);
  });

  it('counts a bare 16-digit number of a known issuer, but not a bare 13-digit one', () => {
    expect(values(card('4', 16))).toHaveLength(1);
    expect(values(card('4', 13))).toEqual([]);
    expect(values(`visa ${card('4', 13)}`)).toHaveLength(1);
  });

  it('counts an unknown prefix only beside card words', () => {
    const n = card('9', 16);
    expect(isKnownIssuer(n)).toBe(false);
    expect(values(n)).toEqual([]);
    expect(values(`credit card number ${n}`)).toEqual([n]);
  });
});

describe('credit-card layouts', () => {
  const n = '4539148803436467';
  it.each([
    ['4539 1488 0343 6467'],
    ['4539-1488-0343-6467'],
    ['4539.1488.0343.6467'],
    ['4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7'],
    ['4-5-3-9-1-4-8-8-0-3-4-3-6-4-6-7'],
  ])('finds %j', (written) => {
    expect(values(`Card: ${written}.`)).toEqual([written]);
  });

  it('finds Amex in 4-6-5 and Diners in 4-6-4', () => {
    const amex = card('37', 15);
    const diners = card('36', 14);
    const a = `${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)}`;
    const d = `${diners.slice(0, 4)} ${diners.slice(4, 10)} ${diners.slice(10)}`;
    expect(values(`amex ${a}`)).toEqual([a]);
    expect(values(`diners ${d}`)).toEqual([d]);
  });

  it('refuses mixed separators and odd groupings', () => {
    expect(values('card 4539 1488-0343.6467')).toEqual([]);
    expect(values('card 45391 48803 43646 7')).toEqual([]);
  });

  it('never takes a valid number out of a longer digit run', () => {
    expect(values(`99${n}`)).toEqual([]);
    expect(values(`${n}01`)).toEqual([]);
    expect(values(`card ${n}0000`)).toEqual([]);
    expect(values(`id ${'7'.repeat(30)}${n}`)).toEqual([]);
  });

  it('refuses numbers glued to words or other ids', () => {
    expect(values(`ORD${n}`)).toEqual([]);
    expect(values(`ORD-${n}`)).toEqual([]);
    expect(values(`${n}-ab`)).toEqual([]);
    expect(values(`v1.${n}`)).toEqual([]);
  });

  it('accepts a card followed by a short number (CVV) in the same layout', () => {
    expect(values('card 4539 1488 0343 6467 381')).toContain('4539 1488 0343 6467');
  });

  it('refuses a chance-valid slice of a long evenly grouped sequence without context', () => {
    expect(values('1111 2222 4539 1488 0343 6467 9999 8888')).toEqual([]);
    expect(values('card on file: 1111 2222 4539 1488 0343 6467 9999 8888')).toEqual([
      '4539 1488 0343 6467',
    ]);
  });
});

describe('credit-card test numbers and context', () => {
  it('knows the usual test numbers', () => {
    for (const t of [
      '4111111111111111',
      '4242424242424242',
      '5555555555554444',
      '378282246310005',
    ]) {
      expect(isTestLikeCard(t), t).toBe(true);
    }
    expect(isTestLikeCard('4539148803436467')).toBe(false);
  });

  it('scores test numbers lower, and drops them in test context', () => {
    const bare = found('4242 4242 4242 4242');
    expect(bare).toHaveLength(1);
    expect(bare[0]!.score).toBeLessThan(found('4539 1488 0343 6467')[0]!.score);
    expect(values('Stripe test card 4242 4242 4242 4242')).toEqual([]);
    expect(values('in sandbox use 5555555555554444')).toEqual([]);
    expect(values('dummy value 4111-1111-1111-1111 for QA')).toEqual([]);
  });

  it('drops any number beside "test card" or "sandbox"', () => {
    expect(values('sandbox card 4539148803436467')).toEqual([]);
  });

  it('lowers numbers beside order, tracking or invoice words, unless card words win', () => {
    expect(values('tracking 4539148803436467')).toEqual([]);
    expect(values('invoice no. 4539148803436467')).toEqual([]);
    expect(values('order 1234 was paid with card 4539148803436467')).toEqual(['4539148803436467']);
  });

  it('finds several cards in one text', () => {
    const text = 'old card 4539148803436467, new card 5376 2841 0952 0176';
    expect(values(text)).toEqual(['4539148803436467', '5376 2841 0952 0176']);
  });

  it('exposes card spans for the CVV and expiry detectors', () => {
    const spans = findCardNumbers('4539148803436467 04/27 381');
    expect(spans.map((s) => s.digits)).toEqual(['4539148803436467']);
  });
});
