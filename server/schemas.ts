/**
 * The API's request and response shapes: one valibot schema each. Routes validate with these and
 * the OpenAPI description is generated from them, so the two cannot disagree.
 *
 * The incident record is deliberately narrow (issue 5): every field is an identifier, a name from
 * a fixed list, a number or a pattern-checked host, so no field can carry text from the page. The
 * one free-text field, the override reason, is masked by the extension, capped, and only kept when
 * the tenant's telemetry level allows it. Unknown fields are refused, not ignored.
 *
 * The vocabularies are the extension's own (channels, outcomes, actions, page classes, entity
 * types), imported, not copied, so a new channel in the guard is a new valid value here.
 */
import * as v from 'valibot';
import { ENTITY_TYPES } from '@/rules/types.ts';
import { CHANNELS, OUTCOMES } from '@/lib/guard/vocabulary.ts';
import { ACTIONS, PAGE_CLASSES } from '@/lib/guard/decide.ts';
import { COUNT_MAX, REASON_MAX } from '@/lib/incidents/record.ts';

/** The most records one incident batch may hold. */
export const BATCH_MAX = 1000;

const unknownField = (allowed: string) => (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never'
    ? `unknown field (allowed: ${allowed})`
    : `must be an object with ${allowed}`;

const oneOf = <T extends readonly string[]>(list: T, what: string) =>
  v.picklist(list, (i) => `must be ${what}: one of ${list.join(', ')} (got ${i.received})`);

const Uuid = v.pipe(
  v.string('must be a UUID (a string)'),
  v.uuid('must be a UUID like 6f1d8a52-2b1e-4c55-9b1a-0c7f1b2e3d4a'),
);

/** Earliest and latest times accepted: anything outside is a broken clock or a forged record. */
const TIME_MIN = Date.UTC(2020, 0, 1);
const TIME_MAX = Date.UTC(2100, 0, 1);
const Minute = v.pipe(
  v.number('must be a time in milliseconds since 1970 (a number)'),
  v.integer('must be a whole number of milliseconds'),
  v.multipleOf(60_000, 'must be truncated to the minute (a multiple of 60000 ms)'),
  v.minValue(TIME_MIN, 'must be after 2020'),
  v.maxValue(TIME_MAX, 'must be before 2100'),
);

/** A DNS host name, lower case, as `URL.hostname` gives it (an IPv4 address passes too). */
export const HOST_PATTERN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const Host = v.pipe(
  v.string('must be a host name (a string)'),
  v.regex(HOST_PATTERN, 'must be a lower-case host name like chat.example.com'),
);

const Version = v.pipe(
  v.string('must be a version (a string)'),
  v.regex(/^\d{1,5}(?:\.\d{1,5}){0,3}$/, 'must be a version like 1.4.2'),
);

const TenantId = v.pipe(
  v.string('must be a tenant id (a string)'),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be letters, digits, dashes or underscores'),
);

// --- Enrollment ---------------------------------------------------------------------------

export const EnrollRequest = v.strictObject(
  {
    tenantId: TenantId,
    enrollmentToken: v.pipe(
      v.string('must be the enrollment token (a string)'),
      v.minLength(1, 'must not be empty'),
      v.maxLength(512, 'must be at most 512 characters'),
    ),
    extensionVersion: Version,
    browser: v.pipe(
      v.string('must be a browser name (a string)'),
      v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a short lower-case name like chrome or firefox'),
    ),
  },
  unknownField('tenantId, enrollmentToken, extensionVersion, browser'),
);

export const EnrollResponse = v.object({
  deviceId: v.string(),
  /** Send as `Authorization: Bearer <credential>`; shown once, stored hashed. */
  credential: v.string(),
});

// --- Policy -------------------------------------------------------------------------------

export const Signature = v.object({
  keyId: v.string(),
  alg: v.literal('Ed25519'),
  /** Base64 Ed25519 signature over the UTF-8 bytes of `payload`. */
  signature: v.string(),
});

/**
 * The signed policy. `payload` is a JSON string (of `PolicyPayload`) so the bytes signed are the
 * bytes sent: a client verifies first, then parses, and no JSON canonicalisation is needed.
 */
export const PolicyResponse = v.object({
  payload: v.string(),
  signatures: v.array(Signature),
});

/** What `payload` parses to. */
export const PolicyPayload = v.object({
  tenantId: v.string(),
  /** The publish counter, 1, 2, 3...: the `policyVersion` incidents report. */
  revision: v.number(),
  publishedAt: v.string(),
  policy: v.looseObject({ version: v.number() }),
});

export const KeysResponse = v.object({
  keys: v.array(
    v.object({
      id: v.string(),
      alg: v.literal('Ed25519'),
      /** SubjectPublicKeyInfo DER, base64 (the form managed policy pins). */
      publicKey: v.string(),
      status: v.picklist(['current', 'previous']),
      /** For a previous key: when it stops signing. */
      expiresAt: v.nullable(v.string()),
    }),
  ),
});

// --- Incidents ----------------------------------------------------------------------------

export const Counts = v.record(
  oneOf(ENTITY_TYPES, 'an entity type'),
  v.pipe(
    v.number('must be a count (a number)'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(COUNT_MAX, `must be at most ${COUNT_MAX}`),
  ),
  'must be an object of entity type -> count',
);

export const IncidentRecord = v.strictObject(
  {
    id: Uuid,
    time: Minute,
    siteId: v.optional(
      v.nullable(
        v.pipe(
          v.string('must be a catalogue site id (a string)'),
          v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a catalogue site id like chatgpt'),
        ),
      ),
    ),
    host: Host,
    pageClass: oneOf(PAGE_CLASSES, 'a page class'),
    channel: oneOf(CHANNELS, 'a channel'),
    action: oneOf(ACTIONS, 'an action'),
    outcome: oneOf(OUTCOMES, 'an outcome'),
    counts: Counts,
    policyVersion: v.pipe(
      v.number('must be the policy revision (a number; 0 for built-in defaults)'),
      v.integer('must be a whole number'),
      v.minValue(0, 'must not be negative'),
      v.maxValue(2_147_483_647, 'must fit in 32 bits'),
    ),
    extensionVersion: Version,
    user: v.pipe(
      v.string('must be the user pseudonym (a string)'),
      v.regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be a pseudonym: 16 to 128 base64url characters'),
    ),
    team: v.optional(
      v.nullable(
        v.pipe(
          v.string('must be a team name (a string)'),
          v.minLength(1, 'must not be empty'),
          v.maxLength(200, 'must be at most 200 characters'),
          v.regex(/^[^\p{Cc}]*$/u, 'must not hold control characters'),
        ),
      ),
    ),
    reason: v.optional(
      v.pipe(
        v.string('must be the masked override reason (a string)'),
        v.maxLength(REASON_MAX, `must be at most ${REASON_MAX} characters`),
      ),
    ),
  },
  unknownField(
    'id, time, siteId, host, pageClass, channel, action, outcome, counts, policyVersion, extensionVersion, user, team, reason',
  ),
);

export const IncidentBatch = v.strictObject(
  {
    records: v.pipe(
      v.array(IncidentRecord, 'must be a list of incident records'),
      v.minLength(1, 'must hold at least one record'),
      v.maxLength(BATCH_MAX, `must hold at most ${BATCH_MAX} records`),
    ),
    /**
     * How many pending records the device's bounded queue has dropped since it was installed (a
     * running total, so a replayed batch reports nothing twice). Issue 4.
     */
    droppedTotal: v.optional(
      v.pipe(
        v.number('must be the number of dropped records (a number)'),
        v.integer('must be a whole number'),
        v.minValue(0, 'must not be negative'),
        v.maxValue(2_147_483_647, 'must fit in 32 bits'),
      ),
    ),
  },
  unknownField('records, droppedTotal'),
);

export const IncidentBatchResponse = v.object({
  /** Records in the batch. */
  received: v.number(),
  /** Records stored now; the rest were already stored (a replay). */
  new: v.number(),
  /** Override reasons left out because the tenant's telemetry level keeps counts only. */
  reasonsDropped: v.number(),
});

// --- False alarms -------------------------------------------------------------------------

export const FalseAlarm = v.strictObject(
  {
    id: Uuid,
    time: Minute,
    detector: v.pipe(
      v.string('must be a detector id (a string)'),
      v.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'must be a detector id like credit-card'),
    ),
    host: Host,
  },
  unknownField('id, time, detector, host'),
);

export const FalseAlarmResponse = v.object({ new: v.boolean() });

// --- Errors -------------------------------------------------------------------------------

export const ErrorResponse = v.object({
  error: v.string(),
  message: v.string(),
  issues: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
});
