/**
 * Durability: the server process killed with SIGKILL in the middle of ingest loses no batch it
 * acknowledged. A 200 is sent only after the batch's INSERT committed, and a committed SQLite WAL
 * transaction is in the file system before the answer leaves, so a killed process cannot take an
 * acknowledged batch with it. (On PostgreSQL the same holds by the database's own commit
 * guarantee.)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenant } from './admin.ts';
import { migrate, openDb } from './db/index.ts';
import { serverCli } from './test-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'hush-crash-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function batch(n: number) {
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  return Array.from({ length: n }, () => ({
    id: randomUUID(),
    time: minute,
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    channel: 'send',
    action: 'block',
    outcome: 'blocked',
    counts: { US_SSN: 1 },
    policyVersion: 1,
    extensionVersion: '0.1.0',
    user: 'u_crashTestUser0001',
  }));
}

describe('SIGKILL during ingest (SQLite)', () => {
  it('keeps every batch that was acknowledged', async () => {
    const file = join(dir, 'hush.sqlite');
    const setup = openDb({ file });
    await migrate(setup);
    const tenant = await createTenant(setup, { name: 'Crash' });
    await setup.destroy();

    const child = spawn(process.execPath, serverCli('start'), {
      env: {
        ...process.env,
        HUSH_PORT: '0',
        HUSH_DB_FILE: file,
        HUSH_RATE_LIMIT_PER_MINUTE: '1000000',
        HUSH_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not listen: ${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const enrolled = (await (
      await fetch(`${base}/api/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tenantId: tenant.tenantId,
          enrollmentToken: tenant.enrollmentToken,
          extensionVersion: '0.1.0',
          browser: 'chrome',
        }),
      })
    ).json()) as { credential: string };

    const acked: string[] = [];
    let sent = 0;
    let killed = false;
    const sender = async () => {
      while (!killed) {
        const records = batch(100);
        sent += records.length;
        try {
          const res = await fetch(`${base}/api/v1/incidents`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${enrolled.credential}`,
            },
            body: JSON.stringify({ records }),
          });
          if (res.status === 200) acked.push(...records.map((r) => r.id));
          else await res.body?.cancel();
        } catch {
          // The connection died with the server: this batch was not acknowledged.
        }
      }
    };
    const senders = Array.from({ length: 4 }, sender);
    while (acked.length < 2000) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(senders);
    await exited;

    const db = openDb({ file });
    const stored = new Set(
      (await db.selectFrom('incidents').select('id').execute()).map((r) => r.id),
    );
    await db.destroy();
    const lost = acked.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acked.length);
    expect(stored.size).toBeLessThanOrEqual(sent);
  }, 180_000);
});
