/**
 * The database's tables as Kysely sees them. Table and column names are forever (STYLE.md
 * principle 8): add columns in a new migration, never rename one in place.
 *
 * Times are ISO-8601 text in UTC: it sorts, compares and reads the same on SQLite and PostgreSQL,
 * where a 64-bit integer would come back from `pg` as a string.
 */
import type { Generated } from 'kysely';

export interface TenantTable {
  id: string;
  name: string;
  /** SHA-256 (hex) of the enrollment token; the token itself is shown once and never stored. */
  enrollment_token_hash: string;
  /** `counts` or `counts-and-reasons`: whether override reasons may be stored. */
  telemetry: string;
  created_at: string;
  /** Days incidents and false alarms are kept (retention.ts); 180 unless the tenant sets it. */
  retention_days: Generated<number>;
  /** k for k-anonymity (summary.ts): the fewest distinct users a team or person group may show. */
  min_group_size: Generated<number>;
  /** Who may read a person's pseudonymous history: `off`, `admins`, `admins-and-managers` (0008). */
  person_history: Generated<string>;
}

export interface SigningKeyTable {
  /** The first 16 hex digits of SHA-256 over the public key's DER: stable and derivable. */
  id: string;
  tenant_id: string;
  /** SubjectPublicKeyInfo DER in base64, the form IT pins in managed policy. */
  public_key: string;
  /** PKCS#8 DER in base64. */
  private_key: string;
  created_at: string;
  /** When a newer key replaced it; null for the current key. */
  retired_at: string | null;
  /** After this a retired key no longer signs; null for the current key. */
  expires_at: string | null;
}

export interface PolicyTable {
  tenant_id: string;
  /** 1, 2, 3... per tenant: the "policy version" incidents report. */
  revision: number;
  /** The policy document as JSON text, exactly as validated at publish time. */
  document: string;
  published_at: string;
}

export interface DeviceTable {
  id: string;
  tenant_id: string;
  /** SHA-256 (hex) of the device secret. */
  credential_hash: string;
  extension_version: string;
  browser: string;
  enrolled_at: string;
  last_seen_at: string;
  /** When an admin revoked it (its credential stops working); null while active. Since 0002. */
  revoked_at: string | null;
  /**
   * Pending incidents the device's bounded queue dropped, in total (the largest figure reported).
   * Since 0005; optional here only so inserts may leave it to its default of 0.
   */
  incidents_dropped?: number;
  /**
   * The policy revision the device last fetched (200) or confirmed it holds (304), from
   * routes/policy.ts; null before its first fetch. Since 0009; optional for inserts.
   */
  policy_revision?: number | null;
  /** When it last fetched or confirmed the policy (refreshed at most every 10 minutes). */
  policy_fetched_at?: string | null;
}

export interface IncidentTable {
  tenant_id: string;
  /** The extension's UUID: the idempotency key, unique per tenant. */
  id: string;
  device_id: string;
  /** The minute of the decision. */
  time: string;
  site_id: string | null;
  host: string;
  page_class: string;
  channel: string;
  action: string;
  outcome: string;
  /** JSON object: entity type -> count. */
  counts: string;
  /** Sum of counts, for summaries without parsing JSON. */
  total: number;
  policy_version: number;
  extension_version: string;
  user_pseudonym: string;
  team: string | null;
  reason: string | null;
  received_at: string;
}

export interface FalseAlarmTable {
  tenant_id: string;
  id: string;
  device_id: string;
  time: string;
  detector: string;
  host: string;
  received_at: string;
}

export interface RateLimitTable {
  /** What is limited, e.g. `device:<id>`. */
  key: string;
  /** The minute (ms since the epoch / 60,000) the count belongs to. */
  window: number;
  count: Generated<number>;
}

/** One audit log entry (audit.ts): append-only, hash-chained per tenant. */
export interface AuditEntryTable {
  tenant_id: string;
  /** 1, 2, 3... per tenant, without gaps. */
  seq: number;
  time: string;
  actor: string;
  action: string;
  target: string | null;
  /** Canonical JSON (sorted keys) of a small object of identifiers and numbers. */
  details: string;
  /** The previous entry's hash; 64 zeros for seq 1. */
  prev_hash: string;
  /** SHA-256 (hex) over the canonical encoding of this entry and prev_hash. */
  hash: string;
}

