/**
 * The `hush-server` command as an operator runs it (a real process through tsx): first start
 * creates and migrates the SQLite file, admin commands print JSON, bad input gets a clear error.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hush-cli-test-'));
const dbFile = join(dir, 'nested', 'hush.sqlite');
const env = { ...process.env, HUSH_DB_FILE: dbFile, HUSH_LOG_LEVEL: 'info' };

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  // node --import tsx: the same as `npm run server --` without npm's and npx's start-up cost.
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'start'], {
      env: { ...env, HUSH_PORT: '0', HUSH_DB_FILE: join(dir, 'start', 'hush.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" line: ${out}`)), 45_000);
      child.stdout.on('data', () => {
        const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    await exited;
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['migrations applied', 'listening', 'request']),
    );
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({
      method: 'GET',
      path: '/api/v1/openapi.json',
      status: 200,
    });
  }, 90_000);
});
