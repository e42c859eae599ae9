/**
 * The built-in defaults: the lowest layer, complete. They are the guard's issue-3 defaults
 * (DEFAULT_RULES, defaultSettings), so a browser without any policy behaves exactly as before.
 */
import { DEFAULT_RULES, PAGE_CLASSES, type PageClass } from '@/lib/guard/decide.ts';
import { defaultSettings } from '@/lib/guard/context.ts';
import { POLICY_VERSION, type EffectiveClassRules, type Policy } from './schema.ts';

function classRules(c: PageClass): EffectiveClassRules {
  const r = DEFAULT_RULES[c];
  return {
    byType: { ...r.byType },
    byLevel: { ...r.byLevel },
    otherwise: r.otherwise,
    strategyByType: { ...r.strategyByType },
    strategy: r.strategy,
  };
}

/** A fresh copy of the built-in policy (callers may mutate it). */
export function defaultPolicy(): Policy {
  const s = (c: PageClass) => defaultSettings(c);
  return {
    version: POLICY_VERSION,
    sites: { approved: [], unapprovedAi: [], supportTools: [], excluded: [] },
    rules: Object.fromEntries(PAGE_CLASSES.map((c) => [c, classRules(c)])) as Policy['rules'],
    engine: { threshold: null, levels: {}, disabledDetectors: [], customDetectors: [] },
    override: {
      allowed: s('unapproved-ai').overrideAllowed,
      reasonRequired: s('unapproved-ai').overrideReasonRequired,
    },
    reversibleMasking: s('unapproved-ai').reversible,
    failMode: Object.fromEntries(PAGE_CLASSES.map((c) => [c, s(c).failMode])) as Policy['failMode'],
    maxFileBytes: s('unapproved-ai').maxFileBytes,
    disclosure: { text: null, url: null },
    approvedAlternative: null,
    telemetry: 'counts',
    provenance: { enabled: true, ttlMinutes: 8 * 60, threshold: 0.5, level: 'CONFIDENTIAL' },
    injection: { action: 'warn' },
  };
}
