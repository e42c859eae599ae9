import { NON_PERSONAL_NUMBER, before, matchAllAt, near } from '../context.ts';
import {
  PUBLISHED_KEYS,
  SECRET_KEYWORD_LEAD,
  charClasses,
  decodeBase64,
  isTemplateValue,
  keywordStarts,
  looksRandom,
  offsetsOf,
  pushTokens,
  shannonEntropy,
  stickyAt,
  tokenRules,
  wordiness,
} from '../secret-util.ts';
import { matchesOf } from '../scan-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// Keywords that name a secret. Strong ones say "this is a key or a secret"; weak ones (token,
// auth, credentials) are also used for counts, types and flags, so their values must be longer.
// `~` stands for an optional separator (`api_key`, `api-key`, `api key`, `apikey`).
const STRONG_KEYS = (
  'api~key|apikey|api~secret|api~token|secret~key|client~secret|app~secret|app~key|' +
  'consumer~(?:secret|key)|webhook~secret|signing~(?:key|secret)|shared~secret|jwt~secret|' +
  'session~secret|encryption~key|master~key|access~token|auth~token|refresh~token|' +
  'bearer~token|private~token|personal~access~token|access~key|license~key|subscription~key|' +
  'secret|bearer|authorization'
).replace(/~/g, String.raw`[_.\- ]?`);
const KEYWORD = new RegExp(
  STRONG_KEYS + '|token|auth|credentials?|id[_.\\- ]?token|session[_.\\- ]?token',
  'gi',
);
// Where a keyword may start: its secret word (key, secret, token, auth, bearer, credential) is at
// most SECRET_KEYWORD_LEAD characters in.
const SECRET_WORD = /key|secret|token|auth|bearer|credential/iy;
const STRONG = new RegExp(`^(?:${STRONG_KEYS})$`, 'i');

// Environment-variable names that end in KEY/TOKEN/SECRET: MAPBOX_KEY, SENTRY_AUTH_TOKEN.
// (Char-first: the look-behind after the first capital; see 'Char-first patterns' in
// docs/engine.md.)
const ENV_NAME =
  /[A-Z](?<![A-Za-z0-9_][A-Z])[A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){0,5}_(?:KEY|TOKEN|SECRET|APIKEY|PAT)(?![A-Za-z0-9])/g;
// The suffix every ENV_NAME holds: tried at each underscore, it settles most texts, which have none.
const ENV_SUFFIX = /_(?:KEY|TOKEN|SECRET|APIKEY|PAT)(?![A-Za-z0-9])/y;
const STRONG_ENV =
  /API|SECRET|PRIVATE|ACCESS|AUTH|MASTER|SIGNING|ENCRYPTION|LICENSE|CLIENT|APP_KEY|SERVICE|ACCOUNT|ADMIN|WRITE|DEPLOY/;
// Names that hold something public or that is not a credential at all.
const NOT_SECRET_NAME =
  /public|publishable|primary|foreign|sort|partition|cache|idempotency|routing|_key_id$|^next_|^vite_public|page|cursor|continuation|pagination|max_|_count|_type|_length|_size|_ttl|_expir|_url$|_path$|_file$|_name$|_id$/i;

// What joins a keyword to its value: `key: v`, `key = v`, `"key": "v"`, `key => v`, `is v`.
const JOIN =
  /\\?["'`]?\]?[ \t]{0,3}(?:=>|:=|[:=]|[ \t](?:is|was|ist|est|es)[ \t]{1,2}:?|[ \t]value[ \t]{0,2}=)[ \t]{0,3}(?:\\?["'`]|\[["'])?/iy;