/** The last seq and hash of a tenant's audit chain; its row is what serialises appends. */
export interface AuditHeadTable {
  tenant_id: string;
  seq: number;
  hash: string;
}

/** A scheduled job's lease (jobs.ts): which instance runs it now, and when it is next due. */
export interface JobLeaseTable {
  name: string;
  holder: string | null;
  lease_until: string;
  next_run_at: string;
  last_run_at: string | null;
  last_error: string | null;
}

/** A dashboard user (people/users.ts), one tenant's; `email` is unique within the tenant. */
export interface UserTable {
  id: string;
  tenant_id: string;
  /** Trimmed and lower-cased. */
  email: string;
  /** `admin`, `manager` or `auditor`. */
  role: string;
  /** JSON array of team names a manager may see. */
  teams: string;
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (people/password.ts). */
  password_hash: string;
  /** Base32 TOTP secret; null until the user has set up a second factor. */
  totp_secret: string | null;
  /** The last accepted TOTP time step: a code from it or an earlier step is refused (replay). */
  totp_last_step: number | null;
  created_at: string;
  password_changed_at: string;
  /** When the user was revoked (can no longer sign in); null while active. */
  revoked_at: string | null;
}

/** A dashboard session (session.ts); the id itself is only in the user's cookie. */
export interface SessionTable {
  /** SHA-256 (hex) of the session id. */
  id_hash: string;
  tenant_id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, however active the session is. */
  expires_at: string;
  revoked_at: string | null;
}

