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

export interface Database {
  tenants: TenantTable;
  signing_keys: SigningKeyTable;
  policies: PolicyTable;
  devices: DeviceTable;
  incidents: IncidentTable;
  false_alarms: FalseAlarmTable;
  rate_limits: RateLimitTable;
}
