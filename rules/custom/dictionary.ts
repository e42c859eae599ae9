/**
 * Policy-defined dictionaries: project code names, customer names, internal product names.
 * Whole words or phrases only ("Falcon" must not fire inside "Falconry"), any case unless the
 * policy says otherwise, and any run of whitespace in the text matches the single space of a
 * phrase ("Project  Falcon" across a line break is still the phrase).
 *
 * The words go into a character trie, walked from each position where a word can start. The
 * cost is linear in the text and independent of the number of words: each walk is bounded by
 * the longest word (100 characters), and in real text it ends after a character or two. One
 * big alternation of escaped words would instead be tried word by word at every position.
 */
import * as v from 'valibot';
import { normalise } from '../normalize.ts';
import type { Candidate, Detector } from '../types.ts';
import {
  DetectorIdSchema,
  EntityTypeSchema,
  ScoreSchema,
  objectMessage,
  wordAt,
  wordBefore,
} from './common.ts';

/** Longest dictionary word or phrase, in UTF-16 units. */
export const MAX_WORD_LENGTH = 100;
/** Most words one dictionary may hold. */
export const MAX_WORDS = 50000;
/** Score of a dictionary match when the policy gives none. */
export const DEFAULT_DICTIONARY_SCORE = 0.9;

/** Schema of `{ "kind": "dictionary", ... }` in `customDetectors`. */
export const DictionarySpecSchema = v.strictObject(
  {
    id: DetectorIdSchema,
    kind: v.literal('dictionary'),
    words: v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.trim(),
          v.minLength(1, 'must not be empty'),
          v.maxLength(MAX_WORD_LENGTH, `must be at most ${MAX_WORD_LENGTH} characters`),
        ),
      ),
      v.minLength(1, 'must list at least one word'),
      v.maxLength(MAX_WORDS, `must list at most ${MAX_WORDS} words`),
    ),
    caseSensitive: v.optional(v.boolean(), false),
    type: v.optional(EntityTypeSchema, 'CUSTOM'),
    score: v.optional(ScoreSchema, DEFAULT_DICTIONARY_SCORE),
    description: v.optional(v.pipe(v.string(), v.maxLength(500, 'must be at most 500 characters'))),
  },
  objectMessage,
);

/** A validated dictionary detector spec, defaults applied. */
export type DictionarySpec = v.InferOutput<typeof DictionarySpecSchema>;

const SPACE = 32;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

const lowerCache = new Map<number, number>();

/**
 * Lower-cases one UTF-16 unit. Characters whose lower case is longer than one unit (`İ`) are
 * kept as they are, the same way for the words and the text, so offsets stay one for one.
 */
function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let out = lowerCache.get(c);
  if (out === undefined) {
    const l = String.fromCharCode(c).toLowerCase();
    out = l.length === 1 ? l.charCodeAt(0) : c;
    if (lowerCache.size < 4096) lowerCache.set(c, out);
  }
  return out;
}

const identity = (c: number) => c;

/**
 * A character trie. While words are added, every edge lives in one Map keyed by
 * node * 65536 + unit (far lighter than a Map per node for tens of thousands of words). freeze()
 * then moves the edges out of the root into a direct table and the edges of nodes with a single
 * child (most nodes: the tails of words) into typed arrays, so a walk along a long word costs an
 * array read a character, not a hash lookup.
 */
class Trie {
  private readonly edges = new Map<number, number>();
  private readonly ends = new Set<number>();
  private size = 1;
  /** 1 for a node where a word ends. */
  private terminal = new Uint8Array(0);
  /** Child of the root on each unit, or 0. */
  private root = new Int32Array(0);
  /** For a node with exactly one child: the unit to it (else -1) and the child. */
  private onlyUnit = new Int32Array(0);
  private onlyChild = new Int32Array(0);

  add(units: readonly number[]): void {
    let node = 0;
    for (const c of units) {
      const key = node * 65536 + c;
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.size++;
        this.edges.set(key, next);
      }
      node = next;
    }
    if (units.length > 0) this.ends.add(node);
  }

  freeze(): void {
    this.root = new Int32Array(65536);
    this.terminal = new Uint8Array(this.size);
    for (const node of this.ends) this.terminal[node] = 1;
    const count = new Int32Array(this.size);
    this.onlyUnit = new Int32Array(this.size).fill(-1);
    this.onlyChild = new Int32Array(this.size);
    for (const [key, child] of this.edges) {
      const node = Math.floor(key / 65536);
      const unit = key % 65536;
      if (node === 0) this.root[unit] = child;
      count[node]!++;
      this.onlyUnit[node] = unit;
      this.onlyChild[node] = child;
    }
    for (const [key] of this.edges) {
      const node = Math.floor(key / 65536);
      if (node === 0 || count[node] === 1) this.edges.delete(key);
      else this.onlyUnit[node] = -1;
    }
  }

  /** The root's child on `c`, or 0 when no word starts with it. */
  start(c: number): number {
    return this.root[c]!;
  }

  next(node: number, c: number): number | undefined {
    const only = this.onlyUnit[node]!;
    if (only !== -1) return only === c ? this.onlyChild[node] : undefined;
    return this.edges.get(node * 65536 + c);
  }

  isTerminal(node: number): boolean {
    return this.terminal[node] === 1;
  }
}

/** A dictionary word as the units the walk compares: normalised, one space between words. */
function prepare(word: string, fold: (c: number) => number): number[] {
  const text = normalise(word).text.replace(/\s+/g, ' ').trim();
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) units.push(fold(text.charCodeAt(i)));
  return units;
}

/** Turns a validated spec into a detector. */
export function compileDictionaryDetector(spec: DictionarySpec): Detector {
  const fold = spec.caseSensitive ? identity : lower;
  const trie = new Trie();
  for (const word of spec.words) trie.add(prepare(word, fold));
  trie.freeze();
  const { type, score } = spec;

  return {
    id: spec.id,
    types: [type],
    description: spec.description ?? `Policy dictionary ${spec.id} (${spec.words.length} words).`,
    detect(text) {
      const out: Candidate[] = [];
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const first = trie.start(fold(text.charCodeAt(i)));
        if (first === 0) continue;
        // A word that starts with a letter must start a word of the text.
        if (wordAt(text, i) && wordBefore(text, i)) continue;
        const end = longestFrom(text, i + 1, first);
        if (end > i) {
          out.push({ start: i, end, type, score, reason: 'policy dictionary' });
          // Leftmost-longest and no overlaps: continue after the match.
          i = end - 1;
        }
      }
      return out;
    },
  };

  /**
   * End of the longest dictionary entry that starts with the edge to `node` (the unit before
   * `from`) and ends on a word edge, or -1.
   */
  function longestFrom(text: string, from: number, node: number): number {
    const n = text.length;
    let best = -1;
    let j = from;
    for (;;) {
      // A word that ends with a letter must end a word of the text.
      if (trie.isTerminal(node) && !(wordBefore(text, j) && wordAt(text, j))) best = j;
      if (j >= n) break;
      const c = text.charCodeAt(j);
      let next: number | undefined;
      if (isSpace(c)) {
        next = trie.next(node, SPACE);
        if (next === undefined) break;
        j++;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
      } else {
        next = trie.next(node, fold(c));
        if (next === undefined) break;
        j++;
      }
      node = next;
    }
    return best;
  }
}
