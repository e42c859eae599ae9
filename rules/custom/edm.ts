/**
 * Exact data match (EDM): the policy carries salted SHA-256 hashes of a list of values (customer
 * names, account numbers, employee ids) and the engine reports the words of a text whose hash
 * is in the set. The list itself never ships: a policy reader sees only hashes.
 *
 * Both sides must normalise a value the same way, so `normaliseEdmValue` is the one definition,
 * used by the IT tooling (`hush edm-hash`) and, token by token, by the detector:
 * 1. the engine's own normalisation (full-width digits, invisible characters, dashes, look-alike
 *    letters), then NFKC;
 * 2. split into tokens: runs of letters, digits and marks, with `-` `_` `.` `@` allowed inside a
 *    token (`jane.doe@corp.com`, `123-45-6789`), everything else (whitespace, other punctuation,
 *    symbols) separates tokens, so leading and trailing punctuation is dropped;
 * 3. lower-case each token;
 * 4. when every token is a number (digits, optionally joined by `-` `.` `_`), the value is its
 *    digits run together (`123 45 6789`, `123-45-6789` and `123.45.6789` are one value);
 *    otherwise the tokens are joined with one space (`Doe, Jane` is `doe jane`).
 *
 * Hash: SHA-256 over UTF-8 of `salt`, one zero byte, then the normalised value; lower-case hex.
 * The salt stops one list of hashes from being compared with another company's; it does not stop
 * someone holding the policy from hashing guesses, so a list of low-entropy values (four-digit
 * PINs, dates) is only as secret as the values are hard to guess.
 *
 * Cost: one hash per n-gram of 1..maxWords tokens whose normalised length is one of the values'
 * lengths (when the policy carries `lengths`). Measured: see rules/custom/edm.test.ts.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import * as v from 'valibot';
import { normalise } from '../normalize.ts';
import type { Candidate, Detector } from '../types.ts';
import { DetectorIdSchema, EntityTypeSchema, ScoreSchema, objectMessage } from './common.ts';

/** Most words (tokens) one value may have. */
export const MAX_EDM_WORDS = 6;
/** Words per value when the policy does not say. */
export const DEFAULT_EDM_WORDS = 3;
/** Score of an exact data match when the policy gives none. */
export const DEFAULT_EDM_SCORE = 0.95;
/** Longest normalised value, in UTF-16 units. */
export const MAX_EDM_LENGTH = 1000;
/** Most hashes one detector may carry. */
export const MAX_EDM_HASHES = 1_000_000;

/** Schema of `{ "kind": "edm", ... }` in `customDetectors`. */
export const EdmSpecSchema = v.strictObject(
  {
    id: DetectorIdSchema,
    kind: v.literal('edm'),
    salt: v.pipe(
      v.string(),
      v.minLength(1, 'must not be empty'),
      v.maxLength(256, 'must be at most 256 characters'),
    ),
    hashes: v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 hash: 64 hexadecimal characters'),
          v.toLowerCase(),
        ),
      ),
      v.minLength(1, 'must list at least one hash'),
      v.maxLength(MAX_EDM_HASHES, `must list at most ${MAX_EDM_HASHES} hashes`),
    ),
    maxWords: v.optional(
      v.pipe(
        v.number(),
        v.integer('must be a whole number'),
        v.minValue(1, `must be between 1 and ${MAX_EDM_WORDS}`),
        v.maxValue(MAX_EDM_WORDS, `must be between 1 and ${MAX_EDM_WORDS}`),
      ),
      DEFAULT_EDM_WORDS,
    ),
    // The normalised lengths of the values: lets the engine hash only n-grams that can match.
    // Optional because it tells a policy reader a little about the list.
    lengths: v.optional(
      v.pipe(
        v.array(
          v.pipe(
            v.number(),
            v.integer('must be a whole number'),
            v.minValue(1, `must be between 1 and ${MAX_EDM_LENGTH}`),
            v.maxValue(MAX_EDM_LENGTH, `must be between 1 and ${MAX_EDM_LENGTH}`),
          ),
        ),
        v.minLength(1, 'must list at least one length (or leave it out)'),
      ),
    ),
    type: v.optional(EntityTypeSchema, 'CUSTOM'),
    score: v.optional(ScoreSchema, DEFAULT_EDM_SCORE),
    description: v.optional(v.pipe(v.string(), v.maxLength(500, 'must be at most 500 characters'))),
  },
  objectMessage,
);

/** A validated exact-data-match spec, defaults applied. */
export type EdmSpec = v.InferOutput<typeof EdmSpecSchema>;

// Core characters and joiners are disjoint classes, so each position is read a bounded number
// of times and the search is linear even though `+` is unbounded: a token is one maximal run,
// however long (too long to be a value, it is skipped).
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[-_.@]+[\p{L}\p{N}\p{M}]+)*/gu;
const NUMERIC = /^[0-9]+(?:[-_.][0-9]+)*$/;
const ASCII = /^[\x00-\x7f]*$/;

interface Token {
  start: number;
  end: number;
  /** Lower-cased (and NFKC when not ASCII). */
  norm: string;
  /** The digits when the token is a number, else null. */
  digits: string | null;
}

