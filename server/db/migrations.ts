/**
 * One migration set for both SQLite and PostgreSQL: only column types and statements both accept
 * (text, integer, composite primary keys, plain indexes). Migrations are forever once released:
 * add a new one, never edit an old one. Each is named by a sortable number.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('enrollment_token_hash', 'text', (c) => c.notNull())
      .addColumn('telemetry', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('signing_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .addColumn('expires_at', 'text')
      .execute();
    await db.schema
      .createIndex('signing_keys_tenant')
      .on('signing_keys')
      .column('tenant_id')
      .execute();
    await db.schema
      .createTable('policies')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('policies_pk', ['tenant_id', 'revision'])
      .execute();
    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('credential_hash', 'text', (c) => c.notNull())
      .addColumn('extension_version', 'text', (c) => c.notNull())
      .addColumn('browser', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('incidents')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text')
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('page_class', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('counts', 'text', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('policy_version', 'integer', (c) => c.notNull())
      .addColumn('extension_version', 'text', (c) => c.notNull())
      .addColumn('user_pseudonym', 'text', (c) => c.notNull())
      .addColumn('team', 'text')
      .addColumn('reason', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incidents_pk', ['tenant_id', 'id'])
      .execute();
    await db.schema
      .createIndex('incidents_tenant_time')
      .on('incidents')
      .columns(['tenant_id', 'time'])
      .execute();
    await db.schema
      .createTable('false_alarms')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('detector', 'text', (c) => c.notNull())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('false_alarms_pk', ['tenant_id', 'id'])
      .execute();
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('window', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
      .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window'])
      .execute();
  },
};

/**
 * 0003_audit (issue 5, h7): the hash-chained audit log and its per-tenant head, the tenant's
 * retention period, leases for scheduled jobs, and the indexes retention and erasure delete by.
 */
const m0003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_log')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('time', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_log_pk', ['tenant_id', 'seq'])
      .execute();
    await db.schema
      .createTable('audit_heads')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .alterTable('tenants')
      .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(180))
      .execute();
    await db.schema
      .createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text')
      .addColumn('lease_until', 'text', (c) => c.notNull())
      .addColumn('next_run_at', 'text', (c) => c.notNull())
      .addColumn('last_run_at', 'text')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema
      .createIndex('incidents_tenant_user')
      .on('incidents')
      .columns(['tenant_id', 'user_pseudonym'])
      .execute();
    await db.schema
      .createIndex('false_alarms_tenant_time')
      .on('false_alarms')
      .columns(['tenant_id', 'time'])
      .execute();
  },
};

/**
 * 0004_outbound (issue 5, h8): the tenant's k for k-anonymity, daily rollups the summaries read
 * (so a dashboard query touches thousands of rows, not millions), detected anomalies, outbound
 * webhooks and their durable outbox, and the index that finds incidents by arrival.
 */
