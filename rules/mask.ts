/**
 * Masking: replace found values in a text. Pure and separate from detection, so the content
 * script, the CLI and the dashboard's playground mask the same way.
 *
 * Strategies:
 * - `redact`: `[REDACTED]`.
 * - `token`: `[EMAIL_1]`; the same value always gets the same token within a vault (a session),
 *   and `unmask` restores the values from the map. The map holds raw values: it must stay where
 *   the text came from (the tab), never stored unencrypted, never sent.
 * - `partial`: keep just enough to recognise the value (`•••• •••• •••• 6467`, `j•••@mail.com`).
 * - `synthetic`: a made-up value of the same shape. Values with a checksum (cards, IBANs, ids)
 *   are made to FAIL their checksum on purpose: they can never be a real account, and the guard
 *   does not flag its own output on the next send.
 */
import { TYPE_INFO, type EntityType, type Finding } from './types.ts';
// The shared Luhn check: breakLastDigit calls it only on a non-empty run of ASCII digits.
import { luhn } from './checksums.ts';

export type MaskStrategy = 'redact' | 'token' | 'partial' | 'synthetic';
export const MASK_STRATEGIES: readonly MaskStrategy[] = ['redact', 'token', 'partial', 'synthetic'];

export function isMaskStrategy(value: unknown): value is MaskStrategy {
  return typeof value === 'string' && (MASK_STRATEGIES as readonly string[]).includes(value);
}

/** Token -> original value, for `unmask`. Raw values: keep it in memory where the text lives. */
export type TokenMap = Record<string, string>;

/** One replacement, with offsets in the masked output (for highlighting and Undo). */
export interface Replacement {
  start: number;
  end: number;
  type: EntityType;
  /** Offsets of the value in the input text. */
  sourceStart: number;
  sourceEnd: number;
}

export interface MaskResult {
  text: string;
  /** Tokens created or reused by this call (token strategy only; empty otherwise). */
  map: TokenMap;
  replacements: Replacement[];
}

export interface MaskOptions {
  strategy: MaskStrategy;
  /** Keeps token numbering and synthetic values consistent across calls (a conversation). */
  vault?: TokenVault;
}

/**
 * Session state for consistent masking: the same value always gets the same token and the same
 * synthetic stand-in. The seed must be secret and random per session (the caller draws it), or
 * synthetic values could be mapped back by trying every possible value.
 */
export class TokenVault {
  private readonly byKey = new Map<string, string>();
  private readonly byToken = new Map<string, string>();
  private readonly counters = new Map<EntityType, number>();
  private readonly synthetic = new Map<string, string>();
  readonly seed: number;

  constructor(options: { seed?: number } = {}) {
    this.seed = (options.seed ?? 0x9e3779b9) >>> 0;
  }

