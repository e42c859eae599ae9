import { randomBody, tokenCandidate } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Current keys name their kind: sk-proj- (project), sk-svcacct- (service account), sk-admin-.
const NAMED = /(?<![\w-])sk-(?:proj|svcacct|admin)-([A-Za-z0-9_-]{40,250})(?![\w-])/g;
// Legacy user keys: sk- and 48 alphanumerics with `T3BlbkFJ` ("OpenAI" in base64) in the middle.
const LEGACY = /(?<![\w-])sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}(?![\w-])/g;
// Any other `sk-` and 32-64 random alphanumerics: the legacy OpenAI shape without its marker,
// and the keys of the many providers that copied it. Less certain, so a lower score.
const BARE = /(?<![\w-])sk-([A-Za-z0-9]{32,64})(?![\w-])/g;
const MARKER = 'T3BlbkFJ';

/** OpenAI API keys and other sk- keys. */
export const openaiKey: Detector = {
  id: 'openai-key',
  types: ['API_KEY'],
  // From the `k` on: a search for a literal starts from its first character, and `s` is common.
  prefilter: /k-/,
  detect(text) {
    const out: Candidate[] = [];
    const push = (m: RegExpExecArray, real: boolean, score: number, reason?: string) =>
      out.push(tokenCandidate(m.index, m.index + m[0].length, real, score, reason));
    for (const m of matchesOf(text, NAMED)) {
      const marked = m[1]!.includes(MARKER);
      push(m, randomBody(m[1]!), marked ? 0.97 : 0.9);
    }
    for (const m of matchesOf(text, LEGACY)) {
      push(m, randomBody(m[0].slice(3)), 0.97);
    }
    for (const m of matchesOf(text, BARE)) {
      const body = m[1]!;
      // The legacy form is reported above, with its higher score.
      if (body.includes(MARKER)) continue;
      // Random bodies mix digits in; a 32-letter run is a word salad or an identifier.
      const real = /\d/.test(body) && /[A-Za-z]/.test(body) && randomBody(body);
      push(m, real, 0.75, 'sk- format');
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'sk-proj-s4ob62fxganABbXJTr83cmARabbyqwtAxJoqIAzpVPMaMrADEYfrU8ZwGEAYA93lA70ertuuWUT3BlbkFJgWzsrf8UNnarb6dg5AMcp5WuXpWYOsPiMTRUoHWAqLdIY2',
    {
      text: 'OPENAI_API_KEY="sk-svcacct-gWzsrf8UNnarb6dg5AMcp5WuXpWYOsPiMTRUoHWAqLdIY2-wTmWX093x_z3TaSqO08f-5EcBSq"',
      value:
        'sk-svcacct-gWzsrf8UNnarb6dg5AMcp5WuXpWYOsPiMTRUoHWAqLdIY2-wTmWX093x_z3TaSqO08f-5EcBSq',
    },
    {
      text: 'openai.api_key = "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"',
      value: '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',
    },
    {
      text: 'here is my key sk-Ox0e8oIX1jDj5nKiVruAhJRc1fld3MReawYFUKwB, why does it 401?',
      value: 'sk-Ox0e8oIX1jDj5nKiVruAhJRc1fld3MReawYFUKwB',
    },
    {
      text: 'DEEPSEEK_API_KEY=sk-3bb2a0f8bfd7345d3ac3713e26d7c96f',
      value: 'sk-3bb2a0f8bfd7345d3ac3713e26d7c96f',
    },
  ],
  noMatch: [
    'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'Keys look like sk-... and project keys like sk-proj-....',
    'OPENAI_API_KEY=sk-your-api-key-here',
    'sk-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV',
    '<div class="sk-fading-circle sk-circle-bounce-delay-and-more-classes-here">',
    'the sk-learn docs (scikit-learn) cover pipelines',
  ],
};
