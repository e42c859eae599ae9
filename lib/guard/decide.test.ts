import { describe, expect, it } from 'vitest';
import type { EntityType, Finding } from '@/rules/index.ts';
import { TYPE_INFO } from '@/rules/index.ts';
import { decide } from './decide.ts';

const f = (type: EntityType): Finding => ({
  start: 0,
  end: 1,
  type,
  detector: 'x',
  score: 1,
  level: TYPE_INFO[type].level,
});

describe('decide with the default rules', () => {
  it('masks everything on unapproved AI', () => {
    const d = decide([f('PERSON'), f('EMAIL'), f('IP_ADDRESS')], 'unapproved-ai');
    expect(d.action).toBe('mask');
    expect(d.findings.map((x) => x.action)).toEqual(['mask', 'mask', 'mask']);
  });

  it('masks only RESTRICTED types on approved AI', () => {
    const d = decide([f('PERSON'), f('CREDIT_CARD')], 'approved-ai');
    expect(d.findings.map((x) => x.action)).toEqual(['allow', 'mask']);
    expect(d.action).toBe('mask');
    expect(decide([f('EMAIL')], 'approved-ai').action).toBe('allow');
  });

  it('on support tools: cards masked partially, secrets blocked, ids warned, contacts allowed', () => {
    const d = decide(
      [f('CREDIT_CARD'), f('API_KEY'), f('US_SSN'), f('EMAIL'), f('PERSON')],
      'support-tool',
    );
    expect(d.findings.map((x) => [x.action, x.strategy])).toEqual([
      ['mask', 'partial'],
      ['block', 'token'],
      ['warn', 'token'],
      ['allow', 'token'],
      ['allow', 'token'],
    ]);
    expect(d.action).toBe('block');
  });

  it('allows a send with no findings', () => {
    expect(decide([], 'unapproved-ai')).toEqual({ action: 'allow', findings: [] });
  });

  it('uses the finding level a policy overrode', () => {
    const email = { ...f('EMAIL'), level: 'RESTRICTED' as const };
    expect(decide([email], 'approved-ai').action).toBe('mask');
  });
});