// A bare space joins only after `bearer` or a command-line flag (`--token x`).
const SPACE_JOIN = /[ \t]{1,2}["'`]?/y;
// Authorization schemes that sit between the header and the credential.
const SCHEME = /(?:bearer|token|basic|digest|apikey|api-key|sso-key|key)[ \t]{1,2}/iy;
// The token itself: base64/base64url/hex and the separators tokens use.
const VALUE = /[A-Za-z0-9+/=_.~-]{8,500}/y;

// Hashes and ids that are not credentials even beside a keyword.
// (Also the anonymous device hash of an Apple crash report, its "CrashReporter Key".)
const HASH_CONTEXT =
  /\b(?:sha|sha1|sha256|sha512|md5|commit|checksum|hash|digest|etag|fingerprint|integrity|revision|rev|request[ _-]?id|trace[ _-]?id|correlation|uuid|guid|gpg|pgp|gnupg|signing(?![ _-]?secret)|keyring|keyserver|public key|pubkey|crashreporter key|incident identifier)\b/;
/** Words that make the value after them an identifier: "payment id", "cache key is". */
const ID_BEFORE =
  /\b(?:(?:payment|charge|customer|invoice|order|transaction|object|event|message|request|trace|span)[ _-]?id|cache[ _-]?key)\b(?:(?!key|token|secret|pass)[^\n]){0,24}$/i;
const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/;
/** Stripe's object ids (payment intents, charges, customers, events...): names, not secrets. */
const OBJECT_ID =
  /^(?:pi|ch|cus|in|evt|txn|pm|py|po|re|seti|sub|prod|price|acct|cs|ii|il)_[A-Za-z0-9]{14,}$/;
const EXAMPLE_CONTEXT = /\b(?:example|e\.g\.|sample|placeholder|dummy|fake)\b/;
// A random token a few words after a word naming a key: "Authorization uses the key X",
// "llamamos a la API con X". Looser than the keyword forms, so it needs a stronger token and
// scores lower.
const LOOSE_TOKEN = /[A-Za-z0-9+/_-]{24,200}={0,2}(?![A-Za-z0-9+/_=-])/y;
const LOOSE_REACH = 40;
const LOOSE_WORDS = String.raw`\b(?:api|key|keys|token|secret|auth|authorization|bearer|credentials?|clave|schlüssel|cle|llave|jeton|chiave)\b|\bclé|トークン|シークレット|キー|令牌|密钥|토큰`;
const LOOSE_WORD_G = new RegExp(LOOSE_WORDS, 'gi');
const LOOSE_WORD = new RegExp(LOOSE_WORDS);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;

// Provider tokens with a distinctive prefix that have no detector of their own. Each is
// specific enough to stand without a keyword. In order: Hugging Face, Shopify, DigitalOcean,
// PyPI, Docker Hub, OpenRouter, Groq, xAI, Perplexity, NVIDIA, Replicate, Linear, Notion,
// Grafana, Atlassian, age, Databricks, Square, RubyGems, Airtable, Mailgun.
const PREFIXED = tokenRules(String.raw`
  90 3 hf_[A-Za-z]{34}$
  90 6 shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}$
  90 7 do[opr]_v1_[a-f0-9]{64}$
  95 20 pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300}
  90 9 dckr_pat_[A-Za-z0-9_-]{27}$
  90 9 sk-or-v1-[a-f0-9]{64}$
  90 4 gsk_[A-Za-z0-9]{52}$
  90 4 xai-[A-Za-z0-9]{80}$
  90 5 pplx-[A-Za-z0-9]{48}$
  90 6 nvapi-[A-Za-z0-9_-]{64}$
  85 3 r8_[A-Za-z0-9]{37}$
  90 8 lin_api_[A-Za-z0-9]{40}$
  90 4 ntn_\d{11}[A-Za-z0-9]{35}$
  90 5 glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}$
  90 6 ATATT3[A-Za-z0-9_=-]{150,300}
  95 15 AGE-SECRET-KEY-1[0-9A-Z]{58}$
  85 4 dapi[a-f0-9]{32}(?:-\d)?$
  90 7 sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}$
  90 9 rubygems_[a-f0-9]{48}$
  90 3 pat[A-Za-z0-9]{14}\.[a-f0-9]{64}$
  80 4 key-[0-9a-f]{32}$
`);
// Telegram bot tokens: the bot's number, a colon and "AA" with 33 more characters. Tried only
// when the text holds ":AA".
const TELEGRAM = tokenRules(String.raw`
  90 0 \d{8,10}:AA([A-Za-z0-9_-]{33})$
`);
// Every prefixed token has one of these where keywordStarts (rules/secret-util.ts) looks for
// keywords, or an underscore preceded by its prefix, or `xai-`: the alternation of the prefixes
// themselves was tried at every position of every text.
const PREFIX_AT_KEYWORD =
  /(?<=d|nv)api|(?<=AGE-)SECRET-KEY-|pat[A-Za-z0-9]{14}\.|pypi-|pplx-|sk-or-|sq0(?:atp|csp)-|ATATT3|key-[0-9a-f]{32}/y;
const PREFIX_AT_UNDERSCORE =
  /(?<=hf|shp(?:at|ca|pa|ss)|do[opr]_v1|dckr|gsk|r8|lin|ntn|glsa|rubygems)_/y;
/** High-entropy secrets beside a keyword, and prefixed tokens of other providers. */
export const genericSecret: Detector = {
  id: 'generic-secret',
  types: ['API_KEY', 'PASSWORD'],
  detect(text) {
    const out: Candidate[] = [];
    // Keywords inside a value already read belong to that value; skipping them keeps a text
    // like "api_key=...api_key=..." linear.
    const read = { end: 0 };
    const starts = keywordStarts(text);
    const secretWords = starts.filter((at) => {
      SECRET_WORD.lastIndex = at;
      return SECRET_WORD.test(text);
    });
    for (const m of matchAllAt(text, KEYWORD, secretWords, SECRET_KEYWORD_LEAD)) {
      if (m.index < read.end) continue;
      const c = afterKeyword(text, m.index, m[0], STRONG.test(m[0]), read);
      if (c !== null) out.push(c);
    }
    read.end = 0;
    const underscores = offsetsOf(text, '_');
    for (const m of stickyAt(text, ENV_SUFFIX, underscores) ? matchesOf(text, ENV_NAME) : []) {
      if (m.index < read.end || NOT_SECRET_NAME.test(m[0])) continue;
      // *_TOKEN, *_SECRET and named keys (STRIPE_API_KEY) are secrets; a bare *_KEY is also a
      // constant's name in code (STORAGE_KEY = "app:settings"), so it counts as weak.
      const strong = !m[0].endsWith('_KEY') || STRONG_ENV.test(m[0]);
      const c = afterKeyword(text, m.index, m[0], strong, read);
      if (c !== null) out.push(c);
    }
    // Tokens are only looked for in the 40 characters after each key word, and each stretch
    // of text is searched once even when key words crowd together.
    let searched = 0;
    for (const w of matchAllAt(text, LOOSE_WORD_G, starts, 0)) {
      const wordEnd = w.index + w[0].length;
      const from = Math.max(wordEnd, searched);
      const to = wordEnd + LOOSE_REACH;
      if (from >= to) continue;
      searched = to;
      const stop = Math.min(to, text.length);
      for (let i = from; i < stop; i++) {
        // A token starts where a token character follows a character that cannot precede one.
        if (!isTokenChar(text.charCodeAt(i)) || (i > 0 && isTokenEdge(text.charCodeAt(i - 1)))) {
          continue;
        }
        // Most words are short: measure the run before trying the pattern.
        let j = i;
        while (j < text.length && j - i < 24 && isTokenChar(text.charCodeAt(j))) j++;
        if (j - i < 24) {
          i = j;
          continue;
        }
        LOOSE_TOKEN.lastIndex = i;
        const m = LOOSE_TOKEN.exec(text);
        if (m === null) continue;
        const c = nearKeyword(text, i, m[0]);
        if (c !== null) out.push(c);
        i += m[0].length;
      }
    }
    if (
      stickyAt(text, PREFIX_AT_KEYWORD, starts) ||
      stickyAt(text, PREFIX_AT_UNDERSCORE, underscores) ||
      text.includes('xai-')
    ) {
      pushTokens(text, PREFIXED, out);
    }
    if (text.includes(':AA')) pushTokens(text, TELEGRAM, out);
    return out;
  },
};

/** The secret value after the keyword `kw` at `at`, or null. */
function afterKeyword(
  text: string,
  at: number,
  kw: string,
  strong: boolean,
  read: { end: number },
): Candidate | null {
  const kwEnd = at + kw.length;
  // The keyword must be a whole name or the end of one (`DJANGO_SECRET_KEY`, `x-api-key`,
  // `appSecret`), never the middle of a word (`secretary`, `tokenizer`).
  const next = text[kwEnd] ?? ' ';
  if (/[A-Za-z0-9]/.test(next)) return null;
  const prev = text[at - 1] ?? ' ';
  if (/[A-Za-z0-9]/.test(prev) && !(/[a-z0-9]/.test(prev) && /[A-Z]/.test(kw[0]!))) return null;
  // An underscore after the keyword continues the name (`token_type`, `secret_name`).
  if (next === '_' || (next === '-' && /[A-Za-z]/.test(text[kwEnd + 1] ?? ''))) return null;

  let pos = kwEnd;
  JOIN.lastIndex = pos;
  const j = JOIN.exec(text);
  if (j !== null) {
    pos += j[0].length;
  } else {
    // Only after `bearer` or a command-line flag (`--token x`) does a bare space join.
    if (next !== ' ' && next !== '\t') return null;
    const cli = /(?:^|\s)--?[\w-]{0,20}$/.test(text.slice(Math.max(0, at - 22), at));
    if (!cli && kw.toLowerCase() !== 'bearer') return null;
    SPACE_JOIN.lastIndex = pos;
    const s = SPACE_JOIN.exec(text);
    if (s === null) return null;
    pos += s[0].length;
  }
  // Checked once the keyword is known to be joined to something: the cheap tests come first.
  if (NOT_SECRET_NAME.test(nameAround(text, at, kwEnd))) return null;
  let scheme = '';
  SCHEME.lastIndex = pos;
  const sch = SCHEME.exec(text);
  if (sch !== null) {
    scheme = sch[0].trim().toLowerCase();
    pos += sch[0].length;
  }
  // Laravel's APP_KEY and others name their encoding first: "APP_KEY=base64:rmmEP8l4...".
  if (scheme === '' && text.startsWith('base64:', pos)) pos += 7;
  VALUE.lastIndex = pos;
  let value = VALUE.exec(text)?.[0] ?? '';
  // In quotes a secret may hold any symbol (Django's SECRET_KEY = 'x7#k(2...'): take the
  // quoted text when it has no blank.
  const open = text[pos - 1];
  if (strong && scheme === '' && (open === '"' || open === "'" || open === '`')) {
    // JSON logged inside a string closes its values with an escaped quote.
    const closer = open === '"' && text[pos - 2] === '\\' ? '\\"' : open;
    const close = text.slice(pos, pos + 201).indexOf(closer);
    const quoted = close > 0 ? text.slice(pos, pos + close) : '';
    if (quoted.length > value.length && !/\s/.test(quoted)) value = quoted;
  }
  if (value === '') return null;
  read.end = pos + value.length;
  // A sentence's full stop is not part of the token.
  while (value.endsWith('.')) value = value.slice(0, -1);
  const start = pos;
  const end = pos + value.length;
  // Cut short by the 500 limit, or followed by more of a word: not a token we can delimit.
  if (/[A-Za-z0-9]/.test(text[end] ?? ' ') && end - start === 500) return null;

  if (scheme === 'basic') return basicCredentials(start, end, value);
  return judge(text, at, start, end, value, strong || scheme !== '');
}

/** Characters of a base64/base64url/hex token. */
function isTokenChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 43 ||
    c === 47 ||
    c === 95 ||
    c === 45
  );
}

