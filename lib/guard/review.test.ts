import { describe, expect, it } from 'vitest';
import { maskReason, MAX_REASON, panelFindings, whereIn } from './review.ts';
import type { PlannedFinding } from './plan.ts';

// Made-up values.
const EMAIL = 'jane.roe@mailbox-example.net';
const KEY = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

describe('panelFindings', () => {
  it('gives each finding a partial preview, its place and its reason, never the value', () => {
    const text = `Hello,\ntoken ${KEY}\nmail ${EMAIL}`;
    const keyAt = text.indexOf(KEY);
    const mailAt = text.indexOf(EMAIL);
    const findings: PlannedFinding[] = [
      {
        type: 'API_KEY',
        action: 'block',
        start: keyAt,
        end: keyAt + KEY.length,
        detector: 'github-token',
        level: 'RESTRICTED',
        reason: 'format',
      },
      {
        type: 'EMAIL',
        action: 'mask',
        start: mailAt,
        end: mailAt + EMAIL.length,
        detector: 'email',
        level: 'CONFIDENTIAL',
      },
    ];
    const shown = panelFindings(text, findings);
    expect(shown).toEqual([
      {
        type: 'API_KEY',
        label: 'API key or token',
        level: 'RESTRICTED',
        action: 'block',
        detector: 'github-token',
        reason: 'format',
        preview: 'ghp_••••••••',
        where: 'line 2',
      },
      {
        type: 'EMAIL',
        label: 'Email address',
        level: 'CONFIDENTIAL',
        action: 'mask',
        detector: 'email',
        preview: 'j•••••••@mailbox-example.net',
        where: 'line 3',
      },
    ]);
    expect(JSON.stringify(shown)).not.toContain(KEY);
    expect(JSON.stringify(shown)).not.toContain('jane.roe');
  });

  it('leaves out what is let through', () => {
    const f: PlannedFinding = {
      type: 'EMAIL',
      action: 'allow',
      start: 0,
      end: EMAIL.length,
      detector: 'email',
      level: 'CONFIDENTIAL',
    };
    expect(panelFindings(EMAIL, [f])).toEqual([]);
  });
});

describe('whereIn', () => {
  it('says the line in a text of several lines, the character in a one-line text', () => {
    expect(whereIn('abc def', 4)).toBe('at character 5');
    expect(whereIn('one\ntwo\nthree', 9)).toBe('line 3');
    expect(whereIn('one\ntwo', 0)).toBe('line 1');
  });
});

describe('maskReason', () => {
  it('masks every value in the reason, whatever the page allows, and trims it', () => {
    expect(maskReason(`  Asked by ${EMAIL} to confirm  `)).toBe('Asked by [EMAIL_1] to confirm');
    expect(maskReason('The customer asked for it')).toBe('The customer asked for it');
  });

  it('keeps a reason to a sentence or two', () => {
    expect(maskReason('why '.repeat(400)).length).toBeLessThanOrEqual(MAX_REASON);
  });
});
