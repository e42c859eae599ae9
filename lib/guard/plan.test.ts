import { describe, expect, it } from 'vitest';
import { TokenVault } from '@/rules/index.ts';
import { DEFAULT_RULES } from './decide.ts';
import { describeTypes, planFor } from './plan.ts';

const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';
const KEY = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

describe('planFor', () => {
  it('leaves clean and empty text alone', () => {
    const vault = new TokenVault({ seed: 1 });
    expect(
      planFor('Please summarise the refund policy.', { pageClass: 'unapproved-ai', vault }),
    ).toEqual({
      kind: 'clean',
    });
    expect(planFor('   ', { pageClass: 'unapproved-ai', vault })).toEqual({ kind: 'clean' });
  });

  it('masks every value with tokens on an unapproved AI site, consistently within a vault', () => {
    const vault = new TokenVault({ seed: 1 });
    const text = `Customer ${EMAIL} paid with ${CARD} yesterday.`;
    expect(planFor(text, { pageClass: 'unapproved-ai', vault })).toMatchObject({
      kind: 'mask',
      masked: 'Customer [EMAIL_1] paid with [CREDIT_CARD_1] yesterday.',
      types: ['EMAIL', 'CREDIT_CARD'],
    });
    const again = planFor(`Write to ${EMAIL}`, { pageClass: 'unapproved-ai', vault });
    expect(again).toMatchObject({ kind: 'mask', masked: 'Write to [EMAIL_1]' });
  });

  it('on a support tool masks cards partially and lets emails through', () => {
    const vault = new TokenVault({ seed: 1 });
    const text = `Customer ${EMAIL} paid with ${CARD}.`;
    expect(planFor(text, { pageClass: 'support-tool', vault })).toMatchObject({
      kind: 'mask',
      masked: `Customer ${EMAIL} paid with •••• •••• •••• 6467.`,
      types: ['CREDIT_CARD'],
    });
  });

  it('blocks secrets on a support tool, even next to values it would mask', () => {
    const vault = new TokenVault({ seed: 1 });
    const plan = planFor(`token ${KEY} and card ${CARD}`, { pageClass: 'support-tool', vault });
    expect(plan).toMatchObject({ kind: 'block', types: ['API_KEY'] });
  });

  it('lists what the agent must see, in text order, with offsets and the detector, never a value', () => {
    const vault = new TokenVault({ seed: 1 });
    const text = `token ${KEY} and card ${CARD}`;
    const plan = planFor(text, { pageClass: 'support-tool', vault });
    if (plan.kind !== 'block') throw new Error('expected a block');
    expect(plan.findings.map((f) => [f.type, f.action, text.slice(f.start, f.end)])).toEqual([
      ['API_KEY', 'block', KEY],
      ['CREDIT_CARD', 'mask', CARD],
    ]);
    expect(plan.findings[0]!.detector).toBeTruthy();
    expect(JSON.stringify(plan)).not.toContain(KEY);
  });

  it('warns on national ids on a support tool, and lets the email it needs go by', () => {
    const vault = new TokenVault({ seed: 1 });
    const text = `SSN 123-45-6789 for ${EMAIL}`;
    const scan = () => [
      {
        start: 4,
        end: 15,
        type: 'US_SSN' as const,
        detector: 'us-ssn',
        score: 1,
        level: 'RESTRICTED' as const,
        reason: 'near "SSN"',
      },
      {
        start: 20,
        end: 20 + EMAIL.length,
        type: 'EMAIL' as const,
        detector: 'email',
        score: 1,
        level: 'CONFIDENTIAL' as const,
      },
    ];
    expect(planFor(text, { pageClass: 'support-tool', vault, scan })).toEqual({
      kind: 'warn',
      types: ['US_SSN'],
      findings: [
        {
          type: 'US_SSN',
          action: 'warn',
          start: 4,
          end: 15,
          detector: 'us-ssn',
          level: 'RESTRICTED',
          reason: 'near "SSN"',
        },
      ],
    });
  });

  it("follows the rules it is given (policy's monitor: let through, count)", () => {
    const vault = new TokenVault({ seed: 1 });
    const rules = {
      ...DEFAULT_RULES,
      'unapproved-ai': { otherwise: 'monitor' as const, strategy: 'token' as const },
    };
    expect(planFor(`Write to ${EMAIL}`, { pageClass: 'unapproved-ai', vault, rules })).toEqual({
      kind: 'monitor',
      types: ['EMAIL'],
    });
  });

  it('merges overlapping findings so no half value is left', () => {
    const vault = new TokenVault({ seed: 1 });
    const text = 'aaaa bbbb cccc';
    const scan = () => [
      {
        start: 0,
        end: 9,
        type: 'EMAIL' as const,
        detector: 't',
        score: 1,
        level: 'CONFIDENTIAL' as const,
      },
      {
        start: 5,
        end: 14,
        type: 'PHONE' as const,
        detector: 't',
        score: 1,
        level: 'CONFIDENTIAL' as const,
      },
    ];
    expect(planFor(text, { pageClass: 'unapproved-ai', vault, scan })).toMatchObject({
      kind: 'mask',
      masked: '[EMAIL_1]',
      types: ['EMAIL'],
    });
  });
});

describe('describeTypes', () => {
  it('names each type once, briefly, in order', () => {
    expect(describeTypes(['EMAIL', 'CREDIT_CARD', 'EMAIL'])).toBe('email, card');
    expect(describeTypes(['PASSPORT'])).toBe('passport number');
  });
});
