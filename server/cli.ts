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
 *   audit verify [--tenant T]              walk the audit chain(s); exit 3 naming the broken seq
 *   audit list TENANT [--limit N]          the newest audit entries
 *   tenant retention TENANT DAYS           how long incidents are kept (default 180)
 *   tenant erase-user TENANT PSEUDONYM     delete one pseudonym's records (audited)
 *   retention run                          delete expired records now (the server also does daily)
 *   backup FILE                            SQLite online backup, or pg_dump for PostgreSQL
 *   restore FILE [--force]                 restore a backup (stop the server first)
 *   tenant user add|list|revoke, tenant admin-link, tenant pseudonym-key, setup-links:
 *                                          people (people/cli.ts)
 *
 * Configuration comes from the environment (config.ts). Admin commands print JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import {
  TELEMETRY_LEVELS,
  createTenant,
  encryptStoredKeys,
  newEnrollmentToken,
  publicKeys,
  publishPolicy,
  rotateKey,
  setTelemetry,
  signingKeys,
  type TelemetryLevel,
} from './admin.ts';
import { createApp } from './app.ts';
import { auditedTenants, listAudit, verifyAudit } from './audit.ts';
import { backupPostgres, backupSqlite, restorePostgres, restoreSqlite } from './backup.ts';
import { eraseUser } from './erasure.ts';
import { loadOrCreateSecretKeyFile } from './crypto.ts';
import { startJobs } from './jobs.ts';
import { retentionJob, runRetention, setRetention } from './retention.ts';
import { anomalyJob } from './anomalies.ts';
import { rollupJob } from './summary.ts';
import { encryptStoredWebhookSecrets, webhookJob } from './webhooks.ts';
import { trustedProxies } from './client-ip.ts';
import { ConfigError, readConfig, type Config } from './config.ts';
import { migrate, openDb, type Db } from './db/index.ts';
import { jsonLogger } from './log.ts';
import { PEOPLE_USAGE, PeopleUsage, peopleCommand } from './people/cli.ts';

const USAGE = `usage: hush-server <command>
  start                                      migrate, then serve on HUSH_HOST:HUSH_PORT
  migrate                                    apply pending database migrations
  tenant create NAME [--telemetry LEVEL]     LEVEL: counts (default) | counts-and-reasons
  tenant keys TENANT
  tenant rotate-key TENANT [--grace-days N]  default HUSH_KEY_GRACE_DAYS
  tenant enrollment-token TENANT
  tenant telemetry TENANT LEVEL
  policy publish TENANT FILE
  audit verify [--tenant TENANT]             exit 3 naming the first broken entry
  audit list TENANT [--limit N]              newest first (default 100)
  tenant retention TENANT DAYS               keep incidents DAYS days (default 180)
  tenant erase-user TENANT PSEUDONYM         erase one user's records (right to be forgotten)
  retention run                              delete expired records now (the server runs it daily)
  backup FILE                                SQLite online backup; PostgreSQL: pg_dump
  restore FILE [--force]                     stop the server first; --force replaces data
${PEOPLE_USAGE}

environment: HUSH_HOST, HUSH_PORT, DATABASE_URL (postgres://...) or HUSH_DB_FILE,
  HUSH_LOG_LEVEL, HUSH_RATE_LIMIT_PER_MINUTE, HUSH_KEY_GRACE_DAYS (see docs/server.md)`;

class UsageError extends Error {}

/** Exit status of `audit verify` when a chain is broken (1 is any other failure, 2 usage). */
const EXIT_AUDIT_BROKEN = 3;

/**
 * The key that encrypts signing keys at rest: HUSH_SECRET_KEY, or for the embedded SQLite default
 * a key file beside the database (created on first use). PostgreSQL needs HUSH_SECRET_KEY: several
 * instances must share one key, and a file on one machine would not be shared.
 */
function secretKeyFor(config: Config): { key: Buffer; file?: string } {
  if (config.secretKey) return { key: config.secretKey };
  if (config.databaseUrl) {
    throw new UsageError(
      'HUSH_SECRET_KEY must be set with DATABASE_URL (every instance needs the same key; make one with `openssl rand -hex 32`)',
    );
  }
  const file = join(dirname(config.dbFile), 'secret.key');
  return { key: loadOrCreateSecretKeyFile(file).key, file };
}

