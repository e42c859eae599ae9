/**
 * From the effective policy to what each consumer takes: the guard's rules, texts and settings,
 * the engine's compiled scan options, and a page's class under the policy's site lists.
 */
import type { GuardRules, PageClass } from '@/lib/guard/decide.ts';
import type { GuardSettings, PageTexts } from '@/lib/guard/context.ts';
import { compilePolicy, type CompiledPolicy, type EnginePolicy } from '@/rules/policy.ts';
import { CATALOGUE, type SiteEntry } from '@/lib/sites/catalogue.ts';
import { findSite, matchesPattern } from '@/lib/sites/match.ts';
import type { ApprovedTool, Policy } from './schema.ts';

/** The guard's rules per page class. */
export function toGuardRules(policy: Policy): GuardRules {
  const out = {} as GuardRules;
  for (const [c, r] of Object.entries(policy.rules) as [PageClass, Policy['rules'][PageClass]][]) {
    out[c] = {
      byType: { ...r.byType },
      byLevel: { ...r.byLevel },
      otherwise: r.otherwise,
      strategyByType: { ...r.strategyByType },
      strategy: r.strategy,
    };
  }
  return out;
}

/** The texts agents see (disclosure, approved alternative). */
export function toPageTexts(policy: Policy): PageTexts {
  const texts: PageTexts = {};
  if (policy.disclosure.text !== null) texts.disclosure = policy.disclosure.text;
  if (policy.disclosure.url !== null) texts.disclosureUrl = policy.disclosure.url;
  if (policy.approvedAlternative) texts.approvedAlternative = { ...policy.approvedAlternative };
  return texts;
}

/** The guard's settings on a page of `pageClass`. */
export function toGuardSettings(policy: Policy, pageClass: PageClass): GuardSettings {
  return {
    overrideAllowed: policy.override.allowed,
    overrideReasonRequired: policy.override.reasonRequired,
    reversible: policy.reversibleMasking,
    failMode: policy.failMode[pageClass],
    maxFileBytes: policy.maxFileBytes,
    provenance: {
      enabled: policy.provenance.enabled,
      threshold: policy.provenance.threshold,
      level: policy.provenance.level,
    },
    injectionAction: policy.injection.action,
  };
}

/** The engine policy part, in the shape rules/policy.ts reads. */
export function toEnginePolicy(policy: Policy): EnginePolicy {
  const e = policy.engine;
  const out: Record<string, unknown> = {};
  if (e.threshold !== null) out.threshold = e.threshold;
  if (Object.keys(e.levels).length) out.levels = e.levels;
  if (e.disabledDetectors.length) out.disabledDetectors = e.disabledDetectors;
  if (e.customDetectors.length) out.customDetectors = e.customDetectors;
  return out as EnginePolicy;
}

/**
 * The engine's scan options (threshold, levels, custom detectors, disabled ids). Compiling a
 * policy's custom detectors costs time (regex safety analysis), so callers keep the result per
 * policy rather than per scan.
 */
export function toScanOptions(policy: Policy): CompiledPolicy {
  return compilePolicy(toEnginePolicy(policy));
}

function matchesAny(url: URL, patterns: readonly string[]): boolean {
  return patterns.some((p) => matchesPattern(url.hostname, url.pathname, p));
}

/** Where a page stands under the policy: its class, or `excluded`, or null (not guarded). */
export function classify(
  address: string,
  policy: Policy,
  catalogue: readonly SiteEntry[] = CATALOGUE,
): PageClass | 'excluded' | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const s = policy.sites;
  // Order matters: IT's exclusion wins, then approval, then IT's own lists, then the catalogue.
  if (matchesAny(url, s.excluded)) return 'excluded';
  if (
    matchesAny(
      url,
      s.approved.map((a) => a.pattern),
    )
  )
    return 'approved-ai';
  if (matchesAny(url, s.unapprovedAi)) return 'unapproved-ai';
  if (matchesAny(url, s.supportTools)) return 'support-tool';
  const site = findSite(url, catalogue);
  if (!site) return null;
  return site.kind === 'ai' ? 'unapproved-ai' : 'support-tool';
}

/** The approved tool entry a page belongs to, if any (for its vendor facts). */
export function approvedToolFor(address: string, policy: Policy): ApprovedTool | null {
  try {
    const url = new URL(address);
    return policy.sites.approved.find((a) => matchesAny(url, [a.pattern])) ?? null;
  } catch {
    return null;
  }
}

/**
 * The background's classification of a message sender's page (lib/incidents/sender.ts) under the
 * policy known at that moment: excluded pages are not guarded, policy-only hosts have no
 * catalogue entry.
 */
export function classifyByPolicy(
  current: () => Policy,
  catalogue: readonly SiteEntry[] = CATALOGUE,
): (url: URL) => { site: SiteEntry | null; pageClass: PageClass } | null {
  return (url) => {
    const pageClass = classify(url.href, current(), catalogue);
    if (pageClass === null || pageClass === 'excluded') return null;
    return { site: findSite(url, catalogue), pageClass };
  };
}