function token(raw: string, start: number): Token {
  let norm = raw.toLowerCase();
  if (!ASCII.test(norm)) norm = norm.normalize('NFKC');
  const digits = NUMERIC.test(norm) ? norm.replace(/[-_.]/g, '') : null;
  return { start, end: start + raw.length, norm, digits };
}

/** The value of tokens [from, to): digits run together when all are numbers, else spaced words. */
function valueOf(tokens: readonly Token[], from: number, to: number): string {
  let numeric = true;
  for (let k = from; k < to; k++) if (tokens[k]!.digits === null) numeric = false;
  const parts: string[] = [];
  for (let k = from; k < to; k++) parts.push(numeric ? tokens[k]!.digits! : tokens[k]!.norm);
  return parts.join(numeric ? '' : ' ');
}

/** Normalises a value for exact data match (see the file comment); '' when nothing is left. */
export function normaliseEdmValue(value: string): string {
  const text = normalise(value).text.normalize('NFKC');
  const tokens = [...text.matchAll(TOKEN)].map((m) => token(m[0], m.index));
  return valueOf(tokens, 0, tokens.length);
}

/** Number of words (tokens) in a value, as the detector counts them for `maxWords`. */
export function edmWordCount(value: string): number {
  const text = normalise(value).text.normalize('NFKC');
  let n = 0;
  for (const _ of text.matchAll(TOKEN)) n++;
  return n;
}

const ZERO = new Uint8Array([0]);

/** Hash of an already normalised value. */
function hashNormalised(salt: string, normalised: string): string {
  return bytesToHex(
    sha256.create().update(utf8ToBytes(salt)).update(ZERO).update(utf8ToBytes(normalised)).digest(),
  );
}

/**
 * The hash the engine matches for `value` under `salt`: SHA-256(salt, 0x00, normalised value),
 * lower-case hex. Normalises the value first (normaliseEdmValue).
 */
export function hashValue(salt: string, value: string): string {
  return hashNormalised(salt, normaliseEdmValue(value));
}

/** Most characters between two tokens of one n-gram (", " or " - " but not a paragraph). */
const MAX_GAP = 4;

/** Turns a validated spec into a detector. */
export function compileEdmDetector(spec: EdmSpec): Detector {
  const hashes = new Set(spec.hashes);
  // The first 32 bits of each hash, as a number: a cheap first test before building hex.
  const heads = new Set(spec.hashes.map((h) => parseInt(h.slice(0, 8), 16)));
  const lengthOk = spec.lengths ? new Uint8Array(MAX_EDM_LENGTH + 1) : null;
  if (lengthOk && spec.lengths) for (const l of spec.lengths) lengthOk[l] = 1;
  const maxLength = spec.lengths ? Math.max(...spec.lengths) : MAX_EDM_LENGTH;
  const { maxWords, type, score } = spec;

  // The salt's hash state is computed once and cloned for every candidate.
  const base = sha256.create().update(utf8ToBytes(spec.salt)).update(ZERO);
  const work = sha256.create();
  const digest = new Uint8Array(32);
  let ascii = new Uint8Array(256);

  const matches = (value: string): boolean => {
    let bytes: Uint8Array;
    if (ASCII.test(value)) {
      if (value.length > ascii.length) ascii = new Uint8Array(value.length * 2);
      for (let i = 0; i < value.length; i++) ascii[i] = value.charCodeAt(i);
      bytes = ascii.subarray(0, value.length);
    } else {
      bytes = utf8ToBytes(value);
    }
    base._cloneInto(work);
    work.update(bytes);
    work.digestInto(digest);
    const head = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
    return heads.has(head) && hashes.has(bytesToHex(digest));
  };

  return {
    id: spec.id,
    types: [type],
    description: spec.description ?? `Policy exact data match ${spec.id} (${hashes.size} values).`,
    detect(text) {
      const tokens: Token[] = [];
      for (const m of text.matchAll(TOKEN)) tokens.push(token(m[0], m.index));
      const out: Candidate[] = [];
      for (let i = 0; i < tokens.length; i++) {
        // Lengths of the spaced-words form and of the digits form of tokens [i, j].
        let wordsLength = -1;
        let digitsLength = 0;
        let numeric = true;
        for (let j = i; j < tokens.length && j < i + maxWords; j++) {
          const t = tokens[j]!;
          if (j > i && t.start - tokens[j - 1]!.end > MAX_GAP) break;
          wordsLength += t.norm.length + 1;
          if (t.digits === null) numeric = false;
          else digitsLength += t.digits.length;
          // Every longer n-gram from i is at least this long (digits never outnumber words).
          const length = numeric ? digitsLength : wordsLength;
          if (length > maxLength) break;
          if (lengthOk !== null && lengthOk[length] !== 1) continue;
          if (matches(valueOf(tokens, i, j + 1))) {
            const start = tokens[i]!.start;
            out.push({ start, end: t.end, type, score, reason: 'exact data match' });
          }
        }
      }
      return out;
    },
  };
}
