import { before, matchAllAt, near } from '../context.ts';
import {
  formatCandidate,
  holds,
  keywordStarts,
  offsetsOf,
  randomBody,
  stickyAt,
  tokenCandidate,
} from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

/** 32 lowercase hex after `prefix`, not inside a longer token. */
const hex32 = (prefix: string) => new RegExp(`(?<![\\w-])${prefix}[0-9a-f]{32}(?![\\w-])`, 'g');
// API key SIDs: `SK` and 32 lowercase hex. Only Twilio writes ids this way.
const API_KEY_SID = hex32('SK');
// Account SIDs: `AC` and 32 hex. An identifier, not a secret by itself, so it is only reported
// where the text is about Twilio credentials (an account SID pasted with its auth token).
const ACCOUNT_SID = hex32('AC');
// Auth tokens: 32 lowercase hex with no prefix, so only right after a word that names them.
const HEX32 = hex32('');
const TOKEN_KEYWORD =
  /(?:auth[_ .-]?token|authtoken|twilio[\w .-]{0,20}(?:token|secret))["'`]?\s{0,3}[:=(,]?\s{0,3}["'`]?\s{0,3}$/;
const TWILIO = /twilio|auth[_ -]?token|account[_ -]?sid|authtoken/;
// "twilio" or "auth token" in any case, looked for only where keywordStarts (rules/secret-util.ts)
// found a keyword: that one pass is shared.
const TWILIO_WORD = /twilio|auth[_ ]?token/iy;
const TALKS_TWILIO = { test: (text: string) => stickyAt(text, TWILIO_WORD, keywordStarts(text)) };
const SID = holds(['S', /SK[0-9a-f]{32}/y]);

/** Twilio API key SIDs, auth tokens and account SIDs in credential context. */
export const twilioKey: Detector = {
  id: 'twilio-key',
  types: ['API_KEY'],
  // What every finding needs: an API key SID, or a text about Twilio.
  prefilter: { test: (text) => SID.test(text) || TALKS_TWILIO.test(text) },
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchAllAt(text, API_KEY_SID, offsetsOf(text, 'S'), 0)) {
      const start = m.index;
      const end = start + m[0].length;
      out.push(
        formatCandidate(start, end, randomBody(m[0].slice(2)), near(text, start, end, TWILIO, 80)),
      );
    }
    if (!TALKS_TWILIO.test(text)) return out;
    for (const m of matchesOf(text, ACCOUNT_SID)) {
      const start = m.index;
      const end = start + m[0].length;
      const real = randomBody(m[0].slice(2));
      const context = near(text, start, end, TWILIO, 120);
      out.push({
        start,
        end,
        type: 'API_KEY',
        score: real && context ? 0.7 : 0.3,
        reason: context ? 'context' : 'pattern',
      });
    }
    for (const m of matchesOf(text, HEX32)) {
      const start = m.index;
      if (!TOKEN_KEYWORD.test(before(text, start, 48))) continue;
      const real = randomBody(m[0]) && /[a-f]/.test(m[0]) && /\d/.test(m[0]);
      out.push(tokenCandidate(start, start + 32, real, 0.85, 'context'));
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'SK7394e9efe51ffe3f315a345ea6ad4f72',
    {
      text: 'TWILIO_ACCOUNT_SID=AC76b27e6798205e019bf7b54ad52ce568\nTWILIO_AUTH_TOKEN=7c6107fc846f6f6690c121fabbfa89f2',
      value: 'AC76b27e6798205e019bf7b54ad52ce568',
    },
    {
      text: 'TWILIO_ACCOUNT_SID=AC76b27e6798205e019bf7b54ad52ce568\nTWILIO_AUTH_TOKEN=7c6107fc846f6f6690c121fabbfa89f2',
      value: '7c6107fc846f6f6690c121fabbfa89f2',
    },
    {
      text: "client = Client('AC358080c42b34509b1696b5a7d9172476', auth_token='7394e9efe51ffe3f315a345ea6ad4f72')",
      value: '7394e9efe51ffe3f315a345ea6ad4f72',
    },
    {
      text: 'Twilio API key: SK358080c42b34509b1696b5a7d9172476 (secret in vault)',
      value: 'SK358080c42b34509b1696b5a7d9172476',
    },
  ],
  noMatch: [
    'Account SID AC76b27e6798205e019bf7b54ad52ce568 shows in the console header.',
    'md5: 7c6107fc846f6f6690c121fabbfa89f2',
    'TWILIO_AUTH_TOKEN=00000000000000000000000000000000',
    'SKU SK-7394E9EF is out of stock',
    'auth token rotation is scheduled; see 7c6107fc846f6f6690c121fabbfa89f2 for the job id',
    'ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx is your account SID placeholder',
  ],
};
