import { before, documentedAsOwn, matchAllAt } from '../context.ts';
import {
  charClasses,
  holds,
  isBase64Code,
  isPlaceholderToken,
  keywordStarts,
  looksRandom,
  offsetsOf,
  randomBody,
  stickyAt,
  tokenCandidate,
} from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Access key ids: a four-letter prefix naming the kind of key (AKIA long-term, ASIA temporary
// STS, ABIA/ACCA other services, A3T* older ones) and 16 characters of base32 (A-Z, 2-7).
const KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}(?![A-Za-z0-9])/g;

// Secret access keys are 40 characters of base64 with no prefix at all, so they are only taken
// beside words that name them (below). The look-arounds keep them from being a slice of a
// longer base64 run.
const SECRET = /[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/y;
const SECRET_WORD = /secret|\bsk\b/gi;
// "secret" as written in prose, code and environment names, and in any case. Both are looked for
// only where keywordStarts (rules/secret-util.ts) found a keyword: that one pass is shared.
const SECRET_AS_WRITTEN = /secret|SECRET|Secret/y;
const SECRET_ANY_CASE = /secret/iy;
const KEY_ID_START = holds(['A', /A(?:KIA|SIA|BIA|CCA|3T)/y]);

// Within ~80 characters before the value: `aws_secret_access_key =`, `SecretAccessKey:`,
// "AWS secret key", or `secret_key` in a text that talks about AWS.
const SECRET_KEYWORD = /secret[_ .-]?access[_ .-]?key|aws[\w .-]{0,20}secret|secretaccesskey/;
const LOOSE_KEYWORD = /secret[_ .-]?key|\bsecret\b|\bsk\b/;
const AWS_NEAR = /aws|amazon|\biam\b|\bs3\b|boto|akia|asia/i;
/** The writer's own: "my access key", "here are my AWS keys". */
const MINE = /\bmy\b/;

/** AWS access key ids and secret access keys. */
export const awsKey: Detector = {
  id: 'aws-key',
  types: ['API_KEY'],
  prefilter: {
    test: (text) =>
      KEY_ID_START.test(text) || stickyAt(text, SECRET_AS_WRITTEN, keywordStarts(text)),
  },
  detect(text) {
    const out: Candidate[] = [];
    // Tried only where an A is: starting with a look-behind, the pattern was tried everywhere.
    for (const m of matchAllAt(text, KEY_ID, offsetsOf(text, 'A'), 0)) {
      // AWS documentation's own examples end in EXAMPLE; they are not anyone's key, unless
      // the writer gives one as theirs ("my access key is AKIAIOSFODNN7EXAMPLE").
      const real = !isPlaceholderToken(m[0].slice(4));
      const end = m.index + m[0].length;
      const own = real ? null : documentedAsOwn(text, m.index, end, 'API_KEY', MINE);
      out.push(own ?? tokenCandidate(m.index, end, real, 0.9));
    }
    if (!stickyAt(text, SECRET_ANY_CASE, keywordStarts(text))) return out;
    // Whether the text talks about AWS: asked only when a secret key needs it, then kept.
    let awsInText: boolean | undefined;
    const aws = () => (awsInText ??= AWS_NEAR.test(text));
    // Secret keys are only looked for in the 80 characters after a "secret" or "sk" word, each
    // stretch of text once.
    let searched = 0;
    for (const w of matchesOf(text, SECRET_WORD)) {
      const from = Math.max(w.index + w[0].length, searched);
      const to = Math.min(text.length, w.index + w[0].length + 80);
      if (from >= to) continue;
      searched = to;
      for (let i = from; i < to; i++) {
        if (!isBase64Code(text.charCodeAt(i)) || (i > 0 && isBase64Code(text.charCodeAt(i - 1)))) {
          continue;
        }
        SECRET.lastIndex = i;
        const m = SECRET.exec(text);
        if (m === null) continue;
        const c = secretCandidate(text, i, m[0], aws);
        if (c !== null) out.push(c);
        i += 40;
      }
    }
    return out;
  },
};

/** A 40-character base64 run at `start` scored by the AWS words before it, or null. */
function secretCandidate(
  text: string,
  start: number,
  value: string,
  awsInText: () => boolean,
): Candidate | null {
  // Random base64 of this length nearly always mixes cases and digits; a 40-hex git SHA or a
  // path-like run does not.
  const cls = charClasses(value);
  if (!cls.upper || !cls.lower || !(cls.digit || cls.other)) return null;
  const ctx = before(text, start, 80);
  // The documentation's secret (it ends in EXAMPLEKEY), given as the writer's own.
  if (value.endsWith('EXAMPLEKEY')) {
    return SECRET_KEYWORD.test(ctx)
      ? documentedAsOwn(text, start, start + value.length, 'API_KEY', MINE, 120)
      : null;
  }
  if (!looksRandom(value, 40) || !randomBody(value)) return null;
  let score = 0.25;
  if (SECRET_KEYWORD.test(ctx)) score = 0.9;
  else if (LOOSE_KEYWORD.test(ctx) && awsInText()) score = 0.75;
  return {
    start,
    end: start + value.length,
    type: 'API_KEY',
    score,
    reason: score > 0.5 ? 'context' : 'pattern',
  };
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // AWS's documented keys, given as the writer's own.
    {
      text: 'Here are my AWS credentials: aws_access_key_id=AKIAIOSFODNN7EXAMPLE',
      value: 'AKIAIOSFODNN7EXAMPLE',
    },
    'AKIAQZ3RX4N7TPLW2KJM',
    { text: 'export AWS_ACCESS_KEY_ID=ASIAV6HJ3QK2LZ7WMRTD', value: 'ASIAV6HJ3QK2LZ7WMRTD' },
    {
      text: 'aws_secret_access_key = uGxY4Jnyv27d1EQRU8zPS80Kl0f7umz+1MoadBWu',
      value: 'uGxY4Jnyv27d1EQRU8zPS80Kl0f7umz+1MoadBWu',
    },
    {
      text: '"SecretAccessKey": "6wKabSio/o1BHoYRiPMn2UdjPYZimwYgImeaplW/",',
      value: '6wKabSio/o1BHoYRiPMn2UdjPYZimwYgImeaplW/',
    },
    {
      text: 'Our AWS user: key id AKIAW4TJ7QX2ZP5LMN3K, secret key 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',
      value: 'EEXeyKs9mZok2BpHTbJJ6BnTZcWq17uEnVio1lIw',
    },
    { text: 'creds: AKIAW4TJ7QX2ZP5LMN3K.', value: 'AKIAW4TJ7QX2ZP5LMN3K' },
  ],
  noMatch: [
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'The docs use AKIAIOSFODNN7EXAMPLE with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as the secret.',
    'commit 4f9c2a7e1b3d5f8a0c6e9b2d4f7a1c3e5b8d0f2a fixed the secret rotation job',
    'Secret sauce: the build cache key is /usr/local/share/app/cache/build/artifacts',
    'AKIA1234567890ABCDEF is not base32 and too short of letters',
    'token AKIAQZ3RX4N7TPLW2KJMQ (one character too long)',
    'aws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'EEXeyKs9mZok2BpHTbJJ6BnTZcWq17uEnVio1lIw appears with no keyword at all',
  ],
};