  /** The token for `value` of `type`, creating `[TYPE_n]` on first sight. */
  tokenFor(type: EntityType, value: string): string {
    const key = `${type}\u0000${canonical(type, value)}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    const token = `[${type}_${n}]`;
    this.byKey.set(key, token);
    this.byToken.set(token, value);
    return token;
  }

  /** The original value behind a token, if this vault made it. */
  valueFor(token: string): string | undefined {
    return this.byToken.get(token);
  }

  /** A stable synthetic stand-in for `value`. */
  syntheticFor(type: EntityType, value: string): string {
    const key = `${type}\u0000${canonical(type, value)}`;
    let out = this.synthetic.get(key);
    if (out === undefined) {
      out = makeSynthetic(type, value, rng(fnv1a(key) ^ this.seed));
      this.synthetic.set(key, out);
    }
    return out;
  }

  /**
   * Every synthetic stand-in this vault has made. They are made-up values that may look real to
   * a detector; the network backstop lets them leave, since Hush itself put them there.
   */
  standIns(): string[] {
    return [...this.synthetic.values()];
  }

  /** Every token this vault has made, for unmask across a whole conversation. */
  toMap(): TokenMap {
    return Object.fromEntries(this.byToken);
  }
}

/** Values that differ only in formatting are the same value (`4111 1111` = `4111-1111`). */
function canonical(type: EntityType, value: string): string {
  switch (TYPE_INFO[type].group) {
    case 'payment':
    case 'government-id':
    case 'health':
      return value.replace(/[\s.\-/]/g, '').toUpperCase();
    case 'contact':
      return type === 'PHONE'
        ? value.replace(/[^\d+]/g, '')
        : value.replace(/\s+/g, ' ').trim().toLowerCase();
    default:
      return value;
  }
}

/**
 * Masks `findings` in `text`. Findings may come in any order; overlapping ones are merged into
 * the first (by start), so the output never carries half a value.
 */
export function mask(text: string, findings: readonly Finding[], options: MaskOptions): MaskResult {
  const vault = options.vault ?? new TokenVault();
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  const replacements: Replacement[] = [];
  const map: TokenMap = {};
  let cursor = 0;
  let outLength = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = sorted[i]!;
    if (f.start < cursor || f.end <= f.start || f.end > text.length) continue;
    // Swallow later findings that overlap this one.
    let end = f.end;
    while (i + 1 < sorted.length && sorted[i + 1]!.start < end) {
      end = Math.max(end, sorted[i + 1]!.end);
      i++;
    }
    const value = text.slice(f.start, end);
    const replacement = replace(f.type, value, options.strategy, vault);
    if (options.strategy === 'token') map[replacement] = vault.valueFor(replacement) ?? value;
    const before = text.slice(cursor, f.start);
    parts.push(before, replacement);
    outLength += before.length;
    replacements.push({
      start: outLength,
      end: outLength + replacement.length,
      type: f.type,
      sourceStart: f.start,
      sourceEnd: end,
    });
    outLength += replacement.length;
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), map, replacements };
}

function replace(type: EntityType, value: string, strategy: MaskStrategy, vault: TokenVault) {
  switch (strategy) {
    case 'redact':
      return '[REDACTED]';
    case 'token':
      return vault.tokenFor(type, value);
    case 'partial':
      return partial(type, value);
    case 'synthetic':
      return vault.syntheticFor(type, value);
  }
}

const TOKEN = /\[([A-Z][A-Z_]{1,30})_(\d{1,6})\]/g;

/** Puts the values behind `[TYPE_n]` tokens back. Unknown tokens are left as they are. */
export function unmask(text: string, map: TokenMap): string {
  return text.replace(TOKEN, (token) => (Object.hasOwn(map, token) ? map[token]! : token));
}

const DOT = '•';

/** Keeps what lets a person recognise the value, hides the rest. */
export function partial(type: EntityType, value: string): string {
  const group = TYPE_INFO[type].group;
  if (type === 'EMAIL') {
    const at = value.lastIndexOf('@');
    if (at > 0) return value[0] + DOT.repeat(Math.max(3, at - 1)) + value.slice(at);
  }
  if (type === 'PERSON') {
    return value.replace(/\p{L}[\p{L}'’-]*/gu, (w) => w[0] + DOT.repeat(Math.max(2, w.length - 1)));
  }
  if (group === 'secret') {
    // A provider prefix (ghp_, sk_live_, AKIA) says which key it was without revealing it.
    const prefix =
      /^(?:[A-Za-z]{2,12}[_-](?:[a-z]{2,8}[_-])?|AKIA|ASIA|AIza|eyJ)/.exec(value)?.[0] ?? '';
    return prefix + DOT.repeat(8);
  }
  // Numbers and ids: hide every letter and digit but the last four (cards, accounts, phones).
  const alnum = value.replace(/[^\p{L}\p{N}]/gu, '').length;
  const keep = alnum >= 9 ? 4 : alnum >= 7 ? 2 : 0;
  let seen = 0;
  let out = '';
  for (const ch of value) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      seen++;
      out += seen > alnum - keep ? ch : DOT;
    } else {
      out += ch;
    }
  }
  return out;
}

// --- synthetic values -------------------------------------------------------------------------

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough to pick stand-in characters. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Alex',
  'Sam',
  'Jordan',
  'Robin',
  'Kim',
  'Taylor',
  'Morgan',
  'Charlie',
  'Jamie',
  'Riley',
];
const LAST = ['Example', 'Sample', 'Placeholder', 'Testman', 'Doe', 'Roe', 'Public', 'Demo'];

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)]!;
}

/** Same shape: each digit a digit, each letter a letter of the same case, separators kept. */
function scramble(value: string, r: () => number, keepPrefix = 0): string {
  let out = value.slice(0, keepPrefix);
  for (const ch of value.slice(keepPrefix)) {
    if (ch >= '0' && ch <= '9') out += String(Math.floor(r() * 10));
    else if (ch >= 'a' && ch <= 'z') out += String.fromCharCode(97 + Math.floor(r() * 26));
    else if (ch >= 'A' && ch <= 'Z') out += String.fromCharCode(65 + Math.floor(r() * 26));
    else out += ch;
  }
  return out;
}

/** Changes the last digit so that a Luhn or mod-97 check fails (never a real account). */
function breakLastDigit(value: string, valid: (digits: string) => boolean): string {
  const idx = value.search(/\d(?=\D*$)/);
  if (idx < 0) return value;
  const digits = value.replace(/\D/g, '');
  if (!valid(digits)) return value;
  const d = (Number(value[idx]) + 1) % 10;
  return value.slice(0, idx) + d + value.slice(idx + 1);
}

function makeSynthetic(type: EntityType, value: string, r: () => number): string {
  switch (type) {
    case 'PERSON': {
      const words = value.trim().split(/\s+/).length;
      const name = words <= 1 ? pick(FIRST, r) : `${pick(FIRST, r)} ${pick(LAST, r)}`;
      return value === value.toLowerCase() ? name.toLowerCase() : name;
    }
    case 'EMAIL': {
      // Reserved documentation domain: never anyone's mailbox.
      return `${pick(FIRST, r).toLowerCase()}.${pick(LAST, r).toLowerCase()}@example.com`;
    }
    case 'ADDRESS':
      return `${1 + Math.floor(r() * 98)} Example Street`;
    case 'CREDIT_CARD': {
      // Keep the first digit (the brand) and the grouping; fail Luhn on purpose.
      return breakLastDigit(scramble(value, r, 1), luhn);
    }
    case 'IBAN': {
      // Keep the country; scramble the rest; check digits "00" never pass mod-97.
      const compact = value.replace(/\s/g, '');
      const body = scramble(compact.slice(4), r);
      const iban = `${compact.slice(0, 2).toUpperCase()}00${body}`;
      return value.includes(' ') ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban;
    }
    case 'US_SSN':
      // Area 9xx is never issued as an SSN.
      return scramble(value, r).replace(/^\d/, '9');
    case 'DATE_OF_BIRTH':
      return value.replace(/\d+/g, (g) =>
        g.length === 4
          ? String(1940 + Math.floor(r() * 66))
          : String(1 + Math.floor(r() * 12)).padStart(g.length, '0'),
      );
    case 'IP_ADDRESS':
      // Documentation range (RFC 5737 / RFC 3849).
      return value.includes(':')
        ? `2001:db8::${Math.floor(r() * 0xffff).toString(16)}`
        : `192.0.2.${1 + Math.floor(r() * 254)}`;
    case 'PRIVATE_KEY':
      return '-----BEGIN PRIVATE KEY-----\n[synthetic]\n-----END PRIVATE KEY-----';
    case 'URL_CREDENTIALS':
      return value.replace(/\/\/[^/@\s]*@/, '//user:password@');
    default: {
      // Secrets keep their provider prefix so the reader still knows what it was.
      const prefix = /^(?:[A-Za-z]{2,12}[_-](?:[a-z]{2,8}[_-])?|AKIA|ASIA|AIza|eyJ)/.exec(
        value,
      )?.[0];
      return scramble(value, r, TYPE_INFO[type].group === 'secret' ? (prefix?.length ?? 0) : 0);
    }
  }
}