/** Characters that, just before a token character, make it the middle of a longer token. */
function isTokenEdge(c: number): boolean {
  return isTokenChar(c) || c === 61 || c === 46;
}

function isNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 46 ||
    c === 45
  );
}

/** The whole identifier the keyword belongs to (`NEXT_PUBLIC_STRIPE_KEY`, `page_token`). */
function nameAround(text: string, at: number, end: number): string {
  let s = at;
  while (s > 0 && s > at - 40 && isNameChar(text.charCodeAt(s - 1))) s--;
  return text.slice(s, end);
}

function judge(
  text: string,
  at: number,
  start: number,
  end: number,
  value: string,
  strong: boolean,
): Candidate | null {
  if (UUID.test(value)) {
    // A UUID is an API key only where the text says so (Heroku, many SaaS keys), and never
    // beside words that make it a request or trace id.
    if (!strong || near(text, start, end, HASH_CONTEXT, 40)) return null;
    return { start, end, type: 'API_KEY', score: 0.6, reason: 'uuid beside keyword' };
  }
  if (value.length < (strong ? 16 : 20)) return null;
  if (notASecret(text, start, value)) return null;
  // Placeholder tokens (your_key_here) fail looksRandom below, which is always asked.
  if (isTemplateValue(value)) return null;
  // Words joined by separators or camelCase are names and sentences, not random tokens:
  // my_super_secret_value, getAccessToken, YOUR-API-KEY.
  if (/^[A-Za-z]+(?:[_.-][A-Za-z]+)+$/.test(value) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(value)) {
    return null;
  }
  const cls = charClasses(value);
  if (!cls.digit) {
    // Letters only: random when long, of both cases, and high in entropy.
    if (!(cls.upper && cls.lower) || value.length < 24 || shannonEntropy(value) < 4) return null;
  }
  if (!looksRandom(value, strong ? 16 : 20)) return null;
  let score = strong ? 0.8 : 0.7;
  let reason = 'keyword + entropy';
  if (HEX.test(value)) {
    // Hex beside "sha", "commit", "checksum" is a hash; elsewhere a 32- or 40-hex key is
    // common (many APIs issue them), but less certain than a mixed-case token.
    if (near(text, start, end, HASH_CONTEXT, 48)) return null;
    score -= 0.15;
    reason = 'hex beside keyword';
  } else if (/^sha\d{3}-/.test(value)) {
    return null;
  }
  if (EXAMPLE_CONTEXT.test(before(text, at, 60))) {
    score -= 0.4;
    reason = 'example context';
  }
  return { start, end, type: 'API_KEY', score, reason };
}

