/**
 * One migration set for both SQLite and PostgreSQL: only column types and statements both accept
 * (text, integer, composite primary keys, plain indexes). Migrations are forever once released:
 * add a new one, never edit an old one. Each is named by a sortable number.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';

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

/** Every migration, by name. */
export const MIGRATIONS: Record<string, Migration> = { '0001_initial': m0001 };

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
