/**
 * The `hush-server` command as an operator runs it (a real process, built from the current source): first start
 * creates and migrates the SQLite file, admin commands print JSON, bad input gets a clear error,
 * and a stop is bounded whatever connections clients keep open.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverCli } from './test-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'hush-cli-test-'));
const dbFile = join(dir, 'nested', 'hush.sqlite');
const env = { ...process.env, HUSH_DB_FILE: dbFile, HUSH_LOG_LEVEL: 'info' };

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, serverCli(...args), {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Servers started here; one a failed test left running is killed at the end. */
const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

/** `promise`, or a rejection naming `what` after `ms`: a wait that cannot hang the suite. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs `hush-server start` on a free port with its own SQLite file under `name`, and resolves
 * once it logs the URL it listens on. `logged(msg)` resolves when a line with that message shows.
 */
async function startServer(name: string) {
  const child = spawn(process.execPath, serverCli('start'), {
    env: { ...env, HUSH_PORT: '0', HUSH_DB_FILE: join(dir, name, 'hush.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = (): Record<string, unknown>[] =>
    out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  /** The first match of `pattern` in the output, once it shows. */
  const seen = (pattern: RegExp, what: string): Promise<RegExpExecArray> => {
    const found = new Promise<RegExpExecArray>((resolve) => {
      const look = (): void => {
        const m = pattern.exec(out);
        if (!m) return;
        child.stdout.off('data', look);
        resolve(m);
      };
      child.stdout.on('data', look);
      look();
    });
    return within(found, 45_000, `no ${what} line: ${out}`);
  };
  const url = (await seen(/"url":"(http:\/\/[^"]+)"/, '"listening"'))[1]!;
  const logged = (msg: string) => seen(new RegExp(`"msg":${JSON.stringify(msg)}`), `"${msg}"`);
  return { child, url, exited, lines, logged };
}

describe('hush-server', () => {
  it('creates a tenant, publishes a policy, rotates the key, and refuses bad input clearly', () => {
    const created = cli(['tenant', 'create', 'Acme Support']);
    expect(created.stderr).toBe('');
    expect(existsSync(dbFile)).toBe(true);
    const tenant = JSON.parse(created.stdout) as {
      tenantId: string;
      enrollmentToken: string;
      key: { id: string };
    };
    expect(tenant.enrollmentToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ version: 1 }));
    expect(JSON.parse(cli(['policy', 'publish', tenant.tenantId, policy]).stdout)).toEqual({
      revision: 1,
    });
    expect(JSON.parse(cli(['policy', 'publish', tenant.tenantId, policy]).stdout)).toEqual({
      revision: 2,
    });

    const rotated = JSON.parse(
      cli(['tenant', 'rotate-key', tenant.tenantId, '--grace-days', '3']).stdout,
    ) as {
      keys: { id: string; status: string }[];
    };
    expect(rotated.keys.map((k) => k.status)).toEqual(['current', 'previous']);
    expect(rotated.keys[1]!.id).toBe(tenant.key.id);

    writeFileSync(policy, '{"version": "one"}');
    const bad = cli(['policy', 'publish', tenant.tenantId, policy]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('policy: version: must be the policy document version');
    expect(cli(['tenant', 'enrollment-token', 'no-such-tenant']).stderr).toContain(
      'no tenant with id no-such-tenant',
    );
    const usage = cli(['tenant', 'explode']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('unknown command: tenant explode');
    const config = cli(['migrate'], { HUSH_PORT: 'eighty' });
    expect(config.status).toBe(1);
    expect(config.stderr).toContain('HUSH_PORT must be a whole number');
  }, 180_000);

  it('starts, logs JSON lines with its URL, serves the API, and stops on SIGTERM', async () => {
    const server = await startServer('start');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    server.child.kill('SIGTERM');
    await server.exited;
    const lines = server.lines();
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['migrations applied', 'listening', 'request', 'stopped']),
    );
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({
      method: 'GET',
      path: '/api/v1/openapi.json',
      status: 200,
    });
  }, 90_000);

  it('stops at once on SIGTERM though clients hold kept-alive connections', async () => {
    const server = await startServer('keep-alive');
    // One finished request whose connection the agent keeps open, idle.
    const agent = new Agent({ keepAlive: true });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      httpGet(`${server.url}/api/v1/openapi.json`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      }).on('error', reject);
    });
    expect(status).toBe(200);
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);
    // And one request in flight at the signal (its body not all sent) that ends during the
    // stop: its connection is kept alive too, unless the stop closes it.
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    const body = '{"not": "an enrollment"}';
    socket.write(
      `POST /api/v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    const socketClosed = once(socket, 'close');

    server.child.kill('SIGTERM');
    await server.logged('stopping');
    socket.write(body.slice(5));
    // Well under the harness's 10 s (and under the stop's grace: nothing had to be cut).
    const code = await within(server.exited, 5_000, 'the server did not exit');
    expect(code).toBe(0);
    await socketClosed;
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    agent.destroy();
    const stopped = server.lines().find((l) => l.msg === 'stopped');
    expect(stopped).toMatchObject({ signal: 'SIGTERM' });
    expect(stopped).not.toHaveProperty('connectionsCut');
  }, 90_000);
});
