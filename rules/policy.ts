/**
 * The engine part of the policy document: what IT can change about detection. The full policy
 * (site lists, actions) embeds these entries; this file validates them and turns them into
 * scan options.
 *
 * Shape (every field optional; `{}` is the built-in behaviour):
 *
 * ```json
 * {
 *   "threshold": 0.6,
 *   "levels": { "IP_ADDRESS": "CONFIDENTIAL" },
 *   "disabledDetectors": ["mac-address"],
 *   "customDetectors": [
 *     { "id": "employee-id", "kind": "regex", "pattern": "(?<![\\w-])EMP-\\d{6}(?!\\w)",
 *       "flags": "i", "type": "CUSTOM", "score": 0.9, "context": ["employee", "staff"],
 *       "description": "Employee numbers" },
 *     { "id": "code-names", "kind": "dictionary", "words": ["Project Falcon", "Osprey"],
 *       "caseSensitive": false, "score": 0.8 },
 *     { "id": "customers", "kind": "edm", "salt": "3f9c...", "hashes": ["<64 hex>", "..."],
 *       "maxWords": 3, "lengths": [8, 13], "type": "PERSON" }
 *   ]
 * }
 * ```
 *
 * - `threshold`: minimum score of a finding, 0..1 (default 0.5).
 * - `levels`: classification per entity type (PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED),
 *   overriding the defaults in TYPE_INFO.
 * - `disabledDetectors`: built-in or custom detector ids that do not run. An id no detector has
 *   is a warning, not an error: a policy written for a newer release must still load.
 * - `customDetectors`: `regex` (rules/custom/regex.ts), `dictionary` (rules/custom/dictionary.ts)
 *   and `edm`, exact data match on salted hashes (rules/custom/edm.ts; `hush edm-hash` makes
 *   the entry). Ids are unique, distinct from built-in ids, and match /^[a-z0-9][a-z0-9-]{1,62}$/.
 *
 * Unknown fields are errors (a misspelt "treshold" must not be silently ignored). A pattern
 * that could freeze the browser (catastrophic backtracking), matches the empty string, does
 * not compile, is over 1,000 characters or uses flags other than i, m, s, u is rejected when
 * the policy is loaded, with the JSON path of the problem in the message.
 *
 * Import cycle: this file imports DETECTORS from index.ts and index.ts re-exports this file.
 * That is safe because DETECTORS is only read inside functions, never while modules load.
 */
import * as v from 'valibot';
import { scanWith, type ScanOptions } from './engine.ts';
import { DETECTORS } from './index.ts';
import { LEVELS, type Detector, type Finding } from './types.ts';
import { DetectorIdSchema, EntityTypeSchema } from './custom/common.ts';
import { DictionarySpecSchema, compileDictionaryDetector } from './custom/dictionary.ts';
import { EdmSpecSchema, compileEdmDetector } from './custom/edm.ts';
import { RegexSpecSchema, checkPattern, compileRegexDetector } from './custom/regex.ts';

/** Most custom detectors one policy may define. */
export const MAX_CUSTOM_DETECTORS = 200;

/** One custom detector entry, any kind, with its pattern checked (regex kind). */
export const CustomDetectorSchema = v.pipe(
  v.variant(
    'kind',
    [RegexSpecSchema, DictionarySpecSchema, EdmSpecSchema],
    (issue) => `must be "regex", "dictionary" or "edm" (got ${issue.received})`,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    // Only a spec whose fields are valid is worth the (slow) pattern analysis.
    if (!dataset.typed || dataset.issues || dataset.value.kind !== 'regex') return;
    const spec = dataset.value;
    const problem = checkPattern(spec.pattern, spec.flags);
    if (problem === null) return;
    addIssue({
      message: problem,
      path: [{ type: 'object', origin: 'value', input: spec, key: 'pattern', value: spec.pattern }],
    });
  }),
);

/** A validated custom detector spec, defaults applied. */
export type CustomDetectorSpec = v.InferOutput<typeof CustomDetectorSchema>;