/** Who the audit log names for a command run from this shell. */
function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // No passwd entry (some containers): still say it came from the command line.
    return 'cli';
  }
}

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
  const secret = secretKeyFor(config);
  if (secret.file) {
    log.log(
      'warn',
      'signing keys are encrypted with a generated key file; back it up apart from the database, or set HUSH_SECRET_KEY',
      { file: secret.file },
    );
  }
  const encrypted = await encryptStoredKeys(db, secret.key);
  if (encrypted) log.log('info', 'signing keys encrypted at rest', { keys: encrypted });
  const hooks = await encryptStoredWebhookSecrets(db, secret.key);
  if (hooks) log.log('info', 'webhook secrets encrypted at rest', { webhooks: hooks });
  const app = createApp({
    db,
    log,
    secretKey: secret.key,
    trustedProxies: trustedProxies(config.trustedProxies),
    now: Date.now,
    rateLimitPerMinute: config.rateLimitPerMinute,
  });
  // Scheduled jobs: every instance ticks, leases in the database let one run each (jobs.ts).
  const jobs = startJobs({ db, log, now: Date.now }, [
    retentionJob(),
    rollupJob(),
    anomalyJob(),
    webhookJob({ delivery: { secretKey: secret.key } }),
  ]);
  void jobs.tick();
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    log.log('info', 'listening', {
      url: `http://${host}:${info.port}`,
      database: config.databaseUrl ? 'postgresql' : `sqlite:${config.dbFile}`,
    });
  });
  // Node closes an idle kept-alive connection after 5 s, which races a client that sends on it
  // just then: the request fails with "other side closed" (seen in CI on a loaded machine, and
  // what a load balancer with a 60 s idle limit would meet). Staying open longer than such
  // limits lets the client side close first.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  server.on('error', (e: NodeJS.ErrnoException) => {
    const why =
      e.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is in use; set HUSH_PORT to another port`
        : e.message;
    log.log('error', 'cannot listen', { error: why });
    void db.destroy().then(() => process.exit(1));
  });
  if (!(server instanceof HttpServer)) throw new Error('serve() did not return an HTTP/1 server');
  const closeServer = boundedClose(server);
  // A second signal while stopping gets Node's default (the listeners are `once`): a second
  // Ctrl+C ends the process at once.
  const stop = async (signal: string): Promise<void> => {
    log.log('info', 'stopping', { signal });
    const started = Date.now();
    const grace = new Promise<'late'>((resolve) =>
      setTimeout(() => resolve('late'), STOP_GRACE_MS).unref(),
    );
    // Jobs stop beside the server, within the same grace: a tick still running then (a slow
    // webhook) is left to fail on the closed database; its lease lapses and the next tick retries.
    const [closed, jobsStopped] = await Promise.all([
      closeServer(STOP_GRACE_MS),
      Promise.race([jobs.stop().then(() => 'done' as const), grace]),
    ]);
    try {
      await db.destroy();
    } catch (e) {
      log.log('error', 'stopped with an error', {
        signal,
        error: e instanceof Error ? e.message : String(e),
      });
      process.exit(1);
    }
    log.log('info', 'stopped', {
      signal,
      ms: Date.now() - started,
      ...(closed.cut ? { connectionsCut: true, requestsCut: closed.requests } : {}),
      ...(jobsStopped === 'late' ? { jobLeftRunning: true } : {}),
    });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * How long a stop (SIGTERM, SIGINT) lets requests in flight and a running job finish before their
 * connections are cut and the process exits anyway. Short on purpose: supervisors kill a process
 * that outstays its stop (Kubernetes after 30 s, the e2e harness after 10 s), and a device whose
 * report is cut queues it and sends it again.
 */
const STOP_GRACE_MS = 3_000;

/**
 * The bounded stop of `server`: call the returned function to stop accepting, close idle kept-alive
 * connections at once and each other one as soon as its response ends, and cut whatever is still
 * open after `graceMs`. It resolves when every connection is closed: `cut` says whether the grace
 * ran out, `requests` how many requests were then still in flight.
 *
 * `server.close()` alone waits for every connection to end. Node 20 closes the connections that are
 * idle when it is called, but a response that ends later leaves its connection kept alive (65 s,
 * above), and a client holding it held the stop as long (dashboard.spec's teardown, in CI).
 * Requests are tracked from the start, since a stop must know the ones already in flight.
 */
function boundedClose(server: HttpServer): (graceMs: number) => Promise<ClosedServer> {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // Its connection is idle now: while stopping, close it instead of keeping it alive.
      if (closing) server.closeIdleConnections();
    });
  });
  return (graceMs) =>
    new Promise((resolve) => {
      closing = true;
      let cut: ClosedServer | undefined;
      const timer = setTimeout(() => {
        cut = { cut: true, requests: inFlight.size };
        server.closeAllConnections();
      }, graceMs);
      server.close(() => {
        clearTimeout(timer);
        resolve(cut ?? { cut: false, requests: 0 });
      });
      server.closeIdleConnections();
    });
}

interface ClosedServer {
  cut: boolean;
  requests: number;
}

async function admin(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      telemetry: { type: 'string' },
      'grace-days': { type: 'string' },
      tenant: { type: 'string' },
      limit: { type: 'string' },
      'batch-size': { type: 'string' },
      role: { type: 'string' },
      teams: { type: 'string' },
      base: { type: 'string' },
    },
  });
  const actor = cliActor();
  const [group, verb, a, b] = positionals;
  const need = (x: string | undefined, what: string): string => {
    if (!x) throw new UsageError(`missing ${what}`);
    return x;
  };
  const db = openConfigured(config);
  try {
    await migrate(db);
    const secretKey = secretKeyFor(config).key;
    await encryptStoredKeys(db, secretKey);
    await encryptStoredWebhookSecrets(db, secretKey);
    const cmd = `${group} ${verb ?? ''}`.trim();
    if (
      group === 'setup-links' ||
      (group === 'tenant' && ['user', 'admin-link', 'pseudonym-key'].includes(verb ?? ''))
    ) {
      try {
        const baseUrl = values.base ?? `http://${config.host}:${config.port}`;
        const words = positionals.slice(1);
        print(
          await peopleCommand(db, group, { words, ...values, actor, baseUrl, now: Date.now() }),
        );
      } catch (e) {
        if (e instanceof PeopleUsage) throw new UsageError(e.message);
        throw e;
      }
      return;
    }
    switch (cmd) {
      case 'tenant create':
        print(
          await createTenant(db, {
            name: need(a, 'NAME'),
            telemetry: values.telemetry === undefined ? 'counts' : telemetry(values.telemetry),
            actor,
            secretKey,
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
        print({ keys: await rotateKey(db, need(a, 'TENANT'), { graceDays, actor, secretKey }) });
        break;
      }
      case 'tenant enrollment-token':
        print({ enrollmentToken: await newEnrollmentToken(db, need(a, 'TENANT'), { actor }) });
        break;
      case 'tenant telemetry':
        await setTelemetry(db, need(a, 'TENANT'), telemetry(b), { actor });
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
        print({ revision: await publishPolicy(db, need(a, 'TENANT'), doc, Date.now(), actor) });
        break;
      }
      case 'audit verify': {
        const tenants = values.tenant ? [values.tenant] : await auditedTenants(db);
        const verdicts = [];
        for (const tenantId of tenants) verdicts.push(await verifyAudit(db, tenantId));
        print({ ok: verdicts.every((x) => x.ok), tenants: verdicts });
        const broken = verdicts.find((x) => !x.ok);
        if (broken && !broken.ok) {
          console.error(
            `hush-server: audit chain of tenant ${broken.tenantId} is broken at seq ${broken.brokenSeq}: ${broken.problem}`,
          );
          process.exitCode = EXIT_AUDIT_BROKEN;
        }
        break;
      }
      case 'tenant retention': {
        const days = Number(need(b, 'DAYS'));
        await setRetention(db, need(a, 'TENANT'), days, { actor });
        print({ retentionDays: days });
        break;
      }
      case 'tenant erase-user':
        print(
          await eraseUser(db, need(a, 'TENANT'), need(b, 'PSEUDONYM'), { actor, now: Date.now() }),
        );
        break;
      case 'retention run': {
        const raw = values['batch-size'];
        const batchSize = raw === undefined ? 5000 : Number(raw);
        if (!Number.isInteger(batchSize) || batchSize < 1) {
          throw new UsageError('--batch-size must be a whole number of at least 1');
        }
        print({ tenants: await runRetention(db, Date.now(), { batchSize, actor }) });
        break;
      }
      case 'audit list': {
        const limit = values.limit === undefined ? 100 : Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw new UsageError('--limit must be a whole number from 1 to 1000');
        }
        print({ entries: await listAudit(db, need(a ?? values.tenant, 'TENANT'), { limit }) });
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
  if (
    command === 'tenant' ||
    command === 'policy' ||
    command === 'audit' ||
    command === 'retention' ||
    command === 'setup-links'
  ) {
    return admin(config, [command, ...rest]);
  }
  if (command === 'backup' || command === 'restore') return backupCommand(config, command, rest);
  throw new UsageError(`unknown command: ${command}`);
}

/** `backup FILE` and `restore FILE [--force]`: no migration first (a backup copies as it is). */
async function backupCommand(config: Config, command: string, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`usage: hush-server ${command} FILE`);
  const url = config.databaseUrl;
  const force = values.force;
  // A BackupError (refusal, bad file) is printed by main's handler as one line, exit 1.
  if (command === 'backup') {
    const info = url ? await backupPostgres(url, file) : await backupSqlite(config.dbFile, file);
    print({ backup: file, ...info });
  } else {
    const info = url
      ? await restorePostgres(file, url, { force })
      : await restoreSqlite(file, config.dbFile, { force });
    print({ restored: file, into: url ? 'postgresql' : config.dbFile, ...info });
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (e instanceof UsageError) console.error(`hush-server: ${e.message}\n\n${USAGE}`);
  else console.error(`hush-server: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
