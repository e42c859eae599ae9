import { isWholeToken, matchAllNear } from '../context.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// The local part may only start where a token starts (the look-behind), which keeps the scan
// linear: without it a long run of word characters before an '@' is re-read from every offset.
const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9][\w.%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;

// Spelled-out addresses: "john dot doe at gmail dot com", "jane[at]corp[dot]io", "x (at) y . org".
const AT = String.raw`\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|\s+at\s+)\s*`;
const DOT = String.raw`\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\}|\s+dot\s+|\.)\s*`;
const LABEL = '[A-Za-z0-9][A-Za-z0-9_-]{0,62}';
const OBFUSCATED = new RegExp(
  String.raw`(?<![\w.])${LABEL}(?:${DOT}${LABEL}){0,3}${AT}${LABEL}(?:${DOT}${LABEL}){0,3}${DOT}(?:com|net|org|edu|gov|io|co|de|fr|es|it|uk|us|ca|au|nl|be|ch|at|info|biz|me|ai|dev|app)\b`,
  'gi',
);

// Where an address can be: every EMAIL match has its '@' at most 64 characters after its start,
// so EMAIL is only tried just before each '@' instead of at every letter of the text.
const AT_SIGN = /@/g;

// A spelled-out address needs a bracketed "at" or "dot", a spelled " dot ", or, with neither, a
// bare " at " then a label and a real dot ("at corp.io"). Any English text has an " at "; few
// have these, so the costly OBFUSCATED scan is skipped for them. A cheap necessary condition
// (it never hides a match), tested on the lower-cased text; every branch starts with a literal
// so V8 scans for it instead of trying each space or bracket.
const OBFUSCATION_HINT =
  /at\s*[\])}]|dot\s*[\])}]|dot(?<=\sdot)\s|at(?<=\sat)\s+[a-z0-9][a-z0-9_-]{0,62}\s*\./;

const RESERVED_DOMAIN = /@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|test|invalid|localhost)$/i;

/** Whether the token holding `start` began with a scheme ("xyz://"). */
function inUrlAuthority(text: string, start: number): boolean {
  const from = Math.max(0, start - 256);
  const head = text.slice(from, start);
  const tokenStart = Math.max(
    head.lastIndexOf(' '),
    head.lastIndexOf('\n'),
    head.lastIndexOf('"'),
    head.lastIndexOf('<'),
  );
  return head.slice(tokenStart + 1).includes('://');
}

export const email: Detector = {
  id: 'email',
  types: ['EMAIL'],
  description:
    'Email addresses, including spelled-out ones ("john dot doe at gmail dot com", "[at]", "(dot)").',
  prefilter: /@|[[({\s](?:at|AT|At)[\])}\s]/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchAllNear(text, EMAIL, AT_SIGN, 64)) {
      const start = m.index;
      const end = start + m[0].length;
      // Documentation domains are placeholders, not anyone's address.
      // "https://user:pw@host.com" is a URL with credentials (url-credentials' finding), not
      // the address "pw@host.com".
      if (inUrlAuthority(text, start)) continue;
      const score = RESERVED_DOMAIN.test(m[0]) ? 0.3 : 0.95;
      out.push({ start, end, type: 'EMAIL', score });
    }
    if (/\b(?:at|AT|At)\b/.test(text) && OBFUSCATION_HINT.test(text.toLowerCase())) {
      for (const m of text.matchAll(OBFUSCATED)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!isWholeToken(text, start, end) || m[0].includes('@')) continue;
        // A bracketed "at" or a spelled "dot" is deliberate; a bare "x at y.com" may be prose.
        const deliberate = /[[({]|\bdot\b/i.test(m[0]);
        out.push({
          start,
          end,
          type: 'EMAIL',
          score: deliberate ? 0.85 : 0.55,
          reason: 'obfuscated',
        });
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'jane.doe@example-mail.com',
    {
      text: 'Contact: Max.Mustermann+billing@firma.de, thanks',
      value: 'Max.Mustermann+billing@firma.de',
    },
    {
      text: 'write to john dot doe at gmail dot com please',
      value: 'john dot doe at gmail dot com',
    },
    { text: 'mail jane[at]corp[dot]io', value: 'jane[at]corp[dot]io' },
    { text: 'reach me: pedro (at) correo (dot) es', value: 'pedro (at) correo (dot) es' },
  ],
  noMatch: [
    'https://deploy:S3cret-Pass@git.internal-host.net/repo.git',
    'Meet me at 5 pm at the office.',
    'The decorator is @Component and the handle is @jane_doe.',
    'version 1.2.3@latest',
    'user@localhost',
    "I'll be at home at 5, at the latest.",
  ],
};
