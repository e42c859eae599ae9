/**
 * What every part of the in-page guard shares on one page: the page's class and rules, the tab's
 * token vault, the content script's lifetime, where decisions are reported, and the values the
 * agent chose to send anyway. The content script builds one and hands it to each part (send and
 * paste guard, uploads, typing overlay, network backstop bridge, reply unmasking).
 */
import type { EntityType, Finding, Level, TokenVault } from '@/rules/index.ts';
import type { ProvenanceClient } from '@/lib/provenance/client.ts';
import { DEFAULT_RULES, type Action, type GuardRules, type PageClass } from './decide.ts';

import type { GuardEvent } from './vocabulary.ts';

export { CHANNELS, OUTCOMES, type Channel, type GuardEvent, type Outcome } from './vocabulary.ts';

/** Texts the company sets in policy (issue 4); each is optional. */
export interface PageTexts {
  /** The first-visit notice's text; a built-in sentence when absent. */
  disclosure?: string;
  /** A link for "learn more" beside the disclosure. */
  disclosureUrl?: string;
  /** The approved AI tool to use instead, named by every block on an unapproved AI site. */
  approvedAlternative?: { name: string; url: string };
}

/**
 * Values the agent released (confirmed a warning for, or sent anyway with a reason). They live
 * in the tab's memory only, so the network backstop does not stop what the agent was allowed to
 * send. The page already holds these values; nothing here is stored or sent.
 */
export class Released {
  readonly #values = new Set<string>();
  add(values: Iterable<string>): void {
    for (const v of values) this.#values.add(v);
  }
  has(value: string): boolean {
    return this.#values.has(value);
  }
  get size(): number {
    return this.#values.size;
  }
}

/**
 * Settings policy will supply (issue 4). Until it does, `guardContext` fills in the defaults
 * below, chosen for an unapproved AI site to be safe and for agents to be able to finish the job.
 */
export interface GuardSettings {
  /** Whether the agent may send anyway after a warning or a mask (never after a block). */
  overrideAllowed: boolean;
  /** Whether sending anyway needs a written reason. */
  overrideReasonRequired: boolean;
  /** Reversible masking: tokens like [EMAIL_1] can be put back in the AI's reply, locally. */
  reversible: boolean;
  /**
   * What happens to content Hush cannot read (an unreadable or over-size file, a request body it
   * cannot decode): `closed` stops it, `open` lets it through.
   */
  failMode: 'closed' | 'open';
  /** Files larger than this are not read; the fail mode decides. */
  maxFileBytes: number;
  /**
   * Copy provenance (issue 7): whether a paste is compared with recent support-tool copies, the
   * share of its shingles that must match, and the level a matching paste is raised to.
   */
  provenance: { enabled: boolean; threshold: number; level: Level };
  /** What a paste into an AI site that carries hidden instructions gets (issue 7). */
  injectionAction: Action;
}

/** The built-in settings for a page class: fail closed only on unapproved AI sites. */
export function defaultSettings(pageClass: PageClass): GuardSettings {
  return {
    overrideAllowed: true,
    overrideReasonRequired: true,
    reversible: true,
    failMode: pageClass === 'unapproved-ai' ? 'closed' : 'open',
    maxFileBytes: 20 * 1024 * 1024,
    provenance: { enabled: true, threshold: 0.5, level: 'CONFIDENTIAL' },
    injectionAction: 'warn',
  };
}

export interface GuardContext {
  win: Window;
  pageClass: PageClass;
  /** The rules per page class (built-in defaults until policy supplies them, issue 4). */
  rules: GuardRules;
  /** Token numbering for this tab's conversation; its seed must be random (see TokenVault). */
  vault: TokenVault;
  /**
   * The content script's lifetime: aborting removes every listener, overlay and notice. The
   * content script replaces it with a new scope's when document.open() has erased the frame's
   * listeners and the parts start again (entrypoints/guard.content.ts).
   */
  signal: AbortSignal;
  /** Hands one decision to the background, which records it as an incident. */
  report: (event: GuardEvent) => void;
  released: Released;
  texts: PageTexts;
  settings: GuardSettings;
  /**
   * The engine as policy configures it (custom detectors, levels, threshold). Every part scans
   * through it so that they all see the same findings; unset means the engine's defaults. Not
   * defaulted here, so that modules which only need this file's vocabulary (the popup, the
   * background) do not pull the engine into their bundles.
   */
  scan?: (text: string) => Finding[];
  /**
   * Set while the page waits for the policy's first answer (entrypoints/guard.content.ts): text
   * pasted or dropped meanwhile is held until it arrives (lib/guard/guard.ts), so the company's
   * rules, not the built-in defaults, decide it. Unset once the policy is applied.
   */
  policyPending?: Promise<void>;
  /** Copy provenance (issue 7, lib/provenance/client.ts); unset in tests that do not need it. */
  provenance?: ProvenanceClient;
}

/** A context with defaults for what the caller leaves out (tests build theirs this way). */
export function guardContext(
  base: Pick<GuardContext, 'win' | 'pageClass' | 'vault' | 'signal'> & Partial<GuardContext>,
): GuardContext {
  return {
    rules: DEFAULT_RULES,
    report: () => {},
    released: new Released(),
    texts: {},
    settings: defaultSettings(base.pageClass),
    ...base,
  };
}

/** Counts per type, from a list with one entry a value. */
export function countTypes(types: readonly EntityType[]): Partial<Record<EntityType, number>> {
  const counts: Partial<Record<EntityType, number>> = {};
  for (const t of types) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/**
 * The detectors behind a plan's `types` list, keyed by the very array the guard later hands to
 * its report: the plan and the report of one decision share that array, so the ids reported are
 * exactly the ones of that decision (issue 4, "this was not sensitive"). A WeakMap, so nothing
 * outlives the plan.
 */
const planDetectors = new WeakMap<readonly EntityType[], string[]>();

/**
 * Notes which detectors made a plan's decision (the findings whose action is the plan's kind)
 * and returns the plan unchanged. Ids only: a finding's text never enters here.
 */
export function noteDetectors<
  P extends {
    kind: string;
    types?: readonly EntityType[];
    findings?: readonly { detector: string; action: string }[];
  },
>(plan: P): P {
  if (plan.types && plan.findings) {
    const ids = plan.findings.filter((f) => f.action === plan.kind).map((f) => f.detector);
    if (ids.length > 0) planDetectors.set(plan.types, [...new Set(ids)]);
  }
  return plan;
}

/** The detector ids noted for a plan's `types` array, if any. */
export function detectorsFor(types: readonly EntityType[]): string[] | undefined {
  return planDetectors.get(types);
}
