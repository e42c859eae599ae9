import { randomBody, tokenCandidate } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Anthropic keys name their kind and version: sk-ant-api03- (API), sk-ant-admin01- (admin),
// sk-ant-oat01-/sk-ant-ort01- (OAuth access and refresh). API and admin keys carry 93 random
// characters and end in `AA`; the others vary, so the body is bounded loosely.
const KEY = /(?<![\w-])sk-ant-([a-z]{3,6})(\d{2})-([A-Za-z0-9_-]{32,200})(?![\w-])/g;

/** Anthropic API, admin and OAuth keys. */
export const anthropicKey: Detector = {
  id: 'anthropic-key',
  types: ['API_KEY'],
  // The literal from its `k` on: a search for a literal starts from its first character, and `s`
  // is common in prose while `k` is not.
  prefilter: /k-ant-/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, KEY)) {
      const body = m[3]!;
      const real = randomBody(body);
      // The exact documented shape (93 characters then AA) is the strongest evidence.
      const exact = body.length === 95 && body.endsWith('AA');
      out.push(tokenCandidate(m.index, m.index + m[0].length, real, exact ? 0.97 : 0.9));
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'sk-ant-api03-fL8wj1015AvvluFwjCA-bUZk0JatkQc_u2IY9_0M-Ox-gEh3HtZqn6_H9M5ma6sRW6iQwDXlayzKB8BoipoupPCoOiAM6AA',
    {
      text: 'export ANTHROPIC_API_KEY=sk-ant-api03-Fjv1CsMEC869eG6lXZLkN1EX-qT4S4UGZ_QXQqJrHLGYZWU7mhsaS-4Y3utKMp-Sl-YJqal0esMBbUx1MRV74R3C41gAWAA',
      value:
        'sk-ant-api03-Fjv1CsMEC869eG6lXZLkN1EX-qT4S4UGZ_QXQqJrHLGYZWU7mhsaS-4Y3utKMp-Sl-YJqal0esMBbUx1MRV74R3C41gAWAA',
    },
    {
      text: 'admin key: sk-ant-admin01-s4ob62fxganABbXJTr83cmARabbyqwtAxJoqIAzpVPMaMrADEYfrU8ZwGEAYA93lA70ertuuWU',
      value:
        'sk-ant-admin01-s4ob62fxganABbXJTr83cmARabbyqwtAxJoqIAzpVPMaMrADEYfrU8ZwGEAYA93lA70ertuuWU',
    },
    {
      text: '{"x-api-key": "sk-ant-api03-gWzsrf8UNnarb6dg5AMcp5WuXpWYOsPiMTRUoHWAqLdIY2-wTmWX093x_z3TaSqO08f-5EcBSq"}',
      value:
        'sk-ant-api03-gWzsrf8UNnarb6dg5AMcp5WuXpWYOsPiMTRUoHWAqLdIY2-wTmWX093x_z3TaSqO08f-5EcBSq',
    },
  ],
  noMatch: [
    'ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'Keys begin with sk-ant-api03- and are shown only once.',
    'sk-ant-api03-... (redacted in the log)',
    'ANTHROPIC_API_KEY=sk-ant-your-key-here',
  ],
};
