/**
 * The engine's vocabulary. These identifiers are used everywhere (UI, telemetry, policy, CLI)
 * and are forever: never rename or reuse one (see STYLE.md, "Identifiers are forever").
 */
export const ENTITY_TYPES = [
  'PERSON',
  'EMAIL',
  'PHONE',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'CREDIT_CARD',
  'IBAN',
  'BANK_ACCOUNT',
  'ROUTING_NUMBER',
  'SWIFT_BIC',
  'US_SSN',
  'NATIONAL_ID',
  'TAX_ID',
  'PASSPORT',
  'DRIVER_LICENSE',
  'MEDICAL_RECORD',
  'HEALTH_ID',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'CRYPTO_WALLET',
  'API_KEY',
  'PRIVATE_KEY',
  'PASSWORD',
  'JWT',
  'URL_CREDENTIALS',
  'CUSTOM',
  // Instructions aimed at an AI hidden in pasted text (issue 7). Found only by rules/injection/,
  // which runs on pastes into AI sites, never by the default registry.
  'PROMPT_INJECTION',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** Classification levels, lowest first. */
export const LEVELS = ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'] as const;
export type Level = (typeof LEVELS)[number];

/** A group of types, as the UI and the guard talk about them ("payment data", "secrets"). */
export type TypeGroup =
  | 'contact'
  | 'payment'
  | 'government-id'
  | 'health'
  | 'network'
  | 'secret'
  | 'custom'
  | 'instruction';

export interface TypeInfo {
  /** Short human label, e.g. "Credit card number". */
  readonly label: string;
  readonly group: TypeGroup;
  /** Default classification; a policy may override it. */
  readonly level: Level;
}

export const TYPE_INFO: Readonly<Record<EntityType, TypeInfo>> = {
  PERSON: { label: 'Person name', group: 'contact', level: 'CONFIDENTIAL' },
  EMAIL: { label: 'Email address', group: 'contact', level: 'CONFIDENTIAL' },
  PHONE: { label: 'Phone number', group: 'contact', level: 'CONFIDENTIAL' },
  ADDRESS: { label: 'Street address', group: 'contact', level: 'CONFIDENTIAL' },
  DATE_OF_BIRTH: { label: 'Date of birth', group: 'contact', level: 'CONFIDENTIAL' },
  CREDIT_CARD: { label: 'Payment card data', group: 'payment', level: 'RESTRICTED' },
  IBAN: { label: 'IBAN', group: 'payment', level: 'RESTRICTED' },
  BANK_ACCOUNT: { label: 'Bank account number', group: 'payment', level: 'RESTRICTED' },
  ROUTING_NUMBER: { label: 'Bank routing number', group: 'payment', level: 'INTERNAL' },
  SWIFT_BIC: { label: 'SWIFT/BIC code', group: 'payment', level: 'INTERNAL' },
  US_SSN: { label: 'US Social Security number', group: 'government-id', level: 'RESTRICTED' },
  NATIONAL_ID: { label: 'National id number', group: 'government-id', level: 'RESTRICTED' },
  TAX_ID: { label: 'Tax id', group: 'government-id', level: 'RESTRICTED' },
  PASSPORT: { label: 'Passport number', group: 'government-id', level: 'RESTRICTED' },
  DRIVER_LICENSE: { label: "Driver's licence number", group: 'government-id', level: 'RESTRICTED' },
  MEDICAL_RECORD: { label: 'Medical record number', group: 'health', level: 'RESTRICTED' },
  HEALTH_ID: { label: 'Health insurance or provider id', group: 'health', level: 'RESTRICTED' },
  IP_ADDRESS: { label: 'IP address', group: 'network', level: 'INTERNAL' },
  MAC_ADDRESS: { label: 'MAC address', group: 'network', level: 'INTERNAL' },
  CRYPTO_WALLET: { label: 'Crypto wallet address', group: 'payment', level: 'CONFIDENTIAL' },
  API_KEY: { label: 'API key or token', group: 'secret', level: 'RESTRICTED' },
  PRIVATE_KEY: { label: 'Private key', group: 'secret', level: 'RESTRICTED' },
  PASSWORD: { label: 'Password or credential', group: 'secret', level: 'RESTRICTED' },
  JWT: { label: 'JSON Web Token', group: 'secret', level: 'RESTRICTED' },
  URL_CREDENTIALS: { label: 'Credentials in a URL', group: 'secret', level: 'RESTRICTED' },
  CUSTOM: { label: 'Company-defined data', group: 'custom', level: 'CONFIDENTIAL' },
  PROMPT_INJECTION: {
    label: 'Instructions aimed at an AI',
    group: 'instruction',
    level: 'INTERNAL',
  },
};

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** One sensitive value found in a text. Offsets are UTF-16 indices into the ORIGINAL text. */
export interface Finding {
  start: number;
  /** Exclusive. */
  end: number;
  type: EntityType;
  /** The id of the detector that found it (its file name). */
  detector: string;
  /** Confidence, 0..1. */
  score: number;
  level: Level;
  /** Why: the context words or checks that decided, for the review panel. Never the value. */
  reason?: string;
}

/**
 * What a detector proposes. Offsets are into the text the detector was given (the normalised
 * text); the engine maps them back to the original.
 */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  score: number;
  reason?: string;
}

/** A span already taken by an earlier stage; the name pass skips these. */
export interface Span {
  start: number;
  end: number;
}

export interface DetectContext {
  /** Findings accepted by the pattern stage, sorted by start (only given to the `nlp` stage). */
  readonly taken: readonly Span[];
  /**
   * The score a candidate needs to count. A detector may skip expensive checks for candidates
   * that cannot reach it, never more.
   */
  readonly threshold: number;
}

/**
 * A match example: either a whole string that must be found as one value, or a text and the
 * exact value inside it that must be found.
 */
export type MatchExample = string | { readonly text: string; readonly value: string };

/** Anything with RegExp's `test`: what a detector's prefilter needs. */
export interface TextTest {
  test(text: string): boolean;
}

export interface Detector {
  /** Equal to the file name in rules/detectors/, forever. */
  readonly id: string;
  /** Every type this detector can emit. */
  readonly types: readonly EntityType[];
  /**
   * One sentence: what it finds and what it checks. Set by detectors built from a policy
   * (rules/custom/); a built-in detector has none here, its sentence is in rules/descriptions.ts
   * so that the shipped engine does not carry text no scan reads.
   */
  readonly description?: string;
  /**
   * A cheap test on the whole normalised text; when it does not match, detect() is skipped.
   * Keep it a simple literal or character-class pattern (no g or y flag), or several of them
   * (`anyOf` in rules/scan-util.ts) when one alternation of them scans slower than each alone.
   */
  readonly prefilter?: RegExp | TextTest;
  /** `pattern` (default) runs first; `nlp` runs last, only when asked, and sees what was taken. */
  readonly stage?: 'pattern' | 'nlp';
  detect(text: string, ctx: DetectContext): Candidate[];
}

/**
 * Strings a detector must find and strings it must leave alone. Each detector file exports them
 * as `examples` beside the detector; rules/detectors.test.ts checks them. They are a separate
 * export (not a field of the detector) so that bundles, which only import the detector, drop
 * them: they are tens of kilobytes the browser never needs.
 */
export interface DetectorExamples {
  readonly match: readonly MatchExample[];
  readonly noMatch: readonly string[];
}
