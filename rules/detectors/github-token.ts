import { crc32, holds, randomBody, toBase62, tokenCandidate } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Classic tokens since 2021: a prefix naming the kind (ghp_ personal, gho_ OAuth, ghu_ user to
// server, ghs_ server to server, ghr_ refresh) and 36 base62 characters. npm access tokens
// (npm_, npm being GitHub's) share the format and its checksum, so they are found here too.
const CLASSIC = /(?<![A-Za-z0-9_])(?:gh[pousr]|npm)_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g;
// Fine-grained personal access tokens: github_pat_, 22 characters, an underscore, 59 more.
const FINE_GRAINED = /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])/g;

/**
 * The last six characters of a classic token are the CRC-32 of the 30 random ones, in base62
 * (github.blog, "Behind GitHub's new authentication token formats", 2021-04-05).
 */
export function githubChecksumOk(token: string): boolean {
  const body = token.slice(4);
  return toBase62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** GitHub (and npm) access tokens, checked by their CRC-32 where they have one. */
export const githubToken: Detector = {
  id: 'github-token',
  types: ['API_KEY'],
  prefilter: holds(['_', /(?<=gh[pousr]|github_pat|npm)_/y]),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, CLASSIC)) {
      const token = m[0];
      const end = m.index + token.length;
      // A wrong checksum is a made-up or mistyped token, or an older test fixture; still
      // token-shaped enough to mask, but below checked ones.
      out.push(
        githubChecksumOk(token)
          ? tokenCandidate(m.index, end, true, 0.97, 'checksum')
          : tokenCandidate(m.index, end, randomBody(token.slice(4)), 0.7),
      );
    }
    for (const m of matchesOf(text, FINE_GRAINED)) {
      const real = randomBody(m[0].slice(11));
      out.push(tokenCandidate(m.index, m.index + m[0].length, real, 0.95));
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    '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',
    {
      text: 'git clone https://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@github.com/acme/app.git',
      value: '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',
    },
    {
      text: 'GITHUB_TOKEN="ghs_Qh2Zx0qWqUh945AVNiTs097nZW9wTU1MU2tO"',
      value: 'ghs_Qh2Zx0qWqUh945AVNiTs097nZW9wTU1MU2tO',
    },
    {
      text: 'Authorization: token ghu_wzT1lI0NVak4H0wcD1u0aEd1LuJcrG3jsHEh',
      value: 'ghu_wzT1lI0NVak4H0wcD1u0aEd1LuJcrG3jsHEh',
    },
    {
      text: 'my PAT is 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, please check it',
      value:
        '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',
    },
    {
      text: '//registry.npmjs.org/:_authToken=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',
      value: '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',
    },
    // Token-shaped but with a wrong checksum: still masked, at a lower score.
    {
      text: 'token: ghp_JUyVbhNO86hfwWeI9d87hp1GfPNxZ4KN5XLO',
      value: 'ghp_JUyVbhNO86hfwWeI9d87hp1GfPNxZ4KN5XLO',
    },
  ],
  noMatch: [
    'export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'Classic tokens start with ghp_ and fine-grained ones with github_pat_.',
    'ghp_1234567890abcdefghijklmnopqrstuvwxyz (from the docs)',
    'ghp_gcDAOl3Mz9hUgvlRhx18Ist4JjTSGb1jz (truncated)',
    'the branch ghp_fix_login_redirect_on_mobile_safari was merged',
    'npm_config_registry=https://registry.npmjs.org/',
  ],
};
