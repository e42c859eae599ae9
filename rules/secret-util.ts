import type { Candidate, TextTest } from './types.ts';
import { before } from './context.ts';
import { keywords } from './keywords.ts';
import { matchesOf } from './scan-util.ts';

/**
 * Helpers shared by the secrets detectors (rules/detectors/{aws-key,...,generic-secret}.ts):
 * randomness measures, placeholder recognition, a tiny base64url decoder and CRC-32, and the
 * cheap searches that decide where (and whether) they look at all: one pass for the keywords of
 * several of them (keywordStarts) and literal searches from a rare character (holds).
 *
 * A secret is recognised by two things: a shape (a provider prefix, a keyword beside it) and
 * randomness. Documentation, tutorials and support replies are full of the shape without the
 * randomness (`ghp_xxxxxxxx...`, `AKIAIOSFODNN7EXAMPLE`, `password: <your password>`), so every
 * detector here asks these helpers whether a value is random before it raises an alarm.
 */

// Character counts for shannonEntropy: ASCII in a table (left zeroed after each use), the rest
// in a map.
const ASCII_COUNTS = new Uint32Array(128);

/** Shannon entropy of `s` in bits per character (0 for an empty string). */
export function shannonEntropy(s: string): number {
  const n = s.length;
  let other: Map<number, number> | null = null;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) ASCII_COUNTS[c]!++;
    else (other ??= new Map()).set(c, (other.get(c) ?? 0) + 1);
  }
  // Summed in order of first occurrence, as a map of all counts would be, so the sum is the same
  // to the last bit.
  let h = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = c < 128 ? ASCII_COUNTS[c]! : (other!.get(c) ?? 0);
    if (k === 0) continue;
    if (c < 128) ASCII_COUNTS[c] = 0;
    else other!.delete(c);
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Which character classes occur in `s`. */
export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  /** Anything else: punctuation, symbols, non-ASCII. */
  other: boolean;
  /** How many of the four occur. */
  count: number;
}

/** The character classes present in `s`. */
export function charClasses(s: string): CharClasses {
  let lower = false;
  let upper = false;
  let digit = false;
  let other = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else other = true;
  }
  const count = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  return { lower, upper, digit, other, count };
}

/**
 * The entropy a random string of this length is expected to reach at least. A string of n
 * distinct characters has log2(n) bits per character at most, so short strings cannot reach
 * a fixed 3.5; the 0.8 factor leaves room for the repeats that random strings do have.
 * Random base62 strings of 20 characters measure about 4.0, random hex of 32 about 3.7, while
 * words and identifiers (`access_token_expires`) stay near 3.0 to 3.4.
 */
export function entropyFloor(length: number): number {
  return Math.min(3.5, 0.8 * Math.log2(Math.max(2, length)));
}

// Words that documentation puts where a real value would go.
const PLACEHOLDER_WORDS =
  /example|sample|placeholder|redacted|dummy|insert|replace|your[_-]?|change[_-]?it|change[_-]?me|xxxx|(?:^|[_-])here$|[_-]here[_-]/i;

/**
 * API keys that providers publish in their documentation and every tutorial copies (Stripe's
 * test keys): an example wherever it stands.
 */
export const PUBLISHED_KEYS: ReadonlySet<string> = new Set([
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
]);

/**
 * True when a token-shaped value is a stand-in rather than a secret: a run of one repeated
 * character (`xxxxx`, `00000`), an ascending run (`abcdef`, `123456`), or a placeholder word
 * (`EXAMPLE`, `your_key_here`). Real random tokens almost never contain either: five equal
 * characters in a row occur in a random 40-character base62 string with probability ~2e-6.
 */
export function isPlaceholderToken(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  let same = 1;
  let up = 1;
  for (let i = 1; i < value.length; i++) {
    const a = value.charCodeAt(i - 1);
    const b = value.charCodeAt(i);
    same = a === b ? same + 1 : 1;
    up = b === a + 1 && isAlnumCode(a) && isAlnumCode(b) ? up + 1 : 1;
    if (same >= 5 || up >= 6) return true;
  }
  return false;
}

const WORDS_JOINED = /^[A-Za-z]+(?:[_.\-\s][A-Za-z]+)+$/;
const CAMEL_WORDS = /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$/;

