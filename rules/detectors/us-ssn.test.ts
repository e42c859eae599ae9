import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { isValidSsn, usSsn } from './us-ssn.ts';

const found = (text: string) => scanWith([usSsn], text).map((f) => text.slice(f.start, f.end));

describe('isValidSsn', () => {
  it('applies the SSA area, group and serial rules', () => {
    expect(isValidSsn('536221847')).toBe(true);
    expect(isValidSsn('000221847')).toBe(false);
    expect(isValidSsn('666221847')).toBe(false);
    expect(isValidSsn('900221847')).toBe(false);
    expect(isValidSsn('536001847')).toBe(false);
    expect(isValidSsn('536220000')).toBe(false);
  });

  it('rejects published and placeholder values', () => {
    for (const v of ['078051120', '219099999', '123456789', '555555555']) {
      expect(isValidSsn(v)).toBe(false);
    }
  });
});

describe('us-ssn context', () => {
  it('lets the closer cue decide when both kinds are near', () => {
    expect(found('In this case my SSN is 536221847')).toEqual(['536221847']);
    expect(found('SSN on file. Order 536221847')).toEqual([]);
  });

  it('needs context for a bare run but not for the dashed form', () => {
    expect(found('536221847')).toEqual([]);
    expect(found('536-22-1847')).toEqual(['536-22-1847']);
  });

  it('does not mix separators or take a piece of a longer number', () => {
    expect(found('SSN 536-22 1847')).toEqual([]);
    expect(found('SSN 1-536-22-1847')).toEqual([]);
    expect(found('SSN 536-22-18470')).toEqual([]);
  });
});
