/**
 * The policy document (version 1): everything a company sets about what Hush does. One document
 * shape serves every layer (managed, synced, local, built-in defaults, see layers.ts); in a layer
 * every field is optional, and the effective policy has every field.
 *
 * A policy is a tree whose leaves are the FIELDS below. A field is the unit of layering and
 * locking: its value comes whole from one layer (a list of sites is not merged across layers, so
 * IT's list means exactly what IT wrote). The engine part (`engine.*`) is the engine policy of
 * rules/policy.ts, validated by it, not duplicated here.
 *
 * Field paths are forever (STYLE.md principle 8): managed policies, locks and synced documents
 * name them. Add fields; never rename one without an alias and a migration.
 */
import * as v from 'valibot';
import {
  ENGINE_POLICY_ENTRIES,
  PolicyError,
  formatIssuePath,
  parseEnginePolicy,
  type PolicyProblem,
} from '@/rules/policy.ts';
import { EntityTypeSchema } from '@/rules/custom/common.ts';
import { LEVELS, type EntityType, type Level } from '@/rules/types.ts';
import { MASK_STRATEGIES, type MaskStrategy } from '@/rules/mask.ts';
import { ACTIONS, PAGE_CLASSES, type Action, type PageClass } from '@/lib/guard/decide.ts';
import { PATTERN } from '@/lib/sites/match.ts';

export { PolicyError, type PolicyProblem };

/** The document version this release writes and reads natively. */
export const POLICY_VERSION = 1;

/** How much the incident records say (the backend's telemetry, issue 4). */
export const TELEMETRY_LEVELS = ['counts', 'counts-and-reasons'] as const;
export type TelemetryLevel = (typeof TELEMETRY_LEVELS)[number];

export const FAIL_MODES = ['closed', 'open'] as const;
export type FailMode = (typeof FAIL_MODES)[number];

/** An approved AI tool and what the company knows about the vendor's handling of data. */
export interface ApprovedTool {
  /** A site pattern as in the catalogue: `chatgpt.com`, `*.openai.azure.com`, `host/path`. */
  pattern: string;
  /** The name shown to agents; the catalogue's name when absent. */
  name?: string;
  /** The vendor keeps no prompts or outputs (a contract term the company has checked). */
  zeroDataRetention?: boolean;
  /** Where the vendor stores data, as region codes (`EU`, `US`, `DE`). */
  dataResidency?: string[];
}

/** One page class's rules in the effective policy (the guard's ClassRules, every part present). */
export interface EffectiveClassRules {
  byType: Partial<Record<EntityType, Action>>;
  byLevel: Partial<Record<Level, Action>>;
  otherwise: Action;
  strategyByType: Partial<Record<EntityType, MaskStrategy>>;
  strategy: MaskStrategy;
}

/** The effective policy: every field has a value. */
export interface Policy {
  version: typeof POLICY_VERSION;
  sites: {
    approved: ApprovedTool[];
    unapprovedAi: string[];
    supportTools: string[];
    excluded: string[];
  };
  rules: Record<PageClass, EffectiveClassRules>;
  engine: {
    /** Minimum finding score; null is the engine's default. */
    threshold: number | null;
    levels: Partial<Record<EntityType, Level>>;
    disabledDetectors: string[];
    customDetectors: unknown[];
  };
  override: { allowed: boolean; reasonRequired: boolean };
  reversibleMasking: boolean;
  failMode: Record<PageClass, FailMode>;
  maxFileBytes: number;
  disclosure: { text: string | null; url: string | null };
  approvedAlternative: { name: string; url: string } | null;
  telemetry: TelemetryLevel;
  /** Copy provenance (issue 7): text copied in a support tool and pasted into an AI site. */
  provenance: {
    enabled: boolean;
    /** How long a copy is remembered, in minutes. */
    ttlMinutes: number;
    /** The share of a paste's shingles that must come from one copy, 0.05..1. */
    threshold: number;
    /** The level such a paste is raised to; the page's action for that level applies. */
    level: Level;
  };
  /** Hidden instructions in pasted text (issue 7): the action on a paste into an AI site. */
  injection: { action: Action };
}

const pick = <T extends string>(options: readonly T[]) =>
  v.picklist(options, (issue) => `must be one of ${options.join(', ')} (got ${issue.received})`);

const ActionSchema = pick(ACTIONS);
const StrategySchema = pick(MASK_STRATEGIES);
const LevelSchema = pick(LEVELS);