/** The rest of a URL up to a position: a scheme and no blank since. */
const URL_BEFORE = /:\/\/\S*$/;

/** A strongly random token shortly after a key word on the same line, or null. */
function nearKeyword(text: string, start: number, value: string): Candidate | null {
  const end = start + value.length;
  if (UUID.test(value)) return null;
  const cls = charClasses(value);
  if (!cls.digit) return null;
  if (HEX.test(value) ? value.length < 32 : !(cls.upper && cls.lower)) return null;
  // The weakest evidence, so identifiers with a digit in them (Proto3JSON) are kept out more
  // firmly than looksRandom alone does; about 3 in 100 random tokens are lost to this.
  if (!looksRandom(value, 24) || wordiness(value) >= 0.6) return null;
  // A URL's anchor ("classv8_1_1TypedArray.html#a54a48f4...", a generated page's link).
  if (
    text.charCodeAt(start - 1) === 35 &&
    URL_BEFORE.test(text.slice(Math.max(0, start - 200), start))
  ) {
    return null;
  }
  let ctx = before(text, start, 40);
  const nl = ctx.lastIndexOf('\n');
  if (nl >= 0) ctx = ctx.slice(nl + 1);
  if (!LOOSE_WORD.test(ctx)) return null;
  // SSH public keys ("ssh-ed25519 AAAAC3Nza...") are meant to be shared.
  if (value.startsWith('AAAA') || /\bpublic\b|ssh-(?:rsa|ed25519|dss)|ecdsa-sha2/.test(ctx))
    return null;
  if (HASH_CONTEXT.test(ctx) || NON_PERSONAL_NUMBER.test(ctx)) return null;
  if (near(text, start, end, HASH_CONTEXT, 40)) return null;
  if (EXAMPLE_CONTEXT.test(ctx) || notASecret(text, start, value)) return null;
  return { start, end, type: 'API_KEY', score: 0.6, reason: 'near keyword' };
}