const LevelSchema = v.picklist(
  LEVELS,
  (issue) => `must be one of ${LEVELS.join(', ')} (got ${issue.received})`,
);

/**
 * The engine's entries of the policy object, for the full policy schema to spread into its own
 * strictObject (then pipe `engineCrossChecks()` after it).
 */
export const ENGINE_POLICY_ENTRIES = {
  threshold: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0, 'must be between 0 and 1'),
      v.maxValue(1, 'must be between 0 and 1'),
    ),
  ),
  levels: v.optional(v.record(EntityTypeSchema, LevelSchema)),
  disabledDetectors: v.optional(
    v.pipe(v.array(DetectorIdSchema), v.maxLength(1000, 'must list at most 1000 ids')),
  ),
  customDetectors: v.optional(
    v.pipe(
      v.array(CustomDetectorSchema),
      v.maxLength(MAX_CUSTOM_DETECTORS, `must list at most ${MAX_CUSTOM_DETECTORS} detectors`),
    ),
  ),
};

type CrossCheckInput = Record<string, unknown> & {
  customDetectors?: readonly CustomDetectorSpec[] | undefined;
};

/** Checks across entries: custom ids are unique and distinct from every built-in id. */
export function engineCrossChecks<T extends CrossCheckInput>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const list = dataset.value.customDetectors ?? [];
    const builtIn = new Set(DETECTORS.map((d) => d.id));
    const seen = new Map<string, number>();
    list.forEach((spec, i) => {
      const clash = builtIn.has(spec.id)
        ? `is the id of a built-in detector; choose another`
        : seen.has(spec.id)
          ? `is already used by customDetectors[${seen.get(spec.id)}]`
          : null;
      seen.set(spec.id, seen.get(spec.id) ?? i);
      if (clash === null) return;
      addIssue({
        message: `"${spec.id}" ${clash}`,
        path: [
          {
            type: 'object',
            origin: 'value',
            input: dataset.value,
            key: 'customDetectors',
            value: list,
          },
          { type: 'array', origin: 'value', input: list, key: i, value: spec },
          { type: 'object', origin: 'value', input: spec, key: 'id', value: spec.id },
        ],
      });
    });
  });
}

/** The engine policy schema on its own (the CLI's `--policy` file). */
export const EnginePolicySchema = v.pipe(
  v.strictObject(ENGINE_POLICY_ENTRIES, (issue) =>
    issue.expected === 'never'
      ? `unknown field (allowed: ${Object.keys(ENGINE_POLICY_ENTRIES).join(', ')})`
      : `must be a JSON object (got ${issue.received})`,
  ),
  engineCrossChecks(),
);

/** A validated engine policy, defaults applied. */
export type EnginePolicy = v.InferOutput<typeof EnginePolicySchema>;

/** One problem found in a policy: where (a JSON path such as `customDetectors[2].pattern`) and what. */
export interface PolicyProblem {
  readonly path: string;
  readonly message: string;
}

/** A policy that cannot be used. The message names the first problem's path; `problems` has all. */
export class PolicyError extends Error {
  readonly problems: readonly PolicyProblem[];
  constructor(problems: readonly PolicyProblem[]) {
    const first = problems[0] ?? { path: '', message: 'invalid policy' };
    const rest = problems.length - 1;
    const more = rest > 0 ? ` (and ${rest} more problem${rest > 1 ? 's' : ''})` : '';
    super(`${first.path || 'policy'}: ${first.message}${more}`);
    this.name = 'PolicyError';
    this.problems = problems;
  }
}

/** `customDetectors[2].pattern` from a valibot issue path. */
export function formatIssuePath(path: readonly v.IssuePathItem[] | undefined): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Turns valibot's default wording into the short form the CLI and the options page show. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.received === 'undefined' && issue.kind === 'schema' && issue.type !== 'variant') {
    return 'is required';
  }
  const m = /^Invalid (?:type|key|value|length): Expected (.*) but received (.*)$/s.exec(
    issue.message,
  );
  return m ? `expected ${m[1]}, got ${m[2]}` : issue.message;
}

