/**
 * The playground's engine run: the sample text scanned in the page by the same code the extension
 * runs (rules/ through lib/policy/convert.ts and lib/guard/decide.ts), under the draft's effective
 * policy: its custom detectors, levels, threshold and disabled detectors, then its actions for the
 * chosen kind of page. Nothing here talks to the network; the text stays in the page.
 */
import { scanWithPolicy, type CompiledPolicy } from '@/rules/policy.ts';
import type { EntityType, Level } from '@/rules/types.ts';
import type { MaskStrategy } from '@/rules/mask.ts';
import { decide, type Action, type PageClass } from '@/lib/guard/decide.ts';
import { toGuardRules, toScanOptions } from '@/lib/policy/convert.ts';
import type { Policy } from '@/lib/policy/schema.ts';

/** One marked span and what the policy would do with it. */
export interface Span {
  start: number;
  end: number;
  type: EntityType;
  detector: string;
  score: number;
  level: Level;
  action: Action;
  strategy: MaskStrategy;
}

export interface Outcome {
  spans: Span[];
  /** The decision for the whole text: the strongest action of its spans (`allow` without any). */
  action: Action;
}

/** Compiling custom detectors costs time (regex safety analysis): once per policy object. */
const compiled = new WeakMap<Policy, CompiledPolicy>();

/** Scans `text` under `policy` and decides each finding as a page of `pageClass` would. */
export function simulate(policy: Policy, text: string, pageClass: PageClass): Outcome {
  let c = compiled.get(policy);
  if (!c) {
    c = toScanOptions(policy);
    compiled.set(policy, c);
  }
  const findings = scanWithPolicy(text, c);
  const d = decide(findings, pageClass, toGuardRules(policy));
  return {
    action: d.action,
    spans: d.findings.map(({ finding: f, action, strategy }) => ({
      start: f.start,
      end: f.end,
      type: f.type,
      detector: f.detector,
      score: f.score,
      level: f.level,
      action,
      strategy,
    })),
  };
}

/** The text cut at the spans: plain pieces and marked ones, in order (spans do not overlap). */
export function pieces(
  text: string,
  spans: Span[],
): ({ text: string } | { text: string; span: Span })[] {
  const out: ({ text: string } | { text: string; span: Span })[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), span: s });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
