/**
 * What the guard does with one piece of text on a page: scan, decide, and (when the decision
 * says so) mask. Pure apart from the vault it is handed, so it is unit-tested without a page.
 */
import {
  scan,
  mask,
  TYPE_INFO,
  type EntityType,
  type Level,
  type MaskStrategy,
  type TokenVault,
} from '@/rules/index.ts';
import { decide, type Action, type GuardRules, type PageClass } from './decide.ts';

/**
 * One finding the agent may have to see: where it is in the planned text and why it was found.
 * It holds offsets, not the value; the caller slices the value out of the text when it needs a
 * partial preview or to release it.
 */
export interface PlannedFinding {
  type: EntityType;
  action: Action;
  start: number;
  end: number;
  /** The detector's id (its file name). */
  detector: string;
  level: Level;
  /** The context or check that made the detector sure, if it said. */
  reason?: string;
}

export type Plan =
  /** Nothing to do: let the text through untouched. */
  | { kind: 'clean' }
  /** Let it through untouched, but count these types (policy's `monitor`). */
  | { kind: 'monitor'; types: EntityType[] }
  /** Stop: these types may not leave at all. Nothing is inserted or sent. */
  | { kind: 'block'; types: EntityType[]; findings: PlannedFinding[] }
  /** Ask first: these types need the agent's confirmation. */
  | { kind: 'warn'; types: EntityType[]; findings: PlannedFinding[] }
  /** Replace the text with `masked`; `types` were masked (one entry a value). */
  | { kind: 'mask'; masked: string; types: EntityType[]; findings: PlannedFinding[] };

export interface PlanOptions {
  pageClass: PageClass;
  vault: TokenVault;
  /** The rules per page class; the built-in defaults when absent. */
  rules?: GuardRules;
  scan?: typeof scan;
}

/**
 * The plan for `text`. Block wins over mask (a send that carries a key is stopped even if it
 * also has an email); mask wins over warn, and what needs a warning is left for the next send.
 */
export function planFor(text: string, options: PlanOptions): Plan {
  if (text.trim() === '') return { kind: 'clean' };
  const findings = (options.scan ?? scan)(text);
  if (findings.length === 0) return { kind: 'clean' };
  const decision = decide(findings, options.pageClass, options.rules);
  const of = (action: string): EntityType[] =>
    decision.findings.filter((d) => d.action === action).map((d) => d.finding.type);
  // What the review panel lists: everything that is not let through silently, in text order.
  const shown: PlannedFinding[] = decision.findings
    .filter((d) => d.action === 'warn' || d.action === 'mask' || d.action === 'block')
    .sort((a, b) => a.finding.start - b.finding.start)
    .map(({ finding: f, action }) => ({
      type: f.type,
      action,
      start: f.start,
      end: f.end,
      detector: f.detector,
      level: f.level,
      ...(f.reason ? { reason: f.reason } : {}),
    }));
  if (decision.action === 'block') return { kind: 'block', types: of('block'), findings: shown };
  const toMask = decision.findings.filter((d) => d.action === 'mask');
  if (toMask.length > 0) {
    // Each finding may have its own strategy (support tools mask cards partially). Overlapping
    // findings are merged into the first, as mask() does, so no half value is left behind; then
    // each is masked from the end of the text, so earlier offsets stay valid.
    const spans: { start: number; end: number; type: EntityType; strategy: MaskStrategy }[] = [];
    for (const d of [...toMask].sort((a, b) => a.finding.start - b.finding.start)) {
      const last = spans[spans.length - 1];
      if (last && d.finding.start < last.end) last.end = Math.max(last.end, d.finding.end);
      else spans.push({ ...d.finding, strategy: d.strategy });
    }
    let masked = text;
    for (const span of [...spans].reverse()) {
      const value = masked.slice(span.start, span.end);
      const whole = {
        type: span.type,
        start: 0,
        end: value.length,
        score: 1,
        detector: 'guard',
        level: TYPE_INFO[span.type].level,
      };
      const replaced = mask(value, [whole], { strategy: span.strategy, vault: options.vault }).text;
      masked = masked.slice(0, span.start) + replaced + masked.slice(span.end);
    }
    return { kind: 'mask', masked, types: spans.map((s) => s.type), findings: shown };
  }
  if (decision.action === 'warn') return { kind: 'warn', types: of('warn'), findings: shown };
  if (decision.action === 'monitor') return { kind: 'monitor', types: of('monitor') };
  return { kind: 'clean' };
}

/** "email, card": short type names for a notice, each once, in order of first appearance. */
export function describeTypes(types: readonly EntityType[]): string {
  return [...new Set(types)].map(shortName).join(', ');
}

const SHORT: Partial<Record<EntityType, string>> = {
  EMAIL: 'email',
  CREDIT_CARD: 'card',
  PHONE: 'phone',
  PERSON: 'name',
  ADDRESS: 'address',
  IP_ADDRESS: 'IP address',
  API_KEY: 'API key',
  JWT: 'JWT',
  US_SSN: 'SSN',
  IBAN: 'IBAN',
};

function shortName(type: EntityType): string {
  return SHORT[type] ?? TYPE_INFO[type].label.toLowerCase();
}
