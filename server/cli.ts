/**
 * `hush-server`: the backend's command line (`npm run server -- <command>`).
 *
 *   start                                  migrate, then serve on HUSH_HOST:HUSH_PORT
 *   migrate                                apply pending migrations and exit
 *   tenant create NAME [--telemetry L]     new tenant: prints its id, enrollment token, key
 *   tenant keys TENANT                     the signing keys that sign now
 *   tenant rotate-key TENANT [--grace-days N]
 *   tenant enrollment-token TENANT         replace the enrollment token
 *   tenant telemetry TENANT LEVEL          counts | counts-and-reasons
 *   policy publish TENANT FILE             validate and publish a policy JSON file
 *
 * Configuration comes from the environment (config.ts). Admin commands print JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import {
  TELEMETRY_LEVELS,
  createTenant,
  newEnrollmentToken,
  publicKeys,
  publishPolicy,
  rotateKey,
  setTelemetry,
  signingKeys,
  type TelemetryLevel,
} from './admin.ts';
import { createApp } from './app.ts';
import { ConfigError, readConfig, type Config } from './config.ts';
import { migrate, openDb, type Db } from './db/index.ts';
import { jsonLogger } from './log.ts';

const USAGE = `usage: hush-server <command>
  start                                      migrate, then serve on HUSH_HOST:HUSH_PORT
  migrate                                    apply pending database migrations
  tenant create NAME [--telemetry LEVEL]     LEVEL: counts (default) | counts-and-reasons
  tenant keys TENANT
  tenant rotate-key TENANT [--grace-days N]  default HUSH_KEY_GRACE_DAYS
  tenant enrollment-token TENANT
  tenant telemetry TENANT LEVEL
  policy publish TENANT FILE

environment: HUSH_HOST, HUSH_PORT, DATABASE_URL (postgres://...) or HUSH_DB_FILE,
  HUSH_LOG_LEVEL, HUSH_RATE_LIMIT_PER_MINUTE, HUSH_KEY_GRACE_DAYS (see docs/server.md)`;

class UsageError extends Error {}

function telemetry(value: string | undefined): TelemetryLevel {
  const level = TELEMETRY_LEVELS.find((l) => l === value);
  if (!level) throw new UsageError(`telemetry level must be one of ${TELEMETRY_LEVELS.join(', ')}`);
  return level;
}

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

function openConfigured(config: Config): Db {
  return openDb({ url: config.databaseUrl, file: config.dbFile });
}

async function start(config: Config): Promise<void> {
  const log = jsonLogger(config.logLevel);
  const db = openConfigured(config);
  const applied = await migrate(db);
  if (applied.length) log.log('info', 'migrations applied', { migrations: applied });
  const app = createApp({
    db,
    log,
    now: Date.now,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    log.log('info', 'listening', {
      url: `http://${host}:${info.port}`,
      database: config.databaseUrl ? 'postgresql' : `sqlite:${config.dbFile}`,
    });
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    const why =
      e.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is in use; set HUSH_PORT to another port`
        : e.message;
    log.log('error', 'cannot listen', { error: why });
    void db.destroy().then(() => process.exit(1));
  });
  const stop = (signal: string) => {
    log.log('info', 'stopping', { signal });
    server.close(() => {
      void db.destroy().then(() => process.exit(0));
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function admin(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { telemetry: { type: 'string' }, 'grace-days': { type: 'string' } },
  });
  const [group, verb, a, b] = positionals;
  const need = (x: string | undefined, what: string): string => {
    if (!x) throw new UsageError(`missing ${what}`);
    return x;
  };
  const db = openConfigured(config);
  try {
    await migrate(db);
    const cmd = `${group} ${verb ?? ''}`.trim();
    switch (cmd) {
      case 'tenant create':
        print(
          await createTenant(db, {
            name: need(a, 'NAME'),
            telemetry: values.telemetry === undefined ? 'counts' : telemetry(values.telemetry),
          }),
        );
        break;
      case 'tenant keys':
        print({ keys: publicKeys(await signingKeys(db, need(a, 'TENANT'), Date.now())) });
        break;
      case 'tenant rotate-key': {
        const raw = values['grace-days'];
        const graceDays = raw === undefined ? config.keyGraceDays : Number(raw);
        if (!Number.isInteger(graceDays) || graceDays < 0) {
          throw new UsageError('--grace-days must be a whole number of days');
        }
        print({ keys: await rotateKey(db, need(a, 'TENANT'), { graceDays }) });
        break;
      }
      case 'tenant enrollment-token':
        print({ enrollmentToken: await newEnrollmentToken(db, need(a, 'TENANT')) });
        break;
      case 'tenant telemetry':
        await setTelemetry(db, need(a, 'TENANT'), telemetry(b));
        print({ telemetry: b });
        break;
      case 'policy publish': {
        const file = need(b, 'FILE');
        let doc: unknown;
        try {
          doc = JSON.parse(readFileSync(file, 'utf8'));
        } catch (e) {
          throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
        print({ revision: await publishPolicy(db, need(a, 'TENANT'), doc) });
        break;
      }
      default:
        throw new UsageError(`unknown command: ${cmd || '(none)'}`);
    }
  } finally {
    await db.destroy();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return;
  }
  const config = readConfig(process.env);
  if (command === 'start') return start(config);
  if (command === 'migrate') {
    const db = openConfigured(config);
    try {
      const applied = await migrate(db);
      print({ applied });
    } finally {
      await db.destroy();
    }
    return;
  }
  if (command === 'tenant' || command === 'policy') return admin(config, [command, ...rest]);
  throw new UsageError(`unknown command: ${command}`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (e instanceof UsageError) console.error(`hush-server: ${e.message}\n\n${USAGE}`);
  else console.error(`hush-server: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
