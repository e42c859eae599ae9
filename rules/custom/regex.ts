/**
 * Policy-defined regular expressions: IT writes a pattern for company data (employee numbers,
 * project codes, customer ids) and the engine runs it like a built-in detector.
 *
 * A pattern from a policy runs on every text a user sends, in the browser, so it is checked
 * when the policy is loaded: it must compile, must not match the empty string, must be at most
 * 1,000 characters, may only use the flags i, m, s and u (the engine adds g), and must not be
 * able to backtrack catastrophically. The last check uses redos-detector, which models the
 * implicit `[^]*?` of an unanchored search, so it also rejects the quadratic cases (`\d+x`
 * scanned over a long run of digits), not only the exponential ones (`(a+)+$`).
 */
import { isSafePattern, type RedosDetectorResult } from 'redos-detector';
import * as v from 'valibot';
import { DEFAULT_WINDOW, near } from '../context.ts';
import type { Candidate, Detector } from '../types.ts';
import {
  DetectorIdSchema,
  EntityTypeSchema,
  ScoreSchema,
  escapeRegExp,
  objectMessage,
} from './common.ts';

/** Longest pattern accepted, in UTF-16 units. */
export const MAX_PATTERN_LENGTH = 1000;

/** Score of a regex match when the policy gives none. */
export const DEFAULT_REGEX_SCORE = 0.9;

// redos-detector's own default step budget; realistic patterns (an IBAN-like shape with
// optional groups, keyword alternations) need up to about 10,000. It is the deterministic
// limit: a policy accepted by the CLI on a fast machine must be accepted by the extension on a
// slow laptop, so the time limit is only a backstop that no pattern inside the step budget
// should reach.
const REDOS_MAX_STEPS = 20000;
const REDOS_TIMEOUT_MS = 60000;

const ContextWordSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(40, 'must be at most 40 characters'),
);

/** Schema of `{ "kind": "regex", ... }` in `customDetectors`. The pattern itself is checked by checkPattern. */
export const RegexSpecSchema = v.strictObject(
  {
    id: DetectorIdSchema,
    kind: v.literal('regex'),
    pattern: v.pipe(
      v.string(),
      v.minLength(1, 'must not be empty'),
      v.maxLength(MAX_PATTERN_LENGTH, `is longer than ${MAX_PATTERN_LENGTH} characters`),
    ),
    flags: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^[imsu]*$/, 'only the flags i, m, s and u are allowed (the engine adds g)'),
        v.check((f) => new Set(f).size === f.length, 'repeats a flag'),
      ),
      '',
    ),
    type: v.optional(EntityTypeSchema, 'CUSTOM'),
    score: v.optional(ScoreSchema, DEFAULT_REGEX_SCORE),
    context: v.optional(
      v.pipe(
        v.array(ContextWordSchema),
        v.minLength(1, 'must list at least one word (or leave it out)'),
        v.maxLength(20, 'must list at most 20 words'),
      ),
    ),
    description: v.optional(v.pipe(v.string(), v.maxLength(500, 'must be at most 500 characters'))),
  },
  objectMessage,
);

/** A validated regex detector spec, defaults applied. */
export type RegexSpec = v.InferOutput<typeof RegexSpecSchema>;

// Strings an empty-matching pattern is likely to show itself on: `a*`, `x?`, `\b`, `^`, `$`,
// `(?=\d)`, `(?:)`. A pattern that matches nothing here but the empty string elsewhere is still
// harmless: the detector skips zero-length matches at run time.
const EMPTY_PROBES = ['', ' ', 'a', 'A', '0', '-', '\n', 'x y', 'ab12 CD-34_ef.gh@ij', '\u00e9'];

const verdicts = new Map<string, string | null>();

/**
 * Checks a policy pattern; returns what is wrong with it in a few words ("can backtrack
 * catastrophically (nested quantifier)"), or null when it is fit to run on every text.
 * Verdicts are memoised (the safety analysis can take a few hundred milliseconds).
 */