const m0004: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('tenants')
      .addColumn('min_group_size', 'integer', (c) => c.notNull().defaultTo(5))
      .execute();
    await db.schema
      .createIndex('incidents_tenant_received')
      .on('incidents')
      .columns(['tenant_id', 'received_at'])
      .execute();
    await db.schema
      .createTable('rollup_user_day')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('user_pseudonym', 'text', (c) => c.notNull())
      .addColumn('incidents', 'integer', (c) => c.notNull())
      .addColumn('items', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rollup_user_day_pk', ['tenant_id', 'day', 'team', 'user_pseudonym'])
      .execute();
    await db.schema
      .createTable('rollup_dim_day')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('dim', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('incidents', 'integer', (c) => c.notNull())
      .addColumn('items', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rollup_dim_day_pk', ['tenant_id', 'day', 'team', 'dim', 'key'])
      .execute();
    // Covering indexes: a summary reads only these columns over a (tenant, day) range, so the
    // database answers from the index alone instead of visiting each table row.
    await db.schema
      .createIndex('rollup_user_day_cover')
      .on('rollup_user_day')
      .columns(['tenant_id', 'day', 'team', 'user_pseudonym', 'incidents', 'items'])
      .execute();
    await db.schema
      .createIndex('rollup_dim_day_cover')
      .on('rollup_dim_day')
      .columns(['tenant_id', 'day', 'dim', 'team', 'key', 'incidents', 'items'])
      .execute();
    await db.schema
      .createTable('rollup_state')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('position', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('anomalies')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('baseline_median', 'real', (c) => c.notNull())
      .addColumn('threshold', 'real', (c) => c.notNull())
      .addColumn('detected_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('anomalies_pk', ['tenant_id', 'day', 'kind', 'subject'])
      .execute();
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('incidents_cursor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhooks_tenant').on('webhooks').column('tenant_id').execute();
    await db.schema
      .createTable('webhook_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .addUniqueConstraint('webhook_outbox_event', ['webhook_id', 'event_id'])
      .execute();
    await db.schema
      .createIndex('webhook_outbox_due')
      .on('webhook_outbox')
      .columns(['status', 'next_attempt_at'])
      .execute();
  },
};

/**
 * 0002_people (issue 5, h6): dashboard users, sessions, one-time invitations, sign-in throttling,
 * the tenant's pseudonym key, reveal grants, and device revocation.
 */
const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('teams', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('totp_secret', 'text')
      .addColumn('totp_last_step', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addUniqueConstraint('users_tenant_email', ['tenant_id', 'email'])
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('invitations')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('teams', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();
    await db.schema
      .createTable('pseudonym_keys')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('reveal_grants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('pseudonym', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('devices').addColumn('revoked_at', 'text').execute();
  },
};

/**
 * 0005_incidents_dropped (issue 4, h5): how many pending incidents a device's bounded queue had to
 * drop (a running total the extension reports with each batch; the largest figure is kept, so a
 * replayed batch changes nothing).
 */
const m0005: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('devices')
      .addColumn('incidents_dropped', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/**
 * 0006_policy_drafts (issue 6, hA): one policy draft a tenant, edited in the dashboard before it is
 * published. `based_on` is the revision the draft was started from (null: none was published), so
 * the dashboard can say when someone published in between.
 */
const m0006: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('policy_drafts')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('based_on', 'integer')
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/**
 * 0009_device_policy (issue 6): the policy revision a device last fetched or confirmed (a 304 on
 * the newest ETag) and when, so the devices page shows it for a device that reports no incidents.
 * Null until the device fetches the policy after this migration.
 */
const m0009: Migration = {
  async up(db: Kysely<unknown>) {
    // One column a statement: SQLite's ALTER TABLE adds one column at a time.
    await db.schema.alterTable('devices').addColumn('policy_revision', 'integer').execute();
    await db.schema.alterTable('devices').addColumn('policy_fetched_at', 'text').execute();
  },
};

/**
 * 0008_override_reviews (issue 6, hC): the review of "send anyway" decisions (one row per reviewed
 * incident; an overridden incident without a row is open), comments on them, coaching notes for
 * the Teams page, the tenant's rule for who may read a person's pseudonymous history, and the
 * index the override queue reads by (tenant, outcome, time) instead of scanning every incident.
 * Comment and note text is masked with the engine before it is stored (overrides.ts).
 */
const m0008: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('override_reviews')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_by', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('verdict', 'text')
      .addPrimaryKeyConstraint('override_reviews_pk', ['tenant_id', 'incident_id'])
      .execute();
    await db.schema
      .createTable('override_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('incident_id', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('override_comments_incident')
      .on('override_comments')
      .columns(['tenant_id', 'incident_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('coaching_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('pseudonym', 'text')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('coaching_notes_team_day')
      .on('coaching_notes')
      .columns(['tenant_id', 'team', 'day'])
      .execute();
    await db.schema
      .alterTable('tenants')
      .addColumn('person_history', 'text', (c) => c.notNull().defaultTo('admins'))
      .execute();
    await db.schema
      .createIndex('incidents_tenant_outcome_time')
      .on('incidents')
      .columns(['tenant_id', 'outcome', 'time'])
      .execute();
  },
};

/**
 * 0007_visits (issue 6, hB): the shadow-AI inventory's visit counts, per device, local day and
 * catalogue site, as the extension reports them (lib/sync/visits-upload.ts). A device's count for
 * a day only grows, so the route keeps the larger figure and a replay changes nothing. The
 * (tenant, day) index serves the Shadow AI page's period queries and the retention sweep.
 */
const m0007: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('visits')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('page_class', 'text', (c) => c.notNull())
      .addColumn('user_pseudonym', 'text', (c) => c.notNull())
      .addColumn('team', 'text')
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('visits_pk', ['tenant_id', 'device_id', 'day', 'site_id'])
      .execute();
    await db.schema
      .createIndex('visits_tenant_day')
      .on('visits')
      .columns(['tenant_id', 'day'])
      .execute();
  },
};

/**
 * 0010_rollup_site_user_day: incidents per person, site and page class a day (summary.ts
 * rollupDay), so "which AI tools, by how many people" over a period reads rollups instead of
 * every incident (5 s over 10 million incidents on SQLite before; issue 5's summary target).
 * Rebuilt from the incidents like the other rollups, so it is filled on the next rollup refresh.
 */
const m0010: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rollup_site_user_day')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('page_class', 'text', (c) => c.notNull())
      .addColumn('site', 'text', (c) => c.notNull())
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('user_pseudonym', 'text', (c) => c.notNull())
      .addColumn('incidents', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rollup_site_user_day_pk', [
        'tenant_id',
        'day',
        'page_class',
        'site',
        'team',
        'user_pseudonym',
      ])
      .execute();
    await db.schema
      .createIndex('rollup_site_user_day_user')
      .on('rollup_site_user_day')
      .columns(['tenant_id', 'user_pseudonym'])
      .execute();
  },
};

/**
 * 0011_visits_by_host: a visit row per device, local day, site AND host. The extension counts the
 * host as visited (lib/visits.ts: `chatgpt.com` and `chat.openai.com` are one site), so one device
 * can report two hosts of a site on one day; keyed by site alone, the second would overwrite the
 * first. Neither SQLite nor a portable ALTER can change a primary key, so the table is rebuilt
 * under its name with every row kept (each old row is one host already), and its index remade.
 */
const m0011: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('visits').renameTo('visits_0007').execute();
    await db.schema
      .createTable('visits')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('page_class', 'text', (c) => c.notNull())
      .addColumn('user_pseudonym', 'text', (c) => c.notNull())
      .addColumn('team', 'text')
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      // A new constraint name: PostgreSQL keeps `visits_pk` on the renamed table until it is dropped.
      .addPrimaryKeyConstraint('visits_host_pk', [
        'tenant_id',
        'device_id',
        'day',
        'site_id',
        'host',
      ])
      .execute();
    await sql`insert into visits (tenant_id, device_id, day, site_id, host, page_class, user_pseudonym, team, count, received_at)
      select tenant_id, device_id, day, site_id, host, page_class, user_pseudonym, team, count, received_at
      from visits_0007`.execute(db);
    // Dropping the old table drops its index `visits_tenant_day` too, so the name is free again.
    await db.schema.dropTable('visits_0007').execute();
    await db.schema
      .createIndex('visits_tenant_day')
      .on('visits')
      .columns(['tenant_id', 'day'])
      .execute();
  },
};

/** Every migration, by name (Kysely runs them in name order). */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_people': m0002,
  '0003_audit': m0003,
  '0004_outbound': m0004,
  '0005_incidents_dropped': m0005,
  '0006_policy_drafts': m0006,
  '0007_visits': m0007,
  '0008_override_reviews': m0008,
  '0009_device_policy': m0009,
  '0010_rollup_site_user_day': m0010,
  '0011_visits_by_host': m0011,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
