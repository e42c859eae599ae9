/**
 * The Policy form, generated from the policy schema (lib/policy/schema.ts FIELDS and fieldSchema):
 * each field's control follows its schema's shape (a choice, yes/no, a number, text, a list of
 * sites, a type -> choice table), so a field added to the schema appears in the form without a
 * change here. Only the words (section titles, labels) are written by hand; a field without one
 * is labelled from its path.
 */
import { FIELDS, fieldSchema, getField } from '@/lib/policy/schema.ts';
import { PAGE_CLASSES } from '@/lib/guard/decide.ts';
import { effectiveOf } from './model.ts';

/** How a field is edited. */
export type Control =
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'yesno' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'text'; long: boolean }
  | { kind: 'lines' }
  /** A list of approved tools: patterns one a line, other facts kept (edited in JSON). */
  | { kind: 'tools' }
  | { kind: 'map'; keys: readonly string[]; values: readonly string[] }
  | { kind: 'pair'; parts: readonly string[] }
  /** Custom detectors: pattern and word-list ones field by field (CustomDetectors.tsx). */
  | { kind: 'detectors' }
  /** Too rich for a form: a count and a pointer to the JSON tab. */
  | { kind: 'json' };

export interface FieldInfo {
  path: string;
  label: string;
  control: Control;
  /** The built-in value, as text, for "not set" choices and hints. */
  fallback: string;
}

export interface Section {
  id: string;
  title: string;
  help?: string;
  fields: FieldInfo[];
}

const CLASS_NAMES: Record<string, string> = {
  'unapproved-ai': 'Unapproved AI sites',
  'approved-ai': 'Approved AI tools',
  'support-tool': 'Support tools',
};

const LABELS: Record<string, string> = {
  'sites.approved': 'Approved AI tools (one site pattern a line)',
  'sites.unapprovedAi': 'More unapproved AI sites (one a line)',
  'sites.supportTools': 'More support tools (one a line)',
  'sites.excluded': 'Sites Hush leaves alone (one a line)',
  byType: 'Action per data type',
  byLevel: 'Action per level',
  otherwise: 'Action for anything else',
  strategyByType: 'Masking per data type',
  strategy: 'Masking strategy',
  failMode: 'When the check fails',
  'engine.threshold': 'Minimum finding score (0 to 1)',
  'engine.levels': 'Level per data type',
  'engine.disabledDetectors': 'Detectors turned off (ids, one a line)',
  'engine.customDetectors': 'Custom detectors',
  'override.allowed': 'Agents may override a block or warning',
  'override.reasonRequired': 'An override needs a reason',
  reversibleMasking: 'Put masked values back into replies',
  maxFileBytes: 'Largest file checked (bytes)',
  'disclosure.text': 'Disclosure text shown to agents',
  'disclosure.url': 'Disclosure link',
  approvedAlternative: 'Approved alternative (name and link)',
  telemetry: 'Telemetry level',
  'provenance.enabled': 'Follow text copied from support tools',
  'provenance.ttlMinutes': 'Remember copies for (minutes)',
  'provenance.threshold': 'Share of a paste from one copy (0.05 to 1)',
  'provenance.level': 'Level such a paste is raised to',
  'injection.action': 'Action on hidden instructions in a paste',
};

type Schemaish = {
  type: string;
  options?: readonly string[];
  wrapped?: Schemaish;
  key?: Schemaish;
  value?: Schemaish;
  item?: Schemaish;
  entries?: Record<string, Schemaish>;
  pipe?: readonly { type: string }[];
};

function controlOf(field: string): Control {
  let s = fieldSchema(field) as unknown as Schemaish;
  while (s.type === 'optional' && s.wrapped) s = s.wrapped;
  switch (s.type) {
    case 'picklist':
      return { kind: 'choice', options: s.options ?? [] };
    case 'boolean':
      return { kind: 'yesno' };
    case 'number':
      return { kind: 'number', integer: (s.pipe ?? []).some((p) => p.type === 'integer') };
    case 'string':
      return { kind: 'text', long: field === 'disclosure.text' };
    case 'record':
      if (s.key?.options && s.value?.options) {
        return { kind: 'map', keys: s.key.options, values: s.value.options };
      }
      return { kind: 'json' };
    case 'array':
      if (s.item?.type === 'string') return { kind: 'lines' };
      if (field === 'engine.customDetectors') return { kind: 'detectors' };
      if (field === 'sites.approved') return { kind: 'tools' };
      return { kind: 'json' };
    case 'strict_object':
      return { kind: 'pair', parts: Object.keys(s.entries ?? {}) };
    default:
      return { kind: 'json' };
  }
}

function labelOf(field: string): string {
  const own = LABELS[field];
  if (own) return own;
  const last = field.split('.').at(-1)!;
  return LABELS[last] ?? last.replace(/([A-Z])/g, ' $1').toLowerCase();
}

function fallbackText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? `${value.length} entries` : 'none';
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return 'none';
    // A type -> choice table reads as "CREDIT_CARD: mask, API_KEY: block"; deeper values do not.
    return entries.every(([, v]) => typeof v === 'string')
      ? entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ')
      : 'see the JSON tab';
  }
  return String(value);
}

function info(field: string): FieldInfo {
  const defaults = effectiveOf({ version: 1 });
  return {
    path: field,
    label: labelOf(field),
    control: controlOf(field),
    fallback: fallbackText(getField(defaults, field)),
  };
}

/** The form's sections, every schema field in exactly one. */
export function sections(): Section[] {
  const placed = new Set<string>();
  const take = (pred: (f: string) => boolean) =>
    FIELDS.filter((f) => !placed.has(f) && pred(f)).map((f) => {
      placed.add(f);
      return info(f);
    });
  const out: Section[] = PAGE_CLASSES.map((c) => ({
    id: `class-${c}`,
    title: CLASS_NAMES[c] ?? c,
    help: 'A data type’s own action wins over its level’s; anything else gets the last action.',
    fields: take((f) => f.startsWith(`rules.${c}.`) || f === `failMode.${c}`),
  }));
  out.push({ id: 'sites', title: 'Sites', fields: take((f) => f.startsWith('sites.')) });
  out.push({
    id: 'engine',
    title: 'Detection',
    fields: take((f) => f.startsWith('engine.')),
  });
  out.push({
    id: 'agents',
    title: 'Agents',
    fields: take(
      (f) =>
        f.startsWith('override.') ||
        f.startsWith('disclosure.') ||
        f === 'approvedAlternative' ||
        f === 'reversibleMasking',
    ),
  });
  out.push({ id: 'other', title: 'Other settings', fields: take(() => true) });
  return out;
}
