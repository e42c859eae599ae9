/**
 * Trusted proxies for per-address throttling: the resolution rule on its own, then through the
 * real app on SQLite and PostgreSQL (the enrollment throttle and the sign-in throttle counted in
 * the database): a spoofed X-Forwarded-For from an untrusted peer changes nothing, and behind a
 * trusted proxy each client is counted apart. Addresses are from the documentation ranges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { normaliseIp, resolveClientIp, trustedProxies } from './client-ip.ts';
import { silentLogger } from './log.ts';
import { ENROLL_PER_IP_MINUTE } from './people/throttle.ts';
import { TEST_SCRYPT } from './people/password.ts';
import { BACKENDS, type TestDb } from './test-util.ts';

const LB = trustedProxies(['10.0.0.0/8', '2001:db8:ffff::/48', '192.0.2.10']);

describe('resolveClientIp', () => {
  it('uses the socket address and ignores the header when no proxy is trusted', () => {
    expect(resolveClientIp('198.51.100.7', '203.0.113.1', undefined)).toBe('198.51.100.7');
    expect(resolveClientIp('198.51.100.7', '203.0.113.1', trustedProxies([]))).toBe('198.51.100.7');
    expect(resolveClientIp(undefined, '203.0.113.1', LB)).toBe('unknown');
  });

  it('ignores the header from a peer that is not a trusted proxy', () => {
    expect(resolveClientIp('198.51.100.7', '203.0.113.1', LB)).toBe('198.51.100.7');
    expect(resolveClientIp('10.1.2.3', undefined, LB)).toBe('10.1.2.3');
  });

  it('takes the rightmost untrusted hop behind trusted proxies', () => {
    expect(resolveClientIp('10.1.2.3', '203.0.113.1', LB)).toBe('203.0.113.1');
    // The client wrote the leftmost entries itself; only what the proxies appended counts.
    expect(resolveClientIp('10.1.2.3', '1.1.1.1, 203.0.113.1, 10.9.9.9', LB)).toBe('203.0.113.1');
    expect(resolveClientIp('192.0.2.10', '2001:db8::5, 2001:db8:ffff::1', LB)).toBe('2001:db8::5');
    // A dual-stack socket reports IPv4 mapped into IPv6.
    expect(resolveClientIp('::ffff:10.1.2.3', '::ffff:203.0.113.1', LB)).toBe('203.0.113.1');
    // Every hop trusted: the leftmost is the client.
    expect(resolveClientIp('10.1.2.3', '10.4.4.4', LB)).toBe('10.4.4.4');
    // Garbage where a proxy's hop should be: the proxy that passed it on is counted.
    expect(resolveClientIp('10.1.2.3', '203.0.113.1, not-an-ip', LB)).toBe('10.1.2.3');
    expect(resolveClientIp('10.1.2.3', ' , ', LB)).toBe('10.1.2.3');
  });

  it('normalises bracketed and mapped addresses', () => {
    expect(normaliseIp('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normaliseIp('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(LB.has('10.255.0.1')).toBe(true);
    expect(LB.has('11.0.0.1')).toBe(false);
    expect(LB.has('not-an-ip')).toBe(false);
  });
});

describe.each(BACKENDS)('trusted proxies through the app on $name', (backend) => {
  let t: TestDb;
  const now = Date.UTC(2026, 10, 28, 12, 0, 30);

  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const appWith = (proxies: string[]) =>
    createApp({
      db: t.db,
      log: silentLogger,
      now: () => now,
      rateLimitPerMinute: 120,
      passwordCost: TEST_SCRYPT,
      trustedProxies: trustedProxies(proxies),
    });

  /** An enrollment attempt (the throttle counts it; the route refuses the empty body). */
  const enroll = (app: ReturnType<typeof createApp>, socket: string, xff?: string) =>
    app.request(
      '/api/v1/enroll',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(xff === undefined ? {} : { 'x-forwarded-for': xff }),
        },
        body: '{}',
      },
      { incoming: { socket: { remoteAddress: socket } } },
    );

  it('ignores a spoofed X-Forwarded-For from an untrusted peer', async () => {
    const app = appWith(['10.0.0.0/8']);
    for (let i = 0; i < ENROLL_PER_IP_MINUTE; i++) {
      // A new forged address each time: were it believed, the limit would never be reached.
      const res = await enroll(app, '198.51.100.20', `203.0.113.${i}`);
      expect(res.status).toBe(400);
    }
    expect((await enroll(app, '198.51.100.20', '203.0.113.250')).status).toBe(429);
    const keys = await t.db.selectFrom('rate_limits').select('key').execute();
    expect(keys.map((k) => k.key).filter((k) => k.includes('203.0.113.'))).toEqual([]);
  });

  it('counts each client behind a trusted proxy apart, and never the proxy', async () => {
    const app = appWith(['10.0.0.0/8']);
    for (let i = 0; i < ENROLL_PER_IP_MINUTE; i++) {
      // The forged leftmost entry is the client's own writing and is ignored.
      const res = await enroll(app, '10.0.0.2', `192.0.2.${i}, 198.51.100.30`);
      expect(res.status).toBe(400);
    }
    expect((await enroll(app, '10.0.0.3', '198.51.100.30')).status).toBe(429);
    // Another client through the same load balancer is not held back by the first.
    expect((await enroll(app, '10.0.0.2', '198.51.100.31')).status).toBe(400);
    const keys = (await t.db.selectFrom('rate_limits').select('key').execute()).map((k) => k.key);
    expect(keys).toContain('enroll-ip:198.51.100.30');
    expect(keys).toContain('enroll-ip:198.51.100.31');
    expect(keys.filter((k) => k.startsWith('enroll-ip:10.'))).toEqual([]);
  });

  it('counts failed sign-ins against the forwarded client', async () => {
    const app = appWith(['10.0.0.0/8']);
    const res = await app.request(
      '/api/v1/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.40' },
        body: JSON.stringify({
          tenantId: 'no-such-tenant',
          email: 'nobody@example.com',
          password: 'not the password at all',
        }),
      },
      { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
    );
    expect(res.status).toBe(401);
    const keys = (await t.db.selectFrom('login_throttle').select('key').execute()).map(
      (k) => k.key,
    );
    expect(keys).toContain('ip:198.51.100.40');
    expect(keys).not.toContain('ip:10.0.0.2');
  });
});
