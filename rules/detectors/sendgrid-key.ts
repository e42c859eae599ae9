import { pushTokens, tokenRules } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// `SG.`, a 22-character key id, a dot, a 43-character secret (both base64url).
// Its body, checked for randomness, is the secret.
const KEY = tokenRules(
  String.raw`95 0 (?<!\.)SG\.[A-Za-z0-9_-]{22}\.([A-Za-z0-9_-]{43})(?![\w.-])`,
);

/** SendGrid API keys. */
export const sendgridKey: Detector = {
  id: 'sendgrid-key',
  types: ['API_KEY'],
  prefilter: /SG\./,
  detect(text) {
    const out: Candidate[] = [];
    pushTokens(text, KEY, out);
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    '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',
    {
      text: 'SENDGRID_API_KEY=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',
      value: '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',
    },
    {
      text: 'sg.setApiKey("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");',
      value: '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',
    },
  ],
  noMatch: [
    'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'SendGrid keys start with SG. and are 69 characters long.',
    'SG.k8IQ3y4mmQUdkGL-gFZrLe (the key id alone, shown in the dashboard)',
    'Visit SG.com for details. SG.Team is the name.',
  ],
};