/** Every problem in `issues`, in order, deduplicated by path and message. */
function problemsOf(issues: readonly v.BaseIssue<unknown>[]): PolicyProblem[] {
  const seen = new Set<string>();
  const out: PolicyProblem[] = [];
  for (const issue of issues) {
    const problem = { path: formatIssuePath(issue.path), message: describeIssue(issue) };
    const key = `${problem.path}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(problem);
    }
  }
  return out;
}

/** Validates an engine policy; throws PolicyError. */
export function parseEnginePolicy(json: unknown): EnginePolicy {
  // valibot's object schemas accept arrays (they are objects); a policy never is one.
  if (Array.isArray(json)) {
    throw new PolicyError([{ path: '', message: 'must be a JSON object (got an array)' }]);
  }
  const result = v.safeParse(EnginePolicySchema, json);
  if (!result.success) throw new PolicyError(problemsOf(result.issues));
  return result.output;
}

/** A policy ready for the engine. */
export interface CompiledPolicy {
  /** Scan options from the policy: threshold, levels and the custom detectors (minus disabled). */
  readonly options: Pick<ScanOptions, 'threshold' | 'levels'> & {
    readonly extraDetectors: readonly Detector[];
  };
  /** Ids of detectors that must not run (built-in or custom). */
  readonly disabled: ReadonlySet<string>;
  /** Things worth telling IT that do not stop the policy from loading. */
  readonly warnings: readonly string[];
}

/** Turns a validated custom spec into its detector. */
export function compileCustomDetector(spec: CustomDetectorSpec): Detector {
  switch (spec.kind) {
    case 'regex':
      return compileRegexDetector(spec);
    case 'dictionary':
      return compileDictionaryDetector(spec);
    case 'edm':
      return compileEdmDetector(spec);
  }
}

/**
 * Validates and compiles the engine policy. Throws PolicyError whose message names the JSON
 * path and the problem, e.g. `customDetectors[2].pattern: can backtrack catastrophically
 * (nested quantifier)`.
 */
export function compilePolicy(json: unknown): CompiledPolicy {
  const policy = parseEnginePolicy(json);
  const disabled = new Set(policy.disabledDetectors ?? []);
  const custom = policy.customDetectors ?? [];
  const known = new Set([...DETECTORS.map((d) => d.id), ...custom.map((c) => c.id)]);
  const warnings: string[] = [];
  (policy.disabledDetectors ?? []).forEach((id, i) => {
    if (!known.has(id)) {
      warnings.push(`disabledDetectors[${i}]: no detector has the id "${id}"; it disables nothing`);
    }
  });
  const extraDetectors: Detector[] = [];
  custom.forEach((spec, i) => {
    if (disabled.has(spec.id)) return;
    try {
      extraDetectors.push(compileCustomDetector(spec));
    } catch (err) {
      // Validation has checked everything compile checks; this is a guard, not a path.
      const message = err instanceof Error ? err.message : String(err);
      throw new PolicyError([{ path: `customDetectors[${i}]`, message }]);
    }
  });
  const options: CompiledPolicy['options'] = { extraDetectors };
  if (policy.threshold !== undefined) options.threshold = policy.threshold;
  if (policy.levels !== undefined) options.levels = policy.levels;
  return { options, disabled, warnings };
}

/**
 * Scans `text` with the built-in detectors the policy leaves enabled plus its custom ones.
 * `options` override the policy (a CLI `--threshold`); its extraDetectors are added.
 */
export function scanWithPolicy(
  text: string,
  compiled: CompiledPolicy,
  options: ScanOptions = {},
): Finding[] {
  const detectors =
    compiled.disabled.size === 0
      ? DETECTORS
      : DETECTORS.filter((d) => !compiled.disabled.has(d.id));
  const extra = options.extraDetectors
    ? [...compiled.options.extraDetectors, ...options.extraDetectors]
    : compiled.options.extraDetectors;
  return scanWith(detectors, text, { ...compiled.options, ...options, extraDetectors: extra });
}
