import {
  DB_SCHEME,
  credentialCandidate,
  findUrlsWithUserinfo,
  isPlaceholderPassword,
  looksRandom,
  unlessExample,
} from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// Schemes whose `user@host` form is an identity, not a credential (`ssh://git@github.com`,
// `mailto:`-like forms); without a password they are left alone.
const NO_TOKEN_USER = /^(?:ssh|git|git\+ssh|sftp|scp|rsync|svn\+ssh)$/;
const SENTRY_HOST = /(?:^|\.)(?:sentry\.io|ingest\.(?:[a-z]{2}\.)?sentry\.io)$/i;

/** URLs with a password or token in their userinfo. */
export const urlCredentials: Detector = {
  id: 'url-credentials',
  types: ['URL_CREDENTIALS'],
  // The URLs are found once per text, for this detector and connection-string.
  prefilter: { test: (text) => findUrlsWithUserinfo(text).length > 0 },
  detect(text) {
    const out: Candidate[] = [];
    for (const u of findUrlsWithUserinfo(text)) {
      // Database and broker URLs are reported by the connection-string detector.
      if (DB_SCHEME.test(u.scheme)) continue;
      const { start, end, user, password } = u;
      if (password === null || password === '') {
        // `https://TOKEN@host` (how git and CI scripts embed a token): only a random user
        // name is a credential; `https://jane@host` and `ssh://git@host` are identities.
        if (NO_TOKEN_USER.test(u.scheme) || !looksRandom(user, 20)) continue;
        // A Sentry DSN's key is public by design (browsers send it with every event).
        if (SENTRY_HOST.test(u.host)) continue;
        out.push(
          unlessExample(text, {
            start,
            end,
            type: 'URL_CREDENTIALS',
            score: 0.96,
            reason: 'token',
          }),
        );
      } else if (password.length < 4 || isPlaceholderPassword(user + password)) {
        // Documentation writes https://a:b@host; real passwords are longer than three. (A
        // stand-in password alone is caught by credentialCandidate.)
        out.push({ start, end, type: 'URL_CREDENTIALS', score: 0.2, reason: 'placeholder' });
      } else {
        out.push(credentialCandidate(text, start, end, user, password, u.host));
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // A .env file's password with an unescaped "#".
    'https://admin:Xk9#pL2vQw@db.internal.example-corp.io:8443/app',
    // A documentation host on the line above says nothing of this one.
    {
      text: 'https://bob:Wq8rT2vLx9Kp@git.example.com/r.git\nhttps://deploy:Xk92jf83ks@git.acme.io/',
      value: 'https://deploy:Xk92jf83ks@git.acme.io/',
    },
    'https://deploy:Wq8rT2vLx9Kp@files.acme-corp.net/releases/',
    {
      text: 'The proxy is set as http://jsmith:Summer2024!@proxy.acme.local:3128 in the env.',
      value: 'http://jsmith:Summer2024!@proxy.acme.local:3128',
    },
    {
      text: 'ftp://backup:r3d-Kite-77@ftp.acme-corp.net/nightly/db.tar.gz',
      value: 'ftp://backup:r3d-Kite-77@ftp.acme-corp.net/nightly/db.tar.gz',
    },
    {
      text: 'git remote set-url origin https://x-access-token:7AIbzBYpj73d4Kwlguj97HN0@github.com/acme/api.git',
      value: 'https://x-access-token:7AIbzBYpj73d4Kwlguj97HN0@github.com/acme/api.git',
    },
    {
      text: 'pip install --index-url https://E89tdV6ON3Pnw5HxFpJ2U8tV@pypi.acme.io/simple pkg',
      value: 'https://E89tdV6ON3Pnw5HxFpJ2U8tV@pypi.acme.io/simple',
    },
    {
      text: '(see smb://ACME;svc_scan:N0v-Blue-19@fs01.acme.local/share)',
      value: 'smb://ACME;svc_scan:N0v-Blue-19@fs01.acme.local/share',
    },
  ],
  noMatch: [
    // A Sentry DSN: its key is public.
    'SENTRY_DSN=https://f3b1c9a2d4e6078a9b1c2d3e4f5a6b7c@o867555.ingest.sentry.io/0355489',
    'git clone ssh://git@github.com/acme/api.git',
    'Format: https://user:password@host:port/path',
    'curl -u admin https://jane@intranet.acme.local/wiki',
    'https://${USER}:${PASS}@registry.acme.io/v2/',
    'http://admin:admin@192.168.0.1/ is the router default',
    'https://docs.acme.io/guide?email=jane@acme.io',
    'https://bob:Wq8rT2vLx9Kp@example.com/ (from the RFC examples)',
    'postgres://app:E89tdV6ON3Pnw5Hx@db.acme.io/app',
    'Must be a valid URI, for example: https://deploy:Wq8rT2vLx9Kp@files.acme-corp.net/',
  ],
};
