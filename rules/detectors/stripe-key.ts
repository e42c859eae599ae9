import { holds, PUBLISHED_KEYS, randomBody, tokenCandidate } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Secret (sk_) and restricted (rk_) keys, live or test, and webhook signing secrets (whsec_).
// Publishable keys (pk_) are meant to be embedded in web pages and are not matched at all.
const KEY = /(?<![\w-])(sk|rk)_(live|test|prod)_([0-9A-Za-z]{10,247})(?![\w-])/g;
const WEBHOOK_SECRET = /(?<![\w-])whsec_([0-9A-Za-z+/=]{24,100})(?![\w-])/g;

/** Stripe secret, restricted and webhook keys (not publishable ones). */
export const stripeKey: Detector = {
  id: 'stripe-key',
  types: ['API_KEY'],
  prefilter: holds(['_', /(?<=[sr]k)_(?:live|test|prod)_|(?<=whsec)_/y]),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, KEY)) {
      const body = m[3]!;
      const real = body.length >= 20 && randomBody(body);
      // Test-mode keys move no money but still open the account's test data and settings.
      const test = m[2] === 'test';
      const end = m.index + m[0].length;
      if (PUBLISHED_KEYS.has(m[0])) {
        out.push({ start: m.index, end, type: 'API_KEY', score: 0.3, reason: 'published example' });
        continue;
      }
      out.push(tokenCandidate(m.index, end, real, test ? 0.7 : 0.95, test ? 'test key' : 'format'));
    }
    for (const m of matchesOf(text, WEBHOOK_SECRET)) {
      const real = randomBody(m[1]!);
      out.push(tokenCandidate(m.index, m.index + m[0].length, real, 0.9));
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
      text: "stripe.api_key = 'rk_live_xS7mp30mgfcAljtGiMRAxdIi'",
      value: 'rk_live_xS7mp30mgfcAljtGiMRAxdIi',
    },
    {
      text: 'STRIPE_SECRET_KEY=sk_test_4l3PcJvkCFHmERzLavE6COBl',
      value: 'sk_test_4l3PcJvkCFHmERzLavE6COBl',
    },
    {
      text: 'endpoint secret is whsec_tM8X1uRvh4HvKZKemvY4VSA1Ywi6IVo1 (from the dashboard)',
      value: 'whsec_tM8X1uRvh4HvKZKemvY4VSA1Ywi6IVo1',
    },
    {
      text: 'Stripe(\'pk_live_5x6sYwUY8vIX1wWa9Nh5XHOX\'); key = "sk_live_5x6sYwUY8vIX1wWa9Nh5XHOX0VwAZ7xeG3qkcBYfsk4J"',
      value: 'sk_live_5x6sYwUY8vIX1wWa9Nh5XHOX0VwAZ7xeG3qkcBYfsk4J',
    },
  ],
  noMatch: [
    "const stripe = Stripe('pk_live_5x6sYwUY8vIX1wWa9Nh5XHOX0VwAZ7xeG3qkcBYfsk4J');",
    'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
    'Use your sk_test_ key in development and sk_live_ in production.',
    'sk_live_... (redacted)',
    'publishable key: pk_test_TYooMQauvdEDq54NiTphI7jx',
    'sk_test_YOUR_SECRET_KEY_HERE',
    // Stripe's documentation's key.
    'curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: -d amount=2000',
  ],
};