/** A one-time link to create a user (the first admin, or a user an admin invites). */
export interface InvitationTable {
  /** SHA-256 (hex) of the token in the link. */
  token_hash: string;
  tenant_id: string;
  role: string;
  /** JSON array of team names. */
  teams: string;
  /** Who made it: `cli:start`, `cli:<os user>`, `user:<id>`. */
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Failed sign-ins counted per account and per address, shared by every instance. */
export interface LoginThrottleTable {
  /** `account:<tenant>:<email>` or `ip:<address>`. */
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

/** A tenant's pseudonym key: the HMAC key the extension hashes user ids with. */
export interface PseudonymKeyTable {
  tenant_id: string;
  /** 32 random bytes, base64url. */
  key: string;
  created_at: string;
}

/** An admin's time-limited permission to check who is behind one pseudonym. */
export interface RevealGrantTable {
  id: string;
  tenant_id: string;
  user_id: string;
  pseudonym: string;
  created_at: string;
  expires_at: string;
}

/** Incidents per user and day (summary.ts); `team` is '' for incidents without a team. */
export interface RollupUserDayTable {
  tenant_id: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  team: string;
  user_pseudonym: string;
  incidents: number;
  /** Sum of the incidents' counts. */
  items: number;
}

/** Incidents per dimension value, team and day (summary.ts): dim is type, level, site, ... */
export interface RollupDimDayTable {
  tenant_id: string;
  day: string;
  team: string;
  dim: string;
  key: string;
  incidents: number;
  items: number;
}

/** Incidents per person, site and page class a day (summary.ts; migration 0010). */
export interface RollupSiteUserDayTable {
  tenant_id: string;
  day: string;
  page_class: string;
  /** coalesce(site_id, host), as the site dimension. */
  site: string;
  team: string;
  user_pseudonym: string;
  incidents: number;
}

/** Named positions of background work (summary.ts: the rollup watermark). */
export interface RollupStateTable {
  name: string;
  position: string;
}

/** A day on which a person's or team's incidents rose above their own baseline (anomalies.ts). */
export interface AnomalyTable {
  tenant_id: string;
  day: string;
  /** `person` or `team`. */
  kind: string;
  /** The pseudonym or the team name ('' for no team). */
  subject: string;
  /** The team the subject belongs to ('' for none; the team itself for kind `team`). */
  team: string;
  count: number;
  baseline_median: number;
  threshold: number;
  detected_at: string;
}

/** An admin-configured outbound webhook (webhooks.ts). */
export interface WebhookTable {
  id: string;
  tenant_id: string;
  url: string;
  /** `json` or `cef`. */
  format: string;
  /** Comma-separated event types: `incidents`, `anomalies`. */
  events: string;
  /** HMAC key, base64url; shown once at creation, kept to sign deliveries. */
  secret: string;
  /** ISO minute: incidents received from here on are not yet queued for this webhook. */
  incidents_cursor: string;
  created_at: string;
  created_by: string;
}

/** One event for one webhook, durable until delivered or given up on (webhooks.ts). */
export interface WebhookOutboxTable {
  id: string;
  tenant_id: string;
  webhook_id: string;
  /** The receiver's dedup key; the same event is never queued twice for one webhook. */
  event_id: string;
  event_type: string;
  /** The event as JSON (formatted for the webhook at delivery time). */
  payload: string;
  /** `pending`, `delivering`, `delivered`, `failed`. */
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** A tenant's unpublished policy (policy/drafts.ts), at most one a tenant. Since 0006. */
export interface PolicyDraftTable {
  tenant_id: string;
  /** The draft document as JSON text, validated like a published one. */
  document: string;
  /** The published revision the draft was started from; null when none was published then. */
  based_on: number | null;
  /** The audit actor of the last save (`user:<id>`, `cli:<os user>`). */
  updated_by: string;
  updated_at: string;
}

/**
 * Visits to one host of one AI site on one local day by one device (routes/visits.ts), the count
 * cumulative (the largest reported is kept). Since 0007; one row per host since 0011.
 */
export interface VisitTable {
  tenant_id: string;
  device_id: string;
  /** The agent's local day, YYYY-MM-DD. */
  day: string;
  /** The catalogue site id. */
  site_id: string;
  /** The host as visited: one the catalogue or the policy names exactly (lib/visits.ts). */
  host: string;
  page_class: string;
  user_pseudonym: string;
  team: string | null;
  count: number;
  received_at: string;
}

/**
 * The review of one overridden incident (overrides.ts). Since 0008. An overridden incident without
 * a row is open; closing writes the row.
 */
export interface OverrideReviewTable {
  tenant_id: string;
  incident_id: string;
  /** `open` or `closed`. */
  status: string;
  /** The audit actor who closed it (`user:<id>`); null while open. */
  closed_by: string | null;
  closed_at: string | null;
  /** `justified`, `coached` or `policy-gap`; null while open. */
  verdict: string | null;
}

/** A dashboard user's comment on an override, masked by the engine before storing. Since 0008. */
export interface OverrideCommentTable {
  id: string;
  tenant_id: string;
  incident_id: string;
  /** `user:<id>`. */
  author: string;
  created_at: string;
  /** At most 2,000 characters, values the engine finds replaced by `[TYPE_n]`. */
  body: string;
}

/** When a team (or one pseudonym in it) was coached (teams.ts). Since 0008. */
export interface CoachingNoteTable {
  id: string;
  tenant_id: string;
  team: string;
  /** The coached person's pseudonym; null for a note about the whole team. */
  pseudonym: string | null;
  /** YYYY-MM-DD (UTC): the day the coaching happened. */
  day: string;
  /** Masked like override comments. */
  note: string;
  author: string;
  created_at: string;
}

export interface Database {
  tenants: TenantTable;
  signing_keys: SigningKeyTable;
  policies: PolicyTable;
  devices: DeviceTable;
  incidents: IncidentTable;
  false_alarms: FalseAlarmTable;
  rate_limits: RateLimitTable;
  users: UserTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  login_throttle: LoginThrottleTable;
  pseudonym_keys: PseudonymKeyTable;
  reveal_grants: RevealGrantTable;
  audit_log: AuditEntryTable;
  audit_heads: AuditHeadTable;
  job_leases: JobLeaseTable;
  rollup_user_day: RollupUserDayTable;
  rollup_dim_day: RollupDimDayTable;
  rollup_site_user_day: RollupSiteUserDayTable;
  rollup_state: RollupStateTable;
  anomalies: AnomalyTable;
  webhooks: WebhookTable;
  webhook_outbox: WebhookOutboxTable;
  override_reviews: OverrideReviewTable;
  override_comments: OverrideCommentTable;
  coaching_notes: CoachingNoteTable;
  policy_drafts: PolicyDraftTable;
  visits: VisitTable;
}