/**
 * The share of `value` made of word-like runs (an optional capital and two or more lower-case
 * letters): 0.8 to 0.95 for identifiers such as mustBeStringOrUint8Array, about 0.3 for random
 * base62 (above 0.78 for fewer than 1 in 200 random strings of 20 to 40 characters).
 */
export function wordiness(value: string): number {
  // The total length of the matches of /[A-Z]?[a-z]{2,}/g, counted by hand: it runs on many
  // candidate tokens a scan, and the regex made a pattern, an iterator and a match per run.
  let n = 0;
  for (let i = 0; i < value.length;) {
    const capital = isUpperAscii(value.charCodeAt(i)) ? 1 : 0;
    let j = i + capital;
    while (j < value.length && isLowerAscii(value.charCodeAt(j))) j++;
    if (j - i - capital >= 2) {
      n += j - i;
      i = j;
    } else {
      i++;
    }
  }
  return value.length === 0 ? 0 : n / value.length;
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * True when `value` looks machine-generated: long enough, entropy above the floor for its
 * length, at least two character classes, and not a placeholder.
 */
export function looksRandom(value: string, minLength = 16): boolean {
  if (value.length < minLength) return false;
  const cls = charClasses(value);
  if (cls.count < 2) return false;
  // Words joined by separators or by camelCase are names, not tokens: access_token_expires,
  // getAccessToken, YOUR-API-KEY.
  if (!cls.digit && (WORDS_JOINED.test(value) || CAMEL_WORDS.test(value))) return false;
  if (wordiness(value) >= 0.78) return false;
  if (shannonEntropy(value) < hexAwareFloor(value)) return false;
  return !isPlaceholderToken(value);
}

/**
 * entropyFloor, lowered for hex: sixteen symbols give at most 4 bits a character, and about one
 * random 32-character hex key in five measures under 3.5 (one in 250 under 3.2).
 */
function hexAwareFloor(value: string): number {
  const floor = entropyFloor(value.length);
  return HEX_ONLY.test(value) ? Math.min(floor, 3.2) : floor;
}
const HEX_ONLY = /^(?:[0-9a-f]+|[0-9A-F]+)$/;

/**
 * A provider token's body (the part after a fixed prefix) is random enough to be real. Looser
 * than looksRandom: the prefix already says what it is, so only stand-ins are ruled out.
 */
export function randomBody(body: string): boolean {
  if (isPlaceholderToken(body)) return false;
  return shannonEntropy(body) >= Math.min(3.0, entropyFloor(body.length));
}

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters of standard base64 without its padding: letters, digits, + and /. */
export function isBase64Code(c: number): boolean {
  return isAlnumCode(c) || c === 43 || c === 47;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX[B64URL.charCodeAt(i)] = i;
// Standard base64 too, so one decoder serves JWTs and Basic credentials.
B64_INDEX[43] = 62; // '+'
B64_INDEX[47] = 63; // '/'

/**
 * Decodes base64 or base64url (padding optional) into a string of byte values (one char per
 * byte, 0..255). Returns null on a character outside the alphabet or an impossible length.
 * Written here because `atob` is not part of the engine's ES-only library.
 */
export function decodeBase64(input: string): string | null {
  let s = input;
  while (s.endsWith('=')) s = s.slice(0, -1);
  if (s.length % 4 === 1) return null;
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) return null;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  let str = '';
  for (let i = 0; i < out.length; i += 4096) {
    str += String.fromCharCode(...out.slice(i, i + 4096));
  }
  return str;
}

/** Parses `bytes` (from decodeBase64) as a JSON object; null when it is not one. */
export function parseJsonObject(bytes: string | null): Record<string, unknown> | null {
  // Both ends are checked first: a throwing JSON.parse costs tens of microseconds, and a text
  // full of broken tokens would otherwise pay it for each.
  if (bytes === null || !bytes.trimStart().startsWith('{') || !bytes.trimEnd().endsWith('}')) {
    return null;
  }
  try {
    const v: unknown = JSON.parse(bytes);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as zlib) of an ASCII string. */
export function crc32(s: string): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++) {
    crc = crcTable[(crc ^ s.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `n` in base62 (0-9, A-Z, a-z), left-padded with zeros to `width`. */
export function toBase62(n: number, width: number): string {
  let out = '';
  let v = n;
  do {
    out = BASE62[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

// Masks (`****`, `xxxx`, `...`), bracketed names (`<password>`, `[REDACTED]`), template syntax
// (`${X}`, `{{x}}`, `%s`, `$1`), and a variable or bind parameter alone: $DB_PASS, :password,
// @Password, %(pw)s.
const TEMPLATE =
  /^[*•●xX.#?_-]+$|^[<[{(].*[>\]})]$|\$\{|\$\(|\{\{|\}\}|^%[sd(]|^\$\d|^[$:@][A-Za-z_][\w.]*$|\*{3,}|•{3,}|x{4,}|X{4,}|\.{3,}|…/;

/**
 * Values that stand in for a secret in documentation, templates and redacted logs:
 * `<password>`, `${DB_PASS}`, `{{secret}}`, `%s`, `********`, `[REDACTED]`, `$PASSWORD`,
 * `%(password)s`, `:password`, `xxx`, `...`. Used for password-like values, which have no
 * provider prefix to go by.
 */
export function isTemplateValue(value: string): boolean {
  const v = value.trim();
  return (
    v.length === 0 ||
    TEMPLATE.test(v) ||
    (/^(?:%[0-9A-F]{2})+$/i.test(v) && v.length <= 6) ||
    /redacted|placeholder|masked|hidden|removed|omitted/i.test(v)
  );
}

/** A URL with credentials in it, as found by findUrlsWithUserinfo. */
export interface UserinfoUrl {
  start: number;
  end: number;
  /** Lower-cased, without a `jdbc:` prefix. */
  scheme: string;
  user: string;
  /** Null when the userinfo has no colon (`https://TOKEN@host`). */
  password: string | null;
  host: string;
}

// scheme://user:password@host[:port][,host2...][/path?query#fragment]. The user stops at the
// first colon; the password may contain colons, `@` (the last `@` before the host wins,
// within 128 characters), and `#` and `?`, which .env files leave unescaped
// ("postgres://admin:Xk9#pL2vQw@db"); every part is bounded and the scan stays linear.
const USERINFO_URL =
  /((?:jdbc:)?[A-Za-z][A-Za-z0-9+.-]{1,30}):\/\/([^\s:/?#@"'`<>]{0,128})(?::([^\s/"'`<>]{0,128}))?@([A-Za-z0-9._~%[\]:,-]{1,255})((?:[/?#][^\s"'`<>]{0,1000})?)/y;

let urlText: string | null = null;
let urlsFound: readonly UserinfoUrl[] = [];

/**
 * Every `scheme://user[:password]@host...` in `text`, trailing punctuation trimmed. Kept for the
 * last text: connection-string and url-credentials both read them.
 */
export function findUrlsWithUserinfo(text: string): readonly UserinfoUrl[] {
  if (text !== urlText) urlsFound = urlsIn(text);
  // Equal text may be another string object: keep this one, so the next check is on identity.
  urlText = text;
  return urlsFound;
}

function urlsIn(text: string): UserinfoUrl[] {
  const out: UserinfoUrl[] = [];
  // Driven by each "://" rather than a regex tried at every position: the scheme is read
  // backwards from it, and the URL is only parsed when an "@" follows closely.
  let nextAt = -1;
  let nextBlank = -1;
  let done = 0;
  for (
    let idx = text.indexOf('://');
    idx >= 0;
    idx = text.indexOf('://', Math.max(idx + 3, done))
  ) {
    // The next "@" and the next blank are found once and reused while idx moves towards them,
    // so a text full of "://" costs one pass.
    if (nextAt < idx + 3) {
      nextAt = text.indexOf('@', idx + 3);
      if (nextAt < 0) break;
    }
    if (nextBlank < idx + 3) {
      const b = text.slice(idx + 3).search(/\s/);
      nextBlank = b < 0 ? text.length : idx + 3 + b;
    }
    if (nextAt > nextBlank || nextAt - idx > 262) continue;
    let s = idx;
    while (s > 0 && idx - s < 36 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    while (s < idx && !isLetter(text.charCodeAt(s))) s++;
    USERINFO_URL.lastIndex = s;
    const m = USERINFO_URL.exec(text);
    if (m === null) continue;
    const host = m[4]!;
    if (!/[A-Za-z0-9]/.test(host)) continue;
    done = m.index + m[0].length;
    out.push({
      start: m.index,
      end: trimPunctuation(text, m.index, done),
      scheme: m[1]!.toLowerCase().replace(/^jdbc:/, ''),
      user: m[2]!,
      password: m[3] ?? null,
      host: host.replace(/[.,;:]+$/, ''),
    });
  }
  return out;
}

/**
 * `end` moved back over closing punctuation: a URL at the end of a sentence or inside brackets
 * does not own it.
 */
export function trimPunctuation(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[.,;:!?)\]}]/.test(text[e - 1]!)) e--;
  return e;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Scheme characters, and the colon of a `jdbc:` prefix. */
function isSchemeChar(c: number): boolean {
  return isAlnumCode(c) || c === 43 || c === 46 || c === 45 || c === 58;
}

/** Schemes of databases and message brokers, with SQLAlchemy-style `+driver` suffixes. */
export const DB_SCHEME =
  /^(?:postgres(?:ql)?|pg|mysql|mysqlx|mariadb|mongodb|redis|rediss|valkey|amqps?|rabbitmq|mssql|sqlserver|oracle|db2|cockroach(?:db)?|clickhouse|couchdb|couchbase|cassandra|neo4j|bolt|nats|kafka|memcached?|snowflake|presto|trino|influxdb|timescaledb|sqlite|tidb|yugabyte(?:db)?|vertica|redshift|elasticsearch|opensearch)(?:\+[a-z0-9]+)*$/;

// Passwords that documentation writes where the real one would go.
const PLACEHOLDER_PASSWORD =
  /^(?:(?:enter|insert|put|type)[_-]?)?(?:your|my|the|db|some|new|user|admin|app|example|sample|dummy|fake)?[_-]?(?:password|passwd|pass|pwd|pw|pword|secret)(?:[_-]?here)?$|^(?:foo|bar|baz|qux|xxx+|yyy+|zzz+|abc|test|change[_-]?(?:me|it))$|^(?:your|my)[_-][a-z]+(?:[_-][a-z]+)*$/i;

/** True when a credential in a URL or key-value string is a stand-in for the real one. */
export function isPlaceholderPassword(password: string): boolean {
  return isTemplateValue(password) || PLACEHOLDER_PASSWORD.test(password);
}

/** Hosts that only appear in documentation (RFC 2606 / 6761 names). */
function isDocumentationHost(host: string): boolean {
  return /(?:^|\.)(?:example\.(?:com|org|net)|test|invalid|example)(?::\d+)?$|^(?:host|hostname|server|your[_-]?host|myhost|db[_-]?host)(?::\d+)?$/i.test(
    host,
  );
}

/** Hosts on the developer's own machine. */
function isLocalHost(host: string): boolean {
  return /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?::\d+)?$/i.test(
    host,
  );
}

// Words that introduce documentation rather than someone's own credential. Not a part of a
// host, an address or a path ("git.example.com", "/sample/"): those describe another value.
const EXAMPLE_WORDS =
  /(?<![.@/:_-])\b(?:example|examples|e\.g\.|for instance|such as|sample|format|syntax|placeholder|template)\b(?![.@/_-]\w)/;

/**
 * A user and password found together (connection-string, url-credentials), from [start, end):
 * placeholders, published defaults and documentation hosts stay below 0.5, and so does one that
 * the 60 characters before it call an example ("for example: postgres://...").
 */
export function credentialCandidate(
  text: string,
  start: number,
  end: number,
  user: string,
  password: string,
  host: string,
): Candidate {
  const [score, reason] = isPlaceholderPassword(password)
    ? [0.2, 'placeholder']
    : // guest:guest, postgres:postgres, admin:admin: published defaults, not secrets.
      user !== '' && user.toLowerCase() === password.toLowerCase()
      ? [0.4, 'default credentials']
      : isDocumentationHost(host)
        ? [0.35, 'documentation host']
        : // A password for a database on the developer's machine is real but rarely reused.
          isLocalHost(host)
          ? [0.75, 'local host']
          : // Above the email detector's 0.95: "pw@db.example.io" inside the URL also looks
            // like an address, and the whole string is the better finding.
            [0.96, 'password'];
  return unlessExample(text, { start, end, type: 'URL_CREDENTIALS', score, reason });
}

/** Lowers `c` by 0.5 when the 60 characters before it say that it is an example. */
export function unlessExample(text: string, c: Candidate): Candidate {
  if (c.score > 0.5 && EXAMPLE_WORDS.test(before(text, c.start, 60))) {
    c.score -= 0.5;
    c.reason = 'example context';
  }
  return c;
}

/**
 * A provider token at [start, end): `score` and `reason` when its body looks random, else the
 * 0.2 of a documentation placeholder (`glpat-xxxxxxxx`, `SG.your-key-here`).
 */
export function tokenCandidate(
  start: number,
  end: number,
  real: boolean,
  score: number,
  reason = 'format',
): Candidate {
  return {
    start,
    end,
    type: 'API_KEY',
    score: real ? score : 0.2,
    reason: real ? reason : 'placeholder',
  };
}

/**
 * A token whose shape alone is evidence (azure-key, twilio-key): 0.95 with its provider's words
 * near it, 0.8 without, and the 0.2 of a placeholder when its body is not random.
 */
export function formatCandidate(
  start: number,
  end: number,
  real: boolean,
  context: boolean,
): Candidate {
  return {
    start,
    end,
    type: 'API_KEY',
    score: !real ? 0.2 : context ? 0.95 : 0.8,
    reason: context ? 'context' : 'format',
  };
}

/**
 * Provider tokens of one shape: the pattern (global), its score, its prefix's length, and the
 * plain text every match starts with (empty when the pattern starts otherwise).
 */
export type TokenRule = readonly [re: RegExp, score: number, prefix: number, literal: string];

/** The plain characters a pattern source starts with, up to its first special character. */
const LEADING_LITERAL = /^[^\\^$.|?*+()[\]{}]*/;

/**
 * Rules from a list of `score prefix pattern` triples (score in hundredths), separated by blanks.
 * Each pattern is put after `(?<![\w-])`, so a token never starts inside a longer one, and a `$`
 * at its end stands for `(?![\w-])`, so it never ends inside one either. One string instead of a
 * table of objects and regular expressions: the engine ships smaller.
 */
export function tokenRules(spec: string): TokenRule[] {
  const f = spec.trim().split(/\s+/);
  const out: TokenRule[] = [];
  for (let i = 0; i < f.length; i += 3) {
    const source = f[i + 2]!.replace(/\$$/, '(?![\\w-])');
    const literal = LEADING_LITERAL.exec(source)![0];
    out.push([new RegExp('(?<![\\w-])' + source, 'g'), +f[i]! / 100, +f[i + 1]!, literal]);
  }
  return out;
}

/**
 * Adds the tokens `rules` find in `text` to `out`, each real when its body is random: the first
 * capture group of its pattern, or what follows the prefix when the pattern has none.
 */
export function pushTokens(text: string, rules: readonly TokenRule[], out: Candidate[]): void {
  for (const [re, score, prefix, literal] of rules) {
    // A string search finds that a rule's prefix is absent far faster than its pattern does:
    // on 1 MB of tickets, generic-secret's 21 rules cost ~10 ms as patterns.
    if (literal !== '' && !text.includes(literal)) continue;
    for (const m of matchesOf(text, re)) {
      const real = randomBody(m[1] ?? m[0].slice(prefix));
      out.push(tokenCandidate(m.index, m.index + m[0].length, real, score));
    }
  }
}

/**
 * Words that name a password, in the languages support text arrives in (rules/detectors/
 * password.ts). Strong ones name nothing else; weak ones (pass, pw, pwd, pin...) also mean
 * other things, so what follows them must look more like a password.
 */
export const PASSWORD_STRONG = (
  'password|passwd|passwort|kennwort|passphrase|passcode|mot de passe|mot_de_passe|contraseña|' +
  'contrasena|senha|wachtwoord|lösenordet|lösenord|losenord|adgangskoden|adgangskode|salasana|hasło|haslo|heslo|jelszó|' +
  'parola|пароль|パスワード|密码|密碼|비밀번호|identified by|requirepass|masterauth|' +
  'initialpasswort|einmalpasswort|startpasswort|wpa2 key|wpa key|wpa2-schlüssel|wpa-schlüssel|' +
  'clé wpa2|clé wpa|wlan-schlüssel|netzwerkschlüssel|wifi password|wi-fi password|' +
  // Turkish inflects the word: "şifrem" (my password), "şifresini" (its password).
  'şifrenizi|şifresini|şifreniz|şifremi|şifresi|şifrem|şifre|sifresini|sifresi|sifrem|sifre|' +
  // The Nordic definite forms ("adgangskoden", the password); Norwegian; Georgian (პაროლია, the
  // password is), Arabic, Persian ("رمزم", my password), Hindi and Tamil loanwords, Vietnamese.
  'passordet|passord|პაროლია|პაროლი|كلمة المرور|كلمة مرور|كلمة السر|رمز عبور|' +
  'رمزم|पासवर्ड|பாஸ்வேர்ட்|mật khẩu'
).split('|');
export const PASSWORD_WEAK = 'pass|pwd|pw|psk|mdp|clave|pincode|pin code|pin-code|pin'.split('|');

// Every keyword of rules/detectors/generic-secret.ts holds one of the first six words, at most
// SECRET_KEYWORD_LEAD characters from its start; the next ones start the other words it reads a
// loose token after (api, clave, cle, clé, schlüssel, llave, jeton, chiave, and the CJK words for
// token, secret and key); the next start or
// hold the prefixes of provider tokens it knows (pat..., pypi-, pplx-, sk-or-v1-, sq0...,
// ATATT3); aws-key and twilio-key look for "secret", "twilio" and "auth token" here too.
const SECRET_KEYWORDS = keywords([
  ...'key secret token auth bearer credential api cla cle clé schl llave jeton chiave pat pypi pplx sk-or sq0 atatt3 twilio トークン シークレット キー 令牌 密钥 토큰'.split(
    ' ',
  ),
  ...PASSWORD_STRONG,
  ...PASSWORD_WEAK,
]);
/** How far into a generic-secret keyword its secret word may start (`personal_access_token`). */
export const SECRET_KEYWORD_LEAD = 16;

/**
 * Where a password or secret keyword may be in `text`: every place where one of the words above
 * starts, overlapping ones included. The password and generic-secret detectors try their keyword
 * patterns only there (matchAllAt in rules/context.ts), and aws-key and twilio-key look there for
 * their words. The words are found by the shared pass of rules/keywords.ts, which every scan
 * runs anyway: each of the four used to run its own prefilter and keyword alternations over the
 * whole text, and then one regular expression served them, still a pass of its own. Matching
 * ignores case as a regular expression's `i` flag does without `u`: it misses only what `u` adds
 * to the password pattern's `giu`, ſ read as s and the Kelvin sign as k, which the engine's NFKC
 * normalisation has already turned into s and K. A word may start at more places than its
 * detector's pattern matches ("pat" for Airtable's `pat[A-Za-z0-9]{14}.`): each pattern is tried
 * at these places, so the extra ones only fail.
 */
export function keywordStarts(text: string): readonly number[] {
  return SECRET_KEYWORDS.at(text);
}

/** Offsets of every `ch` in `text`, in order: indexOf finds a character at memory speed. */
export function offsetsOf(text: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) out.push(i);
  return out;
}

/** Whether the sticky `re` matches at one of `positions`. */
export function stickyAt(text: string, re: RegExp, positions: readonly number[]): boolean {
  // Indexed: a for-of over the (frozen or not) arrays it is given allocates in every scan.
  for (let i = 0; i < positions.length; i++) {
    re.lastIndex = positions[i]!;
    if (re.test(text)) return true;
  }
  return false;
}

/**
 * A prefilter that passes when `text` holds one of `parts`: a plain string, or [ch, re] where
 * the sticky `re` matches at an occurrence of the character `ch` (a look-behind in `re` reads
 * what comes before it). A pattern that is not a plain string is tried at every position of the
 * text, about a microsecond per 2 KB however rare its first character, while indexOf jumps from
 * one occurrence of a character to the next: each part should start with, or be found from, a
 * character that is rare in prose.
 */
export function holds(...parts: ReadonlyArray<string | readonly [string, RegExp]>): TextTest {
  return {
    test(text) {
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        if (typeof p === 'string') {
          if (text.includes(p)) return true;
          continue;
        }
        const [ch, re] = p;
        for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
          re.lastIndex = i;
          if (re.test(text)) return true;
        }
      }
      return false;
    },
  };
}
