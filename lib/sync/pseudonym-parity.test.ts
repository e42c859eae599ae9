/**
 * The extension's pseudonym (WebCrypto, lib/sync/enrollment.ts) and the backend's reveal check
 * (node:crypto, server/people/pseudonym.ts) must agree byte for byte for the same tenant key and
 * user id, however IT or the profile spells the id: otherwise an admin's audited reveal can never
 * match. Both functions are the real ones; only the ids are made up.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  matchCandidate,
  normaliseUserId as serverNormalise,
  pseudonymOf as serverPseudonym,
} from '@/server/people/pseudonym.ts';
import { normaliseUserId, pseudonymOf } from './enrollment.ts';

// Obviously fake ids that differ only in what normalisation must erase or keep.
const IDS = [
  'agent-0042',
  'Jane.Roe@Example.TEST',
  '  jane.roe@example.test\t',
  'JANE.ROE@EXAMPLE.TEST\n',
  // "é" precomposed (NFC) and as "e" + combining acute (NFD): one person.
  'ren\u00e9.dupont@example.test',
  'rene\u0301.dupont@example.test',
  'RENE\u0301.DUPONT@EXAMPLE.TEST',
  '\u00c5sa.\u00d6berg@example.test',
  'A\u030asa.O\u0308berg@example.test',
  'Stra\u00dfe-user@example.test',
  '\u0130stanbul-agent@example.test',
  '\u674e\u96f7@example.test',
  'user+tag@Example.Test',
  '  ',
  '',
];

describe('pseudonym parity with the backend', () => {
  for (const round of [1, 2, 3]) {
    it(`gives the server's pseudonym for every id (random key ${round})`, async () => {
      const key = randomBytes(32).toString('base64url');
      for (const id of IDS) {
        expect(normaliseUserId(id), JSON.stringify(id)).toBe(serverNormalise(id));
        expect(await pseudonymOf(key, id), JSON.stringify(id)).toBe(serverPseudonym(key, id));
      }
    });
  }

  it('lets the reveal check find the person behind an extension pseudonym', async () => {
    const key = randomBytes(32).toString('base64url');
    const made = await pseudonymOf(key, ' RENE\u0301.Dupont@Example.test ');
    const candidates = ['someone.else@example.test', 'ren\u00e9.dupont@example.test'];
    expect(matchCandidate(key, made, candidates)).toBe(1);
    // Another tenant's key (or the HKDF fallback) never matches.
    const other = randomBytes(32).toString('base64url');
    expect(matchCandidate(other, made, candidates)).toBeNull();
  });

  it('treats case, spaces and composition as one id, and different ids as different', async () => {
    const key = randomBytes(32).toString('base64url');
    const one = new Set(await Promise.all(IDS.slice(4, 7).map((id) => pseudonymOf(key, id))));
    expect(one.size).toBe(1);
    expect(await pseudonymOf(key, 'agent-0042')).not.toBe(await pseudonymOf(key, 'agent-0043'));
  });
});
