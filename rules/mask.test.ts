import { describe, expect, it } from 'vitest';
import { mask, partial, TokenVault, unmask, MASK_STRATEGIES } from './mask.ts';
import { luhn } from './checksums.ts';
import type { EntityType, Finding } from './types.ts';

function at(text: string, value: string, type: EntityType, from = 0): Finding {
  const start = text.indexOf(value, from);
  if (start < 0) throw new Error(`no ${value}`);
  return {
    start,
    end: start + value.length,
    type,
    detector: 'test',
    score: 1,
    level: 'RESTRICTED',
  };
}

const text = 'Hi, I am Jane Roe, jane.roe@mail.test, card 4539 1488 0343 6467. Jane Roe again.';
const findings = [
  at(text, 'Jane Roe', 'PERSON'),
  at(text, 'jane.roe@mail.test', 'EMAIL'),
  at(text, '4539 1488 0343 6467', 'CREDIT_CARD'),
  at(text, 'Jane Roe', 'PERSON', 40),
];

describe('mask', () => {
  it('redacts every finding', () => {
    const out = mask(text, findings, { strategy: 'redact' });
    expect(out.text).toBe('Hi, I am [REDACTED], [REDACTED], card [REDACTED]. [REDACTED] again.');
    expect(out.replacements).toHaveLength(4);
    for (const r of out.replacements) expect(out.text.slice(r.start, r.end)).toBe('[REDACTED]');
  });

  it('tokenises consistently and unmasks back to the original', () => {
    const out = mask(text, findings, { strategy: 'token' });
    expect(out.text).toBe(
      'Hi, I am [PERSON_1], [EMAIL_1], card [CREDIT_CARD_1]. [PERSON_1] again.',
    );
    expect(unmask(out.text, out.map)).toBe(text);
  });

  it('keeps tokens stable across calls with one vault, and treats formatting variants as one value', () => {
    const vault = new TokenVault({ seed: 7 });
    const a = mask(
      'card 4539 1488 0343 6467',
      [at('card 4539 1488 0343 6467', '4539 1488 0343 6467', 'CREDIT_CARD')],
      { strategy: 'token', vault },
    );
    const t2 = 'again 4539-1488-0343-6467 and b@x.test';
    const b = mask(
      t2,
      [at(t2, '4539-1488-0343-6467', 'CREDIT_CARD'), at(t2, 'b@x.test', 'EMAIL')],
      { strategy: 'token', vault },
    );
    expect(a.text).toBe('card [CREDIT_CARD_1]');
    expect(b.text).toBe('again [CREDIT_CARD_1] and [EMAIL_1]');
    // A reply from the AI quoting the tokens comes back with the values put in.
    expect(unmask('Blocked [CREDIT_CARD_1] for [EMAIL_1]; [PHONE_9] unknown', vault.toMap())).toBe(
      'Blocked 4539 1488 0343 6467 for b@x.test; [PHONE_9] unknown',
    );
  });

  it('shows partial values', () => {
    expect(partial('CREDIT_CARD', '4539 1488 0343 6467')).toBe('•••• •••• •••• 6467');
    expect(partial('EMAIL', 'jane.roe@mail.test')).toBe('j•••••••@mail.test');
    expect(partial('US_SSN', '123-45-6789')).toBe('•••-••-6789');
    expect(partial('PERSON', 'Jane Roe')).toBe('J••• R••');
    expect(partial('API_KEY', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe('ghp_••••••••');
    expect(partial('PASSWORD', 'hunter2!')).toBe('••••••••');
  });

  it('makes synthetic values of the same shape that fail their checksum', () => {
    const vault = new TokenVault({ seed: 42 });
    const out = mask(text, findings, { strategy: 'synthetic', vault });
    const card = out.text.match(/card (\d{4} \d{4} \d{4} \d{4})/)?.[1];
    expect(card).toBeDefined();
    expect(card).not.toBe('4539 1488 0343 6467');
    expect(card![0]).toBe('4');
    expect(luhn(card!.replace(/ /g, ''))).toBe(false);
    expect(out.text).toMatch(/@example\.com/);
    expect(out.text).not.toContain('Jane');
    // Same value, same stand-in.
    const names = out.replacements
      .filter((r) => r.type === 'PERSON')
      .map((r) => out.text.slice(r.start, r.end));
    expect(names[0]).toBe(names[1]);
  });

  it('merges overlapping findings instead of leaking half a value', () => {
    const t = 'id 1234567890123';
    const f1 = { ...at(t, '1234567890', 'BANK_ACCOUNT') };
    const f2 = { ...at(t, '67890123', 'NATIONAL_ID') };
    const out = mask(t, [f2, f1], { strategy: 'redact' });
    expect(out.text).toBe('id [REDACTED]');
  });

  it('handles every strategy on an empty finding list', () => {
    for (const strategy of MASK_STRATEGIES) expect(mask(text, [], { strategy }).text).toBe(text);
  });
});
