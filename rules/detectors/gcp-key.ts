import { holds, pushTokens, randomBody, tokenCandidate, tokenRules } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Google API keys: `AIza` and 35 characters of base64url. Firebase web configs publish them,
// but they are still keys that bill the owner, which is why secret scanners flag them. OAuth
// client secrets since 2021: `GOCSPX-` and 28 characters. OAuth access tokens (`ya29.`) and
// refresh tokens (`1//0`), as pasted from gcloud or a curl: a dot or a slash before them would
// make them part of a longer token, so their patterns say so (tokenRules puts a look-behind for
// word characters and dashes before each).
const RULES = tokenRules(String.raw`
  90 4 AIza[0-9A-Za-z_-]{35}$
  95 7 GOCSPX-[0-9A-Za-z_-]{28}$
  90 5 (?<!\.)ya29\.[0-9A-Za-z_-]{30,2000}
  80 4 (?<!/)1\/\/0[0-9A-Za-z_-]{40,500}
`);
// The key id of a service-account JSON file. The private key beside it is a PEM block, found by
// the private-key detector; the id alone already names the key to revoke, so it is masked too.
const KEY_ID = /"private_key_id"\s{0,5}:\s{0,5}"([0-9a-f]{40})"/g;

/** Google Cloud API keys, OAuth secrets and tokens, service-account key ids. */
export const gcpKey: Detector = {
  id: 'gcp-key',
  types: ['API_KEY'],
  // `//0` and `_key_id` are the parts of two prefixes that start with a character rare in prose.
  prefilter: holds('AIza', 'GOCSPX-', 'ya29.', '//0', '_key_id'),
  detect(text) {
    const out: Candidate[] = [];
    pushTokens(text, RULES, out);
    if (text.includes('private_key_id')) {
      for (const m of matchesOf(text, KEY_ID)) {
        const value = m[1]!;
        const start = m.index + m[0].length - 1 - value.length;
        const real = randomBody(value);
        out.push(tokenCandidate(start, start + value.length, real, 0.85, 'service account'));
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'AIza_QZQu68jViTse7RNkbXnKLGJnN3hX1OpbU3',
    {
      text: 'const firebaseConfig = { apiKey: "AIza9-hNYfcMgh_bq1MOw7IrEYDcl13hSVBkUUw", authDomain: "x.firebaseapp.com" };',
      value: 'AIza9-hNYfcMgh_bq1MOw7IrEYDcl13hSVBkUUw',
    },
    {
      text: '"client_secret":"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","redirect_uris":[]',
      value: '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',
    },
    {
      text: 'curl -H "Authorization: Bearer ya29.a0AfB_byFUOFJn9N8UCrnKYWumlySr0W753O7zrBbLMTS9qVp1gbr91TLI4ov" https://www.googleapis.com/drive/v3/files',
      value: 'ya29.a0AfB_byFUOFJn9N8UCrnKYWumlySr0W753O7zrBbLMTS9qVp1gbr91TLI4ov',
    },
    {
      text: '{"type": "service_account", "project_id": "demo-proj", "private_key_id": "d6b93b7f4347e059d896ad0f94de85522fce7827",',
      value: 'd6b93b7f4347e059d896ad0f94de85522fce7827',
    },
    {
      text: 'refresh_token: 1//0gzpSAZcpZ3d2iIDlzWUpyGZs20CrBjrE_fgHDhOdfTG2lib2PsW3PMI889mvF',
      value: '1//0gzpSAZcpZ3d2iIDlzWUpyGZs20CrBjrE_fgHDhOdfTG2lib2PsW3PMI889mvF',
    },
  ],
  noMatch: [
    'Set apiKey to AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX in your config.',
    'apiKey: "AIzaSy...your-key-here"',
    'The Gemini key starts with AIza and is 39 characters long.',
    'AIza_QZQu68jViTse7RNkbXnKLGJnN3hX1OpbU3IOqzz (too long to be a key)',
    '"private_key_id": "0000000000000000000000000000000000000000"',
    'GOCSPX-<client-secret> goes in the client_secret field',
    'see https://example.com/1//0 for the old path; ya29 is the token prefix',
  ],
};