/**
 * Whether a random-looking value is known not to be a secret: a key published in a provider's
 * documentation, an object's id ("pi_3Oq..."), a value the words before call an id ("payment
 * id ...", "cache key is ..."), or hex after "@", a pinned commit ("uses:
 * aws-actions/configure-aws-credentials@e3dd6a4...").
 */
function notASecret(text: string, start: number, value: string): boolean {
  return (
    PUBLISHED_KEYS.has(value) ||
    OBJECT_ID.test(value) ||
    // A JSON Web Token is the jwt detector's, which decodes it (and knows jwt.io's sample).
    JWT_SHAPE.test(value) ||
    (value.startsWith('eyJ') && text.charCodeAt(start + value.length) === 46) ||
    (text.charCodeAt(start - 1) === 64 && HEX.test(value)) ||
    ID_BEFORE.test(text.slice(Math.max(0, start - 32), start))
  );
}

/** `Authorization: Basic base64(user:password)`: the decoded pair must have a colon. */
function basicCredentials(start: number, end: number, value: string): Candidate | null {
  const decoded = decodeBase64(value);
  if (decoded === null || !/^[\x20-\x7e]{1,200}:[\x20-\x7e]{1,200}$/.test(decoded)) return null;
  const pass = decoded.slice(decoded.indexOf(':') + 1);
  const fake = /^(?:password|pass|secret|x+|\*+)$/i.test(pass);
  return {
    start,
    end,
    type: 'PASSWORD',
    score: fake ? 0.3 : 0.85,
    reason: fake ? 'placeholder' : 'basic auth',
  };
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // A random 32-hex key whose measured entropy is under 3.5 bits (about one in five are).
    {
      text: 'api_secret: a5aaf90f25faa664c5132e43a4ca9767',
      value: 'a5aaf90f25faa664c5132e43a4ca9767',
    },
    // A token after the Japanese word for one.
    {
      text: 'SCIMで409エラーになります。トークン：scim_68QTyQrtf4acck4d2aNFOSAehcM5rXAqg6RBiQwh\nログ抜粋',
      value: 'scim_68QTyQrtf4acck4d2aNFOSAehcM5rXAqg6RBiQwh',
    },
    // A Slack app's secrets: a signing secret is no GPG signing key's fingerprint.
    {
      text: 'Client Secret: 9c1e4b7a2f6d08e35b9a1c4f7e2d6b03\nSigning Secret: 3b8f1d6a9e2c47b05d1a8f3e6c9b2d74',
      value: '9c1e4b7a2f6d08e35b9a1c4f7e2d6b03',
    },
    {
      text: 'Client Secret: 9c1e4b7a2f6d08e35b9a1c4f7e2d6b03\nSigning Secret: 3b8f1d6a9e2c47b05d1a8f3e6c9b2d74',
      value: '3b8f1d6a9e2c47b05d1a8f3e6c9b2d74',
    },
    // Laravel's key names its encoding first.
    {
      text: 'APP_ENV=production\nAPP_KEY=base64:Xq3vR8tLm2Wz9KpN4yB7cD1fH6jS0aE5gU2iO8rT4wQ=\nAPP_DEBUG=false',
      value: 'Xq3vR8tLm2Wz9KpN4yB7cD1fH6jS0aE5gU2iO8rT4wQ=',
    },
    // A Telegram bot token and a Mailgun key need no keyword (invented values).
    {
      text: 'The bot stopped: 7310482957:AAGx3kQ9vT_pLm2WzR8yNc5JdHe0uFbSaio in the config',
      value: '7310482957:AAGx3kQ9vT_pLm2WzR8yNc5JdHe0uFbSaio',
    },
    {
      text: 'mailgun: key-3f9a1c7e5b2d4086a9e1f0c3b7d5e2a8',
      value: 'key-3f9a1c7e5b2d4086a9e1f0c3b7d5e2a8',
    },
    // A personal access token under its environment name alone (missed while a prefilter
    // that knew no "_PAT" decided whether this detector ran).
    {
      text: 'GITHUB_PAT=Xk9v2LqR7tWm4ZpB8nYc3HdF6sJa1GeU',
      value: 'Xk9v2LqR7tWm4ZpB8nYc3HdF6sJa1GeU',
    },
    {
      text: 'api_key = "72PN234iQ2DReiWTbploIpADhGdJJ3j2"',
      value: '72PN234iQ2DReiWTbploIpADhGdJJ3j2',
    },
    {
      text: 'Authorization uses the key 9175248ba8e0ae63c0b2823447ffd7f1.',
      value: '9175248ba8e0ae63c0b2823447ffd7f1',
    },
    {
      text: '<add key="StorageApiKey" value="x0OMCS7bUNJ59ohP8ZzFTqvXjTFbB173" />',
      value: 'x0OMCS7bUNJ59ohP8ZzFTqvXjTFbB173',
    },
    {
      text: 'curl -H "Authorization: Bearer OSYhY1tlevFuVejbuS2Rm3gBixT4fa26" https://api.acme.io/v1/me',
      value: 'OSYhY1tlevFuVejbuS2Rm3gBixT4fa26',
    },
    {
      text: '{"client_id": "web-portal", "client_secret": "jvJQHl9KC7MYRvvMwv2sFHRRN12Lw5qP"}',
      value: 'jvJQHl9KC7MYRvvMwv2sFHRRN12Lw5qP',
    },
    {
      text: 'MAPBOX_KEY=x0OMCS7bUNJ59ohP8ZzFTqvXjTFbB173',
      value: 'x0OMCS7bUNJ59ohP8ZzFTqvXjTFbB173',
    },
    {
      text: 'X-API-Key: 9175248ba8e0ae63c0b2823447ffd7f1',
      value: '9175248ba8e0ae63c0b2823447ffd7f1',
    },
    {
      text: 'my api key is c303db55-2d83-4405-899a-7ab761aab9f9',
      value: 'c303db55-2d83-4405-899a-7ab761aab9f9',
    },
    {
      text: 'SENTRY_AUTH_TOKEN: moelA38UHRNoFho99g815zQ/PJVniHO+r82w+MgN',
      value: 'moelA38UHRNoFho99g815zQ/PJVniHO+r82w+MgN',
    },
    {
      text: 'Authorization: Basic amRvZTpXaW50ZXIyMDI0IQ==',
      value: 'amRvZTpXaW50ZXIyMDI0IQ==',
    },
    {
      text: 'HF_TOKEN=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',
      value: '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',
    },
    {
      text: 'docker login -u acme -p dckr_pat_xUvW9o75BFnCQ3MMiNUMaGBYSN5',
      value: 'dckr_pat_xUvW9o75BFnCQ3MMiNUMaGBYSN5',
    },
  ],
  noMatch: [
    // An Apple crash report's anonymous device hash.
    'Incident Identifier: 5C3A9B1E-77D2-453A-BD7C-DEB1660D4804\nCrashReporter Key:   702cffc981238c1b51bddf46b18b9fe69c5c75ba\nHardware Model:      iPhone15,3',
    // A URL's anchor beside an "api" path.
    '[`v8::TypedArray::kMaxLength`]: https://v8.github.io/api/head/classv8_1_1TypedArray.html#a54a48f4373da0850663c4393d843b9b0',
    // A PGP key's fingerprint: public, not a secret.
    "  * Add Simon Josefsson's key B1D2BD1375BECB784CF4F8C4D73CF638C53C06BE\n    to signing-key.asc.",
    'bot 123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA is the placeholder',
    'Use the public key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx9Zr3kQ8wN2mT5yV7bH4jL6pC1dF0gS9aE3uK8oI2r',
    'The cache key is user:42:profile and the primary key is (tenant_id, id).',
    'Stripe says auth code 084412, payment id pi_3OqK9z2eZvKYlo2C0d4T7hQm, was declined.',
    '      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502',
    'The cache key in CloudFront is 8bf8c6b3ae211841f9851eee641e5535711ac526 for that path.',
    'STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    'token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    'commit sha: 682b7929ab09897fc1476699a1d67803a2b4c6d8',
    'token: 682b7929ab09897fc1476699a1d67803a2b4c6d8 (commit of the fix)',
    'request_id: c303db55-2d83-4405-899a-7ab761aab9f9',
    'api_key = "YOUR_API_KEY_HERE"',
    'api_key: <your api key>',
    'token_type: "Bearer", expires_in: 3600',
    'max_tokens: 4096, "usage": {"prompt_tokens": 12}',
    'Set the secret in the vault and rotate the api key monthly.',
    'access_token = get_access_token_from_cache()',
    'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
    'auth: required, token: optional',
    'integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"',
    'NEXT_PUBLIC_STRIPE_KEY=pk_live_72PN234iQ2DReiWTbploIpADhGdJJ3j2',
    'api_key = "abcdefghijklmnopqrstuvwxyz123456"',
    'secret: my_super_secret_signing_value_for_jwt',
  ],
};
