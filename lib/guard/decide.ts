/**
 * What the guard does with findings on a page: per finding an action, and for the whole send the
 * strongest one. Pure; policy (issue 4) supplies the rules, DEFAULT_RULES apply until it does.
 */
import { TYPE_INFO, type EntityType, type Finding, type Level } from '@/rules/types.ts';
import type { MaskStrategy } from '@/rules/mask.ts';

export type PageClass = 'unapproved-ai' | 'approved-ai' | 'support-tool';
export const PAGE_CLASSES: readonly PageClass[] = ['unapproved-ai', 'approved-ai', 'support-tool'];

/** Weakest first: the decision for a send is the strongest action of its findings. */
export const ACTIONS = ['allow', 'monitor', 'warn', 'mask', 'block'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ClassRules {
  /** Action per type; wins over `byLevel`. */
  byType?: Partial<Record<EntityType, Action>>;
  /** Action per level, for types without their own entry. */
  byLevel?: Partial<Record<Level, Action>>;
  /** Action for anything not covered above. */
  otherwise: Action;
  /** Masking strategy per type, else `strategy`. */
  strategyByType?: Partial<Record<EntityType, MaskStrategy>>;
  strategy: MaskStrategy;
}

export type GuardRules = Record<PageClass, ClassRules>;

const SECRETS: EntityType[] = ['API_KEY', 'PRIVATE_KEY', 'PASSWORD', 'URL_CREDENTIALS', 'JWT'];
const IDS_AND_HEALTH: EntityType[] = [
  'US_SSN',
  'NATIONAL_ID',
  'TAX_ID',
  'PASSPORT',
  'DRIVER_LICENSE',
  'MEDICAL_RECORD',
  'HEALTH_ID',
];

/**
 * Defaults from issue 3: on unapproved AI mask everything; on approved AI mask RESTRICTED only;
 * on support tools mask cards (partially), block secrets, warn on national ids and health data,
 * allow the rest (agents need customers' names and emails there).
 */
export const DEFAULT_RULES: GuardRules = {
  'unapproved-ai': { otherwise: 'mask', strategy: 'token' },
  'approved-ai': { byLevel: { RESTRICTED: 'mask' }, otherwise: 'allow', strategy: 'token' },
  'support-tool': {
    byType: {
      CREDIT_CARD: 'mask',
      ...Object.fromEntries(SECRETS.map((t) => [t, 'block'])),
      ...Object.fromEntries(IDS_AND_HEALTH.map((t) => [t, 'warn'])),
    },
    strategyByType: { CREDIT_CARD: 'partial' },
    otherwise: 'allow',
    strategy: 'token',
  },
};

export interface FindingDecision {
  finding: Finding;
  action: Action;
  strategy: MaskStrategy;
}

export interface Decision {
  /** The strongest action over all findings; `allow` when there are none. */
  action: Action;
  findings: FindingDecision[];
}

/** The action and strategy for each finding on a page of `pageClass`. */
export function decide(
  findings: readonly Finding[],
  pageClass: PageClass,
  rules: GuardRules = DEFAULT_RULES,
): Decision {
  const r = rules[pageClass];
  let strongest = 0;
  const out: FindingDecision[] = [];
  for (const finding of findings) {
    const level = finding.level ?? TYPE_INFO[finding.type].level;
    const action = r.byType?.[finding.type] ?? r.byLevel?.[level] ?? r.otherwise;
    strongest = Math.max(strongest, ACTIONS.indexOf(action));
    out.push({ finding, action, strategy: r.strategyByType?.[finding.type] ?? r.strategy });
  }
  return { action: ACTIONS[strongest]!, findings: out };
}
