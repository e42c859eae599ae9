/**
 * The audit, retention, erasure and backup commands as an operator runs them (the real
 * `hush-server` process on a SQLite file): `audit verify` exits 3 naming the broken seq after the
 * file is tampered with outside the service; backup, restore and their refusals exit cleanly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { serverCli } from './test-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'hush-audit-cli-test-'));
const dbFile = join(dir, 'hush.sqlite');

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, serverCli(...args), {
    env: { ...process.env, HUSH_DB_FILE: dbFile, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hush-server audit, retention, erasure, backup', () => {
  it('verifies the chain, and names the broken seq after tampering', () => {
    const { tenantId } = JSON.parse(cli(['tenant', 'create', 'Audit CLI']).stdout) as {
      tenantId: string;
    };
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ version: 1 }));
    expect(cli(['policy', 'publish', tenantId, policy]).status).toBe(0);
    expect(cli(['tenant', 'retention', tenantId, '90']).status).toBe(0);
    const bad = cli(['tenant', 'retention', tenantId, '0']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('from 1 to 3650');

    const erased = cli(['tenant', 'erase-user', tenantId, 'u_test_cli_erase_0001']);
    expect(erased.status).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ deleted: { incidents: 0 } });
    expect(cli(['tenant', 'erase-user', tenantId, 'x']).stderr).toContain(
      'pseudonym: must be a user pseudonym',
    );
    expect(cli(['retention', 'run']).status).toBe(0);

    const ok = cli(['audit', 'verify']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      ok: true,
      tenants: [{ tenantId, ok: true, entries: 4 }],
    });
    const list = JSON.parse(cli(['audit', 'list', tenantId, '--limit', '4']).stdout) as {
      entries: { action: string; actor: string }[];
    };
    expect(list.entries.map((e) => e.action)).toEqual([
      'user.erase',
      'tenant.retention',
      'policy.publish',
      'tenant.create',
    ]);
    expect(list.entries[0]!.actor).toMatch(/^cli/);

    // Someone edits the database behind the service's back.
    const raw = new SQLite(dbFile);
    raw.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2").run();
    raw.close();
    const broken = cli(['audit', 'verify', '--tenant', tenantId]);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toContain(`tenant ${tenantId} is broken at seq 2`);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, tenants: [{ brokenSeq: 2 }] });
  }, 300_000);

  it('backs up and restores, refusing to overwrite data or read a non-Hush file', () => {
    const file = join(dir, 'backup.sqlite');
    const b = cli(['backup', file]);
    expect(b.stderr).toBe('');
    expect(JSON.parse(b.stdout)).toMatchObject({ backup: file });
    expect(cli(['backup', file]).stderr).toContain('already exists');

    const refused = cli(['restore', file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already holds data; stop the server and pass --force');

    const other = join(dir, 'other', 'hush.sqlite');
    const restored = cli(['restore', file], { HUSH_DB_FILE: other });
    expect(restored.status).toBe(0);
    expect(cli(['audit', 'verify'], { HUSH_DB_FILE: other }).status).toBe(3); // tampered copy

    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all'.repeat(100));
    const no = cli(['restore', junk, '--force']);
    expect(no.status).toBe(1);
    expect(no.stderr).toMatch(/hush-server: .*junk\.sqlite/);
    expect(no.stderr).not.toContain('    at ');
    expect(cli(['restore']).status).toBe(2);
  }, 300_000);
});
