/**
 * Pieces shared by the policy-defined detectors (regex, dictionary, exact data match): the
 * schema fragments every kind uses and the word-character test their boundaries rely on.
 */
import * as v from 'valibot';
import { ENTITY_TYPES } from '../types.ts';

/**
 * Custom detector ids: lower-case letters, digits and dashes, 2 to 63 characters, so they read
 * like the built-in ids (file names) and can never be mistaken for a path or a JSON pointer.
 */
export const DETECTOR_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Schema of a detector id (built-in or custom). */
export const DetectorIdSchema = v.pipe(
  v.string(),
  v.regex(
    DETECTOR_ID_PATTERN,
    (issue) =>
      `must be 2-63 lower-case letters, digits or dashes, starting with a letter or digit (got ${issue.received})`,
  ),
);

/** Schema of an entity type; `CUSTOM` is the usual choice for company data. */
export const EntityTypeSchema = v.picklist(
  ENTITY_TYPES,
  (issue) => `must be one of ${ENTITY_TYPES.join(', ')} (got ${issue.received})`,
);

/** Schema of a score, 0..1. */
export const ScoreSchema = v.pipe(
  v.number(),
  v.minValue(0, 'must be between 0 and 1'),
  v.maxValue(1, 'must be between 0 and 1'),
);

// Word characters among ASCII, as a table: these tests run for every candidate edge.
const WORD_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_ASCII[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;
const WORD_UNICODE = /[\p{L}\p{N}\p{M}_]/u;

/**
 * Whether the code point ending just before `index` is a word character (letter, digit, mark
 * or underscore). Surrogate pairs are read whole, so an emoji next to a word is not a letter.
 */
export function wordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  let i = index - 1;
  const c = text.charCodeAt(i);
  if (c < 128) return WORD_ASCII[c] === 1;
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) i--;
  return WORD_UNICODE.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Whether the code point starting at `index` is a word character. */
export function wordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const c = text.charCodeAt(index);
  if (c < 128) return WORD_ASCII[c] === 1;
  return WORD_UNICODE.test(String.fromCodePoint(text.codePointAt(index)!));
}

/**
 * Escapes `s` for use inside a RegExp source, outside a character class. Only syntax characters
 * are escaped: with the `u` flag an escaped dash is a syntax error.
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Message for a strictObject: an unknown field, or not an object at all. */
export function objectMessage(issue: { expected: string | null; received: string }): string {
  return issue.expected === 'never'
    ? 'unknown field'
    : `must be a JSON object (got ${issue.received})`;
}