const PatternSchema = v.pipe(
  v.string('must be a site pattern (a string)'),
  v.trim(),
  v.toLowerCase(),
  v.regex(PATTERN, 'must be a host (example.com), *.host or host/path, without scheme or port'),
);
const PatternListSchema = v.pipe(
  v.array(PatternSchema, 'must be a list of site patterns'),
  v.maxLength(1000, 'must list at most 1000 sites'),
);

/** An https (or http) address; a policy link must never be `javascript:` or `data:`. */
const LinkSchema = v.pipe(
  v.string('must be a web address (a string)'),
  v.maxLength(2000, 'must be at most 2000 characters'),
  v.check((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http or https address'),
);

const ShortText = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const strict = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject(entries, (issue) =>
    issue.expected === 'never'
      ? `unknown field (allowed: ${Object.keys(entries).join(', ')})`
      : `must be an object (got ${issue.received})`,
  );

const ApprovedToolSchema = strict({
  pattern: PatternSchema,
  name: v.optional(ShortText(100)),
  zeroDataRetention: v.optional(v.boolean('must be true or false')),
  dataResidency: v.optional(
    v.pipe(
      v.array(
        v.pipe(v.string(), v.regex(/^[A-Z]{2,3}$/, 'must be a region code such as EU, US or DE')),
      ),
      v.maxLength(50, 'must list at most 50 regions'),
    ),
  ),
});

const BooleanSchema = v.boolean('must be true or false');

/** Leaf schemas, keyed by field path. The engine's leaves are validated by rules/policy.ts. */
const LOCAL_LEAVES = {
  'sites.approved': v.pipe(
    v.array(ApprovedToolSchema, 'must be a list of approved tools'),
    v.maxLength(1000, 'must list at most 1000 tools'),
  ),
  'sites.unapprovedAi': PatternListSchema,
  'sites.supportTools': PatternListSchema,
  'sites.excluded': PatternListSchema,
  ...Object.fromEntries(
    PAGE_CLASSES.flatMap((c) => [
      [`rules.${c}.byType`, v.record(EntityTypeSchema, ActionSchema)],
      [`rules.${c}.byLevel`, v.record(LevelSchema, ActionSchema)],
      [`rules.${c}.otherwise`, ActionSchema],
      [`rules.${c}.strategyByType`, v.record(EntityTypeSchema, StrategySchema)],
      [`rules.${c}.strategy`, StrategySchema],
    ]),
  ),
  'override.allowed': BooleanSchema,
  'override.reasonRequired': BooleanSchema,
  reversibleMasking: BooleanSchema,
  ...Object.fromEntries(PAGE_CLASSES.map((c) => [`failMode.${c}`, pick(FAIL_MODES)])),
  maxFileBytes: v.pipe(
    v.number('must be a number of bytes'),
    v.integer('must be a whole number of bytes'),
    v.minValue(1024, 'must be at least 1024 bytes'),
    v.maxValue(1024 * 1024 * 1024, 'must be at most 1 GiB'),
  ),
  'disclosure.text': ShortText(2000),
  'disclosure.url': LinkSchema,
  approvedAlternative: strict({ name: ShortText(100), url: LinkSchema }),
  telemetry: pick(TELEMETRY_LEVELS),
  'provenance.enabled': BooleanSchema,
  'provenance.ttlMinutes': v.pipe(
    v.number('must be a number of minutes'),
    v.integer('must be a whole number of minutes'),
    v.minValue(1, 'must be at least 1 minute'),
    v.maxValue(7 * 24 * 60, 'must be at most 7 days'),
  ),
  'provenance.threshold': v.pipe(
    v.number('must be a share between 0.05 and 1'),
    v.minValue(0.05, 'must be at least 0.05'),
    v.maxValue(1, 'must be at most 1'),
  ),
  'provenance.level': LevelSchema,
  'injection.action': ActionSchema,
} as Record<string, v.GenericSchema>;

const ENGINE_KEYS = Object.keys(ENGINE_POLICY_ENTRIES) as (keyof typeof ENGINE_POLICY_ENTRIES)[];

/** Every field path, in document order. */
export const FIELDS: readonly string[] = [
  'sites.approved',
  'sites.unapprovedAi',
  'sites.supportTools',
  'sites.excluded',
  ...PAGE_CLASSES.flatMap((c) =>
    ['byType', 'byLevel', 'otherwise', 'strategyByType', 'strategy'].map((k) => `rules.${c}.${k}`),
  ),
  ...ENGINE_KEYS.map((k) => `engine.${k}`),
  'override.allowed',
  'override.reasonRequired',
  'reversibleMasking',
  ...PAGE_CLASSES.map((c) => `failMode.${c}`),
  'maxFileBytes',
  'disclosure.text',
  'disclosure.url',
  'approvedAlternative',
  'telemetry',
  'provenance.enabled',
  'provenance.ttlMinutes',
  'provenance.threshold',
  'provenance.level',
  'injection.action',
];
const FIELD_SET = new Set(FIELDS);

/** The valibot schema of one field's value (for the managed-storage schema and the tests). */
export function fieldSchema(field: string): v.GenericSchema {
  if (field.startsWith('engine.')) {
    const entry = ENGINE_POLICY_ENTRIES[field.slice(7) as keyof typeof ENGINE_POLICY_ENTRIES];
    return entry.wrapped as v.GenericSchema;
  }
  const schema = LOCAL_LEAVES[field];
  if (!schema) throw new Error(`no such policy field: ${field}`);
  return schema;
}

/** Groups a lock may name besides single fields: each prefix of a field path, and `*`. */
export const LOCK_GROUPS: readonly string[] = [
  '*',
  ...new Set(
    FIELDS.flatMap((f) => {
      const parts = f.split('.');
      return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
    }),
  ),
];

/** The fields a lock entry (a field, a group or `*`) covers; empty when it names nothing. */
export function fieldsCovered(lock: string): string[] {
  if (lock === '*') return [...FIELDS];
  return FIELDS.filter((f) => f === lock || f.startsWith(`${lock}.`));
}

/** A policy layer: a partial document, field path -> validated value. */
export type Layer = ReadonlyMap<string, unknown>;

/** A layer with its problems: what could be read is kept, what could not is named. */
export interface ReadLayer {
  layer: Layer;
  problems: PolicyProblem[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function validateField(
  field: string,
  raw: unknown,
): { value?: unknown; problems: PolicyProblem[] } {
  if (field.startsWith('engine.')) {
    const key = field.slice(7);
    try {
      const parsed = parseEnginePolicy({ [key]: raw }) as Record<string, unknown>;
      return { value: parsed[key], problems: [] };
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      return {
        problems: err.problems.map((p) => ({
          path: `engine.${p.path}`,
          message: p.message,
        })),
      };
    }
  }
  const result = v.safeParse(fieldSchema(field), raw);
  if (result.success) return { value: result.output, problems: [] };
  const seen = new Set<string>();
  const problems: PolicyProblem[] = [];
  for (const issue of result.issues) {
    const sub = formatIssuePath(issue.path);
    const path = sub ? (sub.startsWith('[') ? `${field}${sub}` : `${field}.${sub}`) : field;
    const message =
      issue.received === 'undefined' && issue.kind === 'schema' ? 'is required' : issue.message;
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  return { problems };
}

/**
 * Reads a (migrated) policy document leniently: every valid field is kept, every invalid or
 * unknown one is reported with its path. Used for managed policy, where one mistyped value in a
 * GPO must not throw away the rest of IT's settings.
 */
export function readLayer(doc: unknown): ReadLayer {
  const layer = new Map<string, unknown>();
  const problems: PolicyProblem[] = [];
  if (!isRecord(doc)) {
    problems.push({ path: '', message: `must be a JSON object (got ${describe(doc)})` });
    return { layer, problems };
  }
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, raw] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (path === 'version') continue;
      if (FIELD_SET.has(path)) {
        const { value, problems: found } = validateField(path, raw);
        if (found.length) problems.push(...found);
        else layer.set(path, value);
      } else if (LOCK_GROUPS.includes(path) && path !== '*') {
        if (isRecord(raw)) walk(raw, path);
        else problems.push({ path, message: `must be an object (got ${describe(raw)})` });
      } else {
        problems.push({ path, message: 'unknown field' });
      }
    }
  };
  walk(doc, '');
  return { layer, problems };
}

/** Reads a policy document strictly: any problem throws PolicyError naming its field. */
export function parseLayer(doc: unknown): Layer {
  const { layer, problems } = readLayer(doc);
  if (problems.length) throw new PolicyError(problems);
  return layer;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x;
}

/** The value at a field path of an effective policy. */
export function getField(policy: Policy, field: string): unknown {
  let node: unknown = policy;
  for (const part of field.split('.')) node = (node as Record<string, unknown>)[part];
  return node;
}

/** Sets a field of a policy object under construction. */
export function setField(policy: Policy, field: string, value: unknown): void {
  const parts = field.split('.');
  let node = policy as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/** A layer as a nested JSON document (for storage and for showing it). */
export function layerToDocument(layer: Layer): Record<string, unknown> {
  const doc: Record<string, unknown> = { version: POLICY_VERSION };
  for (const [field, value] of layer) {
    const parts = field.split('.');
    let node = doc;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = value;
  }
  return doc;
}
