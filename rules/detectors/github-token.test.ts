import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { crc32, toBase62 } from '../secret-util.ts';
import { githubChecksumOk, githubToken } from './github-token.ts';

/** A made-up classic token with a valid checksum, built from a fixed body. */
function token(prefix: string, body: string): string {
  return prefix + body + toBase62(crc32(body), 6);
}

describe('github-token', () => {
  it('computes CRC-32 as zlib does', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('accepts its own checksum and rejects a changed character', () => {
    const t = token('ghp_', 'R4nd0mB0dyOfThirtyCharsXyZ1234');
    expect(githubChecksumOk(t)).toBe(true);
    const wrong = t.slice(0, 10) + (t[10] === 'a' ? 'b' : 'a') + t.slice(11);
    expect(githubChecksumOk(wrong)).toBe(false);
  });

  it('scores checksum-valid tokens above merely token-shaped ones', () => {
    const t = token('gho_', 'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3Jf5Sg0');
    const [ok] = scanWith([githubToken], `token ${t}`);
    const bad = t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A');
    const [shaped] = scanWith([githubToken], `token ${bad}`);
    expect(ok?.score).toBeGreaterThan(shaped?.score ?? 1);
    expect(ok?.reason).toBe('checksum');
    expect(shaped?.score).toBeGreaterThanOrEqual(0.5);
  });
});