export function checkPattern(pattern: string, flags = ''): string | null {
  const key = `${flags}/${pattern}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = judge(pattern, flags);
  if (verdicts.size >= 256) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function judge(pattern: string, flags: string): string | null {
  if (pattern.length === 0) return 'must not be empty';
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
    return 'only the flags i, m, s and u are allowed, each once (the engine adds g)';
  }
  let re: RegExp;
  try {
    re = new RegExp(pattern, `${flags}g`);
  } catch (err) {
    // V8 says "Invalid regular expression: /<source>/<flags>: <reason>"; keep the reason.
    const prefix = `Invalid regular expression: /${pattern}/${flags}g: `;
    const message = err instanceof Error ? err.message : String(err);
    const why = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    return `is not a valid regular expression (${why})`;
  }
  for (const probe of EMPTY_PROBES) {
    for (const m of probe.matchAll(re)) {
      if (m[0].length === 0) return 'matches the empty string (it would match everywhere)';
    }
  }
  // The classic catastrophic shape, found in microseconds; the analysis below would take
  // seconds to reach the same verdict. Also the project's own rule for built-in detectors.
  if (hasNestedUnboundedQuantifier(pattern)) {
    return 'can backtrack catastrophically (nested quantifier)';
  }
  let result: RedosDetectorResult;
  try {
    result = isSafePattern(pattern, {
      caseInsensitive: flags.includes('i'),
      multiLine: flags.includes('m'),
      dotAll: flags.includes('s'),
      unicode: flags.includes('u'),
      maxSteps: REDOS_MAX_STEPS,
      timeout: REDOS_TIMEOUT_MS,
    });
  } catch (err) {
    // redos-detector does not parse every construct (named back-references, for one); a
    // pattern that cannot be proven safe is not run.
    const why = err instanceof Error ? (err.message.split('\n')[0] ?? '') : '';
    return `uses syntax the safety check cannot analyse (${why.trim()}); simplify it`;
  }
  if (result.safe) return null;
  return `can backtrack catastrophically (${explain(result)})`;
}

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

/**
 * Whether a group repeated without bound (`*`, `+`, `{n,}`) contains a repetition without
 * bound: `(a+)+`, `(\w+\s?)*`, `(?:x*y){2,}`. A syntactic test, so it also refuses the rare
 * unambiguous cases such as `(?:[a-z]+-)+`; bounded forms (`{1,20}`) pass on to the analysis.
 */
export function hasNestedUnboundedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [false];
  const unboundedAt = (i: number): { unbounded: boolean; length: number } => {
    const q = QUANTIFIER.exec(pattern.slice(i, i + 24))?.[0];
    if (q === undefined) return { unbounded: false, length: 0 };
    const lazy = pattern[i + q.length] === '?' ? 1 : 0;
    return { unbounded: q === '*' || q === '+' || /,\}$/.test(q), length: q.length + lazy };
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      const q = unboundedAt(i + 1);
      if (q.unbounded) stack[stack.length - 1] = true;
      i += q.length;
    } else if (c === '[') {
      // Skip the class; quantifier characters inside it are literals.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      const q = unboundedAt(i + 1);
      if (q.unbounded) stack[stack.length - 1] = true;
      i += q.length;
    } else if (c === '(') {
      stack.push(false);
    } else if (c === ')') {
      const inner = stack.length > 1 ? stack.pop()! : false;
      const q = unboundedAt(i + 1);
      if (q.unbounded && inner) return true;
      if (q.unbounded || inner) stack[stack.length - 1] = true;
      i += q.length;
    } else {
      const q = unboundedAt(i + 1);
      if (q.unbounded) stack[stack.length - 1] = true;
      i += q.length;
    }
  }
  return false;
}

/** A short cause for an unsafe verdict, from the first trail redos-detector reports. */
function explain(result: RedosDetectorResult): string {
  const entries = result.trails.flatMap((t) => t.trail);
  if (
    entries.some((e) => e.a.quantifierIterations.length > 1 || e.b.quantifierIterations.length > 1)
  ) {
    return 'nested quantifier';
  }
  if (result.error === 'hitMaxSteps' || result.error === 'timedOut') {
    return 'too complex to prove safe; bound repetitions, e.g. \\d{1,20}, and simplify alternations';
  }
  // The downgraded pattern starts with `[^]*?` (an unanchored search); name the first part of
  // the policy's own pattern that two paths both consume.
  const part = entries.find((e) => e.b.node.source !== '[^]')?.b.node.source;
  const where = part ? ` at \`${part}\`` : '';
  return `overlapping repetitions${where}; bound them, e.g. {1,20}, or start with a literal or a look-behind`;
}

/** Builds the look-around regex for a list of context words (whole words, any case). */
function contextRegExp(words: readonly string[]): RegExp {
  const alternatives = [...new Set(words.map((w) => w.toLowerCase().replace(/\s+/g, ' ')))]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, '\\s{1,3}'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/**
 * Turns a validated spec into a detector. Throws when the pattern fails checkPattern, so a
 * caller that skipped validation still never runs an unsafe pattern.
 */
export function compileRegexDetector(spec: RegexSpec): Detector {
  const problem = checkPattern(spec.pattern, spec.flags);
  if (problem !== null) throw new Error(`pattern ${problem}`);
  const re = new RegExp(spec.pattern, `${spec.flags}g`);
  const context = spec.context ? contextRegExp(spec.context) : null;
  const { type, score } = spec;
  const detector: Detector = {
    id: spec.id,
    types: [type],
    description: spec.description ?? `Policy pattern ${spec.id}.`,
    detect(text) {
      const out: Candidate[] = [];
      for (const m of text.matchAll(re)) {
        if (m[0].length === 0) continue;
        const start = m.index;
        const end = start + m[0].length;
        if (context && !near(text, start, end, context, DEFAULT_WINDOW)) continue;
        out.push({
          start,
          end,
          type,
          score,
          reason: context ? 'policy pattern, context' : 'policy pattern',
        });
      }
      return out;
    },
  };
  // Required context words make a cheap prefilter: without one of them nothing can match.
  return context ? { ...detector, prefilter: context } : detector;
}
