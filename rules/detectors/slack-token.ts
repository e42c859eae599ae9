import { holds, randomBody, tokenCandidate } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Slack tokens: xoxb- bot, xoxp- user, xoxa-/xoxr- workspace and refresh, xoxs-/xoxo- legacy,
// xoxe- rotating refresh, `xoxe.xoxp-` configuration tokens; then dash-separated numeric ids
// and a random tail. The shapes vary by generation, so the body is bounded loosely and then
// checked for randomness and digits.
// The three patterns are char-first (see 'Char-first patterns' in docs/engine.md): the x or h
// every match opens with, then the look-behind. Looking behind first cost 7 ms each on 1 MB
// when V8 compiles without its optimisations; this way, under 1 ms. ("(?:xoxe\.)?xox" and
// "(?:https?:\/\/)?hooks" are tried in their order: the longer form first.)
const TOKEN = /x(?<![\w.-]x)(?:oxe\.xox|ox)[abposre]-([0-9A-Za-z-]{10,250})/g;
// App-level tokens: xapp-<version>-<app id>-<numbers>-<hex>.
const APP_TOKEN = /x(?<![\w.-]x)app-\d-([0-9A-Za-z-]{20,250})/g;
// Incoming webhooks and workflow triggers: whoever has the URL can post into the channel.
const WEBHOOK =
  /h(?<![\w.-]h)(?:ttps?:\/\/hooks|ooks)\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9_/+-]{20,150})/g;

// What every token starts with, found from its x: a search for "hooks.slack.com" starts from
// its h, which is common in prose, while "k.com" is rare.
const TOKEN_START = holds(['x', /x(?:ox[abposre]|app)-/y]);

/** Slack tokens and incoming-webhook URLs. */
export const slackToken: Detector = {
  id: 'slack-token',
  types: ['API_KEY'],
  prefilter: {
    test: (text) =>
      TOKEN_START.test(text) || (text.includes('k.com') && text.includes('hooks.slack.com')),
  },
  detect(text) {
    const out: Candidate[] = [];
    const add = (start: number, match: string, body: string, score: number) => {
      // A dash at the end belongs to the sentence ("xoxb-...-"), not the token.
      let end = start + match.length;
      let b = body;
      while (text[end - 1] === '-' || text[end - 1] === '/') {
        end--;
        b = b.slice(0, -1);
      }
      const real = /\d/.test(b) && b.length >= 20 && randomBody(b.replace(/[-/]/g, ''));
      out.push(tokenCandidate(start, end, real, score));
    };
    for (const m of matchesOf(text, TOKEN)) add(m.index, m[0], m[1]!, 0.95);
    for (const m of matchesOf(text, APP_TOKEN)) add(m.index, m[0], m[1]!, 0.95);
    for (const m of matchesOf(text, WEBHOOK)) add(m.index, m[0], m[1]!, 0.9);
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'xoxb-668819779115-8780119423941-yXahFhsCD28mz6HCmI3NlIxo',
    {
      text: 'SLACK_USER_TOKEN=xoxp-073918028636-957020362862-6912122772222-dd29d3276b4d8b128fe7c38945dd7a8f',
      value: 'xoxp-073918028636-957020362862-6912122772222-dd29d3276b4d8b128fe7c38945dd7a8f',
    },
    {
      text: 'socket mode: xapp-1-AJU78A1NWZD-1075288549423-49a9f01858437f2a6e95332eb80e14cb9f389d694513a846f634bb94d7c1a2fb',
      value:
        'xapp-1-AJU78A1NWZD-1075288549423-49a9f01858437f2a6e95332eb80e14cb9f389d694513a846f634bb94d7c1a2fb',
    },
    {
      text: 'curl -X POST -d @msg.json https://hooks.slack.com/services/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',
      value: 'https://hooks.slack.com/services/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',
    },
    {
      text: 'config token xoxe.xoxp-1-2Q6VGI16R0BBDCOUMB2Z6OFNRNV7FBE3RLCBT3ENO0RC2B9E8YRUTMD5CWTJ7HLDCIOAYY13D5S8TQJGD615GAVGG4J8FAQ6794LQJDH6YX2SB213JA8TNE0AIB6GCARYRWTW4GORZGGAGDFWBF8EPA0YWOID7DG',
      value:
        'xoxe.xoxp-1-2Q6VGI16R0BBDCOUMB2Z6OFNRNV7FBE3RLCBT3ENO0RC2B9E8YRUTMD5CWTJ7HLDCIOAYY13D5S8TQJGD615GAVGG4J8FAQ6794LQJDH6YX2SB213JA8TNE0AIB6GCARYRWTW4GORZGGAGDFWBF8EPA0YWOID7DG',
    },
  ],
  noMatch: [
    'SLACK_BOT_TOKEN=xoxb-your-bot-token',
    'xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX',
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    'Bot tokens start with xoxb- and user tokens with xoxp-.',
    'See https://api.slack.com/apps for your app settings.',
    'https://hooks.slack.com/services/ is the webhook base URL',
  ],
};
