/**
 * People, access and trust (issue 5) through `app.request()` on a real SQLite file and the real
 * PostgreSQL: sign-in, lockout, TOTP, sessions and their expiry, CSRF, revocation, the one-time
 * setup link and its pages, reveal, device revocation and enrollment throttling. The role x route x
 * tenant matrix is in matrix.test.ts. The clock is injected (Deps.now); passwords are hashed with
 * cheap scrypt parameters (stored with each hash, so they verify like any other).
 */
import { faker } from '@faker-js/faker';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTenant, type CreatedTenant } from '../admin.ts';
import { createApp } from '../app.ts';
import { verifyAudit } from '../audit.ts';
import { sha256Hex } from '../crypto.ts';
import { silentLogger } from '../log.ts';
import { firstAdminInvitation } from '../people/invitations.ts';
import { TEST_SCRYPT } from '../people/password.ts';
import { pseudonymKey, pseudonymOf } from '../people/pseudonym.ts';
import { ACCOUNT_FAILURES, ENROLL_PER_IP_MINUTE, IP_FAILURES } from '../people/throttle.ts';
import { newTotpSecret, totpCode } from '../people/totp.ts';
import { createUser } from '../people/users.ts';
import type { Role } from '../session.ts';
import { BACKENDS, type TestDb } from '../test-util.ts';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const MINUTE = 60_000;
const ORIGIN = 'http://localhost';

interface TestUser {
  id: string;
  tenantId: string;
  email: string;
  password: string;
  secret: string | null;
  role: Role;
}

interface Signed {
  cookie: string;
  csrf: string;
}

/** A socket address for app.request (what @hono/node-server's getConnInfo reads). */
const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

describe.each(BACKENDS)('people on $name', (backend) => {
  let t: TestDb;
  let now = T0;
  let app: ReturnType<typeof createApp>;
  let acme: CreatedTenant;
  let globex: CreatedTenant;

  const request = (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string>; ip?: string } = {},
  ) =>
    app.request(
      path,
      {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      },
      from(init.ip ?? '198.51.100.7'),
    );
  const as = (s: Signed, extra: Record<string, string> = {}) => ({
    cookie: s.cookie,
    'x-csrf-token': s.csrf,
    ...extra,
  });

  /** A fresh TOTP code: the clock moves to the next 30-second step first (codes are single-use). */
  function freshCode(secret: string): string {
    now += 30_000;
    return totpCode(secret, now);
  }

  async function user(
    tenant: CreatedTenant,
    role: Role,
    opts: { teams?: string[]; totp?: boolean } = {},
  ): Promise<TestUser> {
    const password = faker.internet.password({ length: 16 });
    const secret = role === 'admin' || opts.totp ? newTotpSecret() : null;
    const email = faker.internet.email({ provider: 'example.com' }).toLowerCase();
    const v = await createUser(
      t.db,
      {
        tenantId: tenant.tenantId,
        email,
        role,
        teams: opts.teams ?? [],
        password,
        totpSecret: secret,
      },
      now,
      TEST_SCRYPT,
    );
    return { id: v.id, tenantId: tenant.tenantId, email, password, secret, role };
  }

  function login(u: TestUser, over: Record<string, unknown> = {}, ip?: string) {
    return request('/api/v1/auth/login', {
      body: {
        tenantId: u.tenantId,
        email: u.email,
        password: u.password,
        ...(u.secret && !('code' in over) ? { code: freshCode(u.secret) } : {}),
        ...over,
      },
      ...(ip ? { ip } : {}),
    });
  }

  async function signIn(u: TestUser): Promise<Signed> {
    const res = await login(u);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string };
    const cookie = /hush_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
    return { cookie: `hush_session=${cookie}`, csrf: body.csrfToken };
  }

  async function enroll(tenant: CreatedTenant, ip = '198.51.100.7'): Promise<Response> {
    return request('/api/v1/enroll', {
      body: {
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      },
      ip,
    });
  }

  async function auditActions(tenantId: string): Promise<string[]> {
    const rows = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenantId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => r.action);
  }

  beforeAll(async () => {
    t = await backend.open();
    acme = await createTenant(t.db, { name: 'Acme Support', now: T0 });
    globex = await createTenant(t.db, { name: 'Globex', now: T0 });
  });
  afterAll(async () => {
    await t?.drop();
  });
  beforeEach(async () => {
    // Each test starts a day later, so throttle windows and locks of earlier tests have passed.
    now = (now < T0 ? T0 : now) + 24 * 60 * MINUTE;
    app = createApp({
      db: t.db,
      log: silentLogger,
      now: () => now,
      rateLimitPerMinute: 1000,
      passwordCost: TEST_SCRYPT,
    });
  });

  describe('sign-in', () => {
    it('refuses a wrong password and an unknown email with the same message', async () => {
      const u = await user(acme, 'auditor');
      const wrong = await login(u, { password: 'not the password at all' });
      const unknown = await login({ ...u, email: 'nobody@example.com' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const a = (await wrong.json()) as { error: string; message: string };
      const b = (await unknown.json()) as { error: string; message: string };
      expect(a).toEqual(b);
      expect(a.message).toBe('the email, password or code is not right');
      expect(wrong.headers.get('set-cookie')).toBeNull();
    });

    it('signs in with a cookie that is HttpOnly, SameSite=Strict, Path=/, Secure over https', async () => {
      const u = await user(acme, 'manager', { teams: ['Support EMEA'] });
      const res = await login(u);
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/);
      const body = (await res.json()) as { user: { role: string; teams: string[] } };
      expect(body.user).toMatchObject({ role: 'manager', teams: ['Support EMEA'] });
      // Only the session id's hash is stored.
      const id = /hush_session=([^;]+)/.exec(cookie)![1]!;
      const rows = await t.db.selectFrom('sessions').select('id_hash').execute();
      expect(rows.some((r) => r.id_hash === sha256Hex(id))).toBe(true);
      expect(rows.some((r) => r.id_hash.includes(id))).toBe(false);

      const https = await app.request(
        'https://hush.example.com/api/v1/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ tenantId: u.tenantId, email: u.email, password: u.password }),
        },
        from('198.51.100.8'),
      );
      expect(https.status).toBe(200);
      expect(https.headers.get('set-cookie')).toMatch(/Secure/);
    });

    it('locks an account after repeated failures, whatever the password, then lets it in', async () => {
      const u = await user(acme, 'auditor');
      for (let i = 0; i < ACCOUNT_FAILURES; i++) {
        expect((await login(u, { password: `wrong password ${i}` })).status).toBe(401);
      }
      const locked = await login(u);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      // The same answer for an email that does not exist: a lock tells nothing about accounts.
      const ghost = { ...u, email: 'ghost@example.com' };
      for (let i = 0; i < ACCOUNT_FAILURES; i++) await login(ghost);
      expect((await login(ghost)).status).toBe(429);
      now += 16 * MINUTE;
      expect((await login(u)).status).toBe(200);
    });

    it('locks an address that tries many accounts, not other addresses', async () => {
      const u = await user(acme, 'auditor');
      for (let i = 0; i < IP_FAILURES; i++) {
        const res = await login(
          { ...u, email: `guess${i}@example.com` },
          { password: 'guess' },
          '203.0.113.50',
        );
        expect(res.status).toBe(401);
      }
      expect((await login(u, {}, '203.0.113.50')).status).toBe(429);
      expect((await login(u, {}, '203.0.113.51')).status).toBe(200);
    });

    it('requires TOTP for an admin, and refuses a wrong or replayed code', async () => {
      const admin = await user(acme, 'admin');
      const noCode = await request('/api/v1/auth/login', {
        body: { tenantId: admin.tenantId, email: admin.email, password: admin.password },
      });
      expect(noCode.status).toBe(401);
      expect(((await noCode.json()) as { error: string }).error).toBe('totp_required');
      expect(noCode.headers.get('set-cookie')).toBeNull();
      const code = freshCode(admin.secret!);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      expect((await login(admin, { code: wrong })).status).toBe(401);
      expect((await login(admin, { code })).status).toBe(200);
      // The same code again, still within its 30 seconds: refused.
      const replay = await login(admin, { code });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { error: string }).error).toBe('invalid_login');
    });

    it('never lets an admin in without a second factor, even if the database lost it', async () => {
      const admin = await user(acme, 'admin');
      await t.db
        .updateTable('users')
        .set({ totp_secret: null })
        .where('id', '=', admin.id)
        .execute();
      const res = await login({ ...admin, secret: null });
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('answers malformed sign-in bodies with 400 naming the field, never 500', async () => {
      for (const body of [
        { tenantId: acme.tenantId, email: 'x', password: 'p' },
        { tenantId: acme.tenantId, email: 'a@example.com', password: 1 },
        { tenantId: acme.tenantId, email: 'a@example.com', password: 'p', extra: 1 },
        { tenantId: acme.tenantId, email: 'a@example.com', password: 'p', code: '12ab56' },
      ]) {
        const res = await request('/api/v1/auth/login', { body });
        expect(res.status).toBe(400);
      }
      const bad = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"tenantId":',
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('sessions', () => {
    it('ends after 30 idle minutes', async () => {
      const s = await signIn(await user(acme, 'auditor'));
      now += 29 * MINUTE;
      expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(200);
      now += 29 * MINUTE;
      expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(200);
      now += 31 * MINUTE;
      expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(401);
    });

    it('ends 12 hours after sign-in, however active', async () => {
      const s = await signIn(await user(acme, 'auditor'));
      const start = now;
      while (now + 20 * MINUTE < start + 12 * 60 * MINUTE) {
        now += 20 * MINUTE;
        expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(200);
      }
      now = start + 12 * 60 * MINUTE;
      expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(401);
    });

    it('refuses state-changing requests without the CSRF token or from another origin', async () => {
      const s = await signIn(await user(acme, 'auditor'));
      const noToken = await request('/api/v1/auth/logout', {
        body: {},
        headers: { cookie: s.cookie },
      });
      expect(noToken.status).toBe(403);
      expect(((await noToken.json()) as { error: string }).error).toBe('csrf');
      const wrong = await request('/api/v1/auth/logout', {
        body: {},
        headers: { cookie: s.cookie, 'x-csrf-token': 'A'.repeat(43) },
      });
      expect(wrong.status).toBe(403);
      // A cross-site HTML form: refused by Origin before anything else.
      const form = await app.request('/logout', {
        method: 'POST',
        headers: {
          cookie: s.cookie,
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `_csrf=${s.csrf}`,
      });
      expect(form.status).toBe(403);
      expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(200);
      // The same form from our own origin, with the token: signs out.
      const ok = await app.request('/logout', {
        method: 'POST',
        headers: {
          cookie: s.cookie,
          origin: ORIGIN,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `_csrf=${s.csrf}`,
      });
      expect(ok.status).toBe(200);
      expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(401);
    });

    it('logout ends the session for good', async () => {
      const s = await signIn(await user(acme, 'auditor'));
      const res = await request('/api/v1/auth/logout', { body: {}, headers: as(s) });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/hush_session=;/);
      expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(401);
    });

    it("an admin revokes a user's sessions; revoking the user also stops sign-in", async () => {
      const admin = await signIn(await user(acme, 'admin'));
      const u = await user(acme, 'manager', { teams: ['Billing'] });
      const s1 = await signIn(u);
      const s2 = await signIn(u);
      const r = await request(`/api/v1/users/${u.id}/sessions/revoke`, {
        body: {},
        headers: as(admin),
      });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ sessions: 2 });
      for (const s of [s1, s2]) {
        expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(401);
      }
      const s3 = await signIn(u);
      expect(
        (await request(`/api/v1/users/${u.id}/revoke`, { body: {}, headers: as(admin) })).status,
      ).toBe(200);
      expect((await request('/api/v1/auth/session', { headers: as(s3) })).status).toBe(401);
      expect((await login(u)).status).toBe(401);
      const actions = await auditActions(acme.tenantId);
      expect(actions).toEqual(expect.arrayContaining(['user.sessions.revoke', 'user.revoke']));
    });

    it('a password change ends every session of the user, this one included', async () => {
      const u = await user(acme, 'auditor');
      const s1 = await signIn(u);
      const s2 = await signIn(u);
      const short = await request('/api/v1/auth/password', {
        body: { currentPassword: u.password, newPassword: 'short' },
        headers: as(s1),
      });
      expect(short.status).toBe(400);
      const wrong = await request('/api/v1/auth/password', {
        body: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' },
        headers: as(s1),
      });
      expect(wrong.status).toBe(403);
      const res = await request('/api/v1/auth/password', {
        body: { currentPassword: u.password, newPassword: 'a brand new passphrase' },
        headers: as(s1),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ sessions: 2 });
      for (const s of [s1, s2]) {
        expect((await request('/api/v1/auth/session', { headers: as(s) })).status).toBe(401);
      }
      expect((await login(u)).status).toBe(401);
      expect((await login({ ...u, password: 'a brand new passphrase' })).status).toBe(200);
    });

    it('lets a non-admin add TOTP, after which sign-in needs a code', async () => {
      const u = await user(acme, 'auditor');
      const s = await signIn(u);
      const setup = await request('/api/v1/auth/totp/setup', { body: {}, headers: as(s) });
      const { secret, uri } = (await setup.json()) as { secret: string; uri: string };
      expect(uri).toMatch(/^otpauth:\/\/totp\/Hush:/);
      const bad = await request('/api/v1/auth/totp/confirm', {
        body: { secret, code: '000000' === totpCode(secret, now) ? '111111' : '000000' },
        headers: as(s),
      });
      expect(bad.status).toBe(400);
      const ok = await request('/api/v1/auth/totp/confirm', {
        body: { secret, code: freshCode(secret) },
        headers: as(s),
      });
      expect(ok.status).toBe(200);
      expect((await login(u)).status).toBe(401);
      expect((await login({ ...u, secret })).status).toBe(200);
    });
  });

  describe('the one-time setup link and the pages', () => {
    it('creates the first admin through the HTML pages, once', async () => {
      const tenant = await createTenant(t.db, { name: 'Initech', now });
      const inv = (await firstAdminInvitation(t.db, tenant.tenantId, now))!;
      expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await t.db.selectFrom('invitations').select('token_hash').execute();
      expect(stored.some((r) => r.token_hash === sha256Hex(inv.token))).toBe(true);

      const get = await app.request(`/setup?token=${inv.token}`);
      expect(get.status).toBe(200);
      expect(get.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      const html = await get.text();
      expect(html).toContain('otpauth://totp/');
      const secret = /name="totpSecret" value="([A-Z2-7]+)"/.exec(html)![1]!;
      const email = 'first.admin@example.com';
      const password = 'correct horse battery';
      const post = (form: Record<string, string>) =>
        app.request('/setup', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
          body: new URLSearchParams(form).toString(),
        });
      // Without the code: refused, the link still works.
      const noCode = await post({ token: inv.token, email, password, totpSecret: secret });
      expect(noCode.status).toBe(400);
      const code = freshCode(secret);
      const ok = await post({
        token: inv.token,
        email,
        password,
        totpSecret: secret,
        totpCode: code,
      });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('Account created');
      const again = await post({
        token: inv.token,
        email: 'x@example.com',
        password,
        totpSecret: secret,
        totpCode: freshCode(secret),
      });
      expect(again.status).toBe(404);
      expect((await app.request(`/setup?token=${inv.token}`)).status).toBe(404);
      // The tenant has an admin now: start prints no new link.
      expect(await firstAdminInvitation(t.db, tenant.tenantId, now)).toBeNull();

      // Sign in through the login page; the setup code cannot be used again.
      const loginPage = (c: string) =>
        app.request(
          '/login',
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
            body: new URLSearchParams({
              tenantId: tenant.tenantId,
              email,
              password,
              code: c,
            }).toString(),
          },
          from('198.51.100.9'),
        );
      expect((await loginPage(code)).status).toBe(401);
      const signed = await loginPage(freshCode(secret));
      expect(signed.status).toBe(200);
      expect(signed.headers.get('set-cookie')).toMatch(/hush_session=/);
      expect(await signed.text()).toContain('Signed in as');
      const crossSite = await app.request('/login', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://evil.example',
        },
        body: new URLSearchParams({ tenantId: tenant.tenantId, email, password }).toString(),
      });
      expect(crossSite.status).toBe(403);
      expect(await auditActions(tenant.tenantId)).toContain('user.create');
    });

    it('expires links, and only the latest first-admin link works', async () => {
      const tenant = await createTenant(t.db, { name: 'Hooli', now });
      const first = (await firstAdminInvitation(t.db, tenant.tenantId, now))!;
      const second = (await firstAdminInvitation(t.db, tenant.tenantId, now))!;
      expect((await app.request(`/setup?token=${first.token}`)).status).toBe(404);
      expect((await app.request(`/setup?token=${second.token}`)).status).toBe(200);
      now += 25 * 60 * MINUTE;
      expect((await app.request(`/setup?token=${second.token}`)).status).toBe(404);
      expect((await app.request('/setup?token=<script>')).status).toBe(404);
    });

    it('an admin invites a manager with teams through the API', async () => {
      const admin = await signIn(await user(acme, 'admin'));
      const inv = await request('/api/v1/users/invitations', {
        body: { role: 'manager', teams: ['Support EMEA'] },
        headers: as(admin),
      });
      expect(inv.status).toBe(201);
      const { token, path } = (await inv.json()) as { token: string; path: string };
      expect(path).toBe(`/setup?token=${token}`);
      const email = 'new.manager@example.com';
      const res = await request('/api/v1/auth/setup', {
        body: { token, email, password: 'a long enough passphrase' },
      });
      expect(res.status).toBe(201);
      const created = (await res.json()) as { user: { role: string; teams: string[] } };
      expect(created.user).toMatchObject({ role: 'manager', teams: ['Support EMEA'] });
      const s = await signIn({
        id: '',
        tenantId: acme.tenantId,
        email,
        password: 'a long enough passphrase',
        secret: null,
        role: 'manager',
      });
      // A manager may not manage users.
      expect((await request('/api/v1/users', { headers: as(s) })).status).toBe(403);
    });
  });

  describe('reveal', () => {
    it('needs an admin, a fresh TOTP code and a reason; is audited; expires', async () => {
      const adminUser = await user(acme, 'admin');
      const admin = await signIn(adminUser);
      const key = await pseudonymKey(t.db, acme.tenantId, now);
      const person = 'Agent.Smith@Example.com';
      const pseudonym = pseudonymOf(key, person);
      expect(pseudonym).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const manager = await signIn(await user(acme, 'manager', { teams: ['Billing'] }));
      const body = (code: string, reason = 'Ticket SEC-1042: repeated card numbers pasted') => ({
        pseudonym,
        reason,
        code,
      });
      expect(
        (await request('/api/v1/reveal/grants', { body: body('123456'), headers: as(manager) }))
          .status,
      ).toBe(403);
      expect(
        (
          await request('/api/v1/reveal/grants', {
            body: body(freshCode(adminUser.secret!), 'because'),
            headers: as(admin),
          })
        ).status,
      ).toBe(400);
      const stale = totpCode(adminUser.secret!, now - 10 * MINUTE);
      expect(
        (await request('/api/v1/reveal/grants', { body: body(stale), headers: as(admin) })).status,
      ).toBe(403);
      const code = freshCode(adminUser.secret!);
      const g = await request('/api/v1/reveal/grants', { body: body(code), headers: as(admin) });
      expect(g.status).toBe(201);
      const { grantId } = (await g.json()) as { grantId: string };
      // The same code cannot open a second grant.
      expect(
        (await request('/api/v1/reveal/grants', { body: body(code), headers: as(admin) })).status,
      ).toBe(403);
      const check = await request(`/api/v1/reveal/grants/${grantId}/check`, {
        body: { candidates: ['someone.else@example.com', ' agent.smith@example.com '] },
        headers: as(admin),
      });
      expect(check.status).toBe(200);
      expect(await check.json()).toEqual({ match: true, index: 1 });
      const miss = await request(`/api/v1/reveal/grants/${grantId}/check`, {
        body: { candidates: ['nobody@example.com'] },
        headers: as(admin),
      });
      expect(await miss.json()).toEqual({ match: false, index: null });
      // Another admin cannot use this admin's grant.
      const other = await signIn(await user(acme, 'admin'));
      expect(
        (
          await request(`/api/v1/reveal/grants/${grantId}/check`, {
            body: { candidates: [person] },
            headers: as(other),
          })
        ).status,
      ).toBe(404);
      now += 16 * MINUTE;
      const expired = await request(`/api/v1/reveal/grants/${grantId}/check`, {
        body: { candidates: [person] },
        headers: as(await signIn(adminUser)),
      });
      expect(expired.status).toBe(403);

      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', acme.tenantId)
        .where('action', 'like', 'pseudonym.reveal.%')
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'pseudonym.reveal.grant',
        'pseudonym.reveal.check',
        'pseudonym.reveal.check',
      ]);
      expect(audit[0]!.actor).toBe(`user:${adminUser.id}`);
      expect(audit[0]!.target).toBe(sha256Hex(pseudonym));
      expect(audit[0]!.details).toContain('SEC-1042');
      // No candidate is ever written down.
      const all = JSON.stringify(audit);
      expect(all.toLowerCase()).not.toContain('agent.smith');
      expect(all).not.toContain('someone.else');
      expect((await verifyAudit(t.db, acme.tenantId)).ok).toBe(true);
    });
  });

  describe('devices', () => {
    it('a revoked device gets 401; revocation is audited and tenant-scoped', async () => {
      const res = await enroll(acme);
      expect(res.status).toBe(201);
      const { deviceId, credential } = (await res.json()) as {
        deviceId: string;
        credential: string;
      };
      const bearer = { authorization: `Bearer ${credential}` };
      expect((await request('/api/v1/policy/keys', { headers: bearer })).status).toBe(200);
      const globexAdmin = await signIn(await user(globex, 'admin'));
      expect(
        (
          await request(`/api/v1/devices/${deviceId}/revoke`, {
            body: {},
            headers: as(globexAdmin),
          })
        ).status,
      ).toBe(404);
      expect((await request('/api/v1/policy/keys', { headers: bearer })).status).toBe(200);
      const admin = await signIn(await user(acme, 'admin'));
      const auditor = await signIn(await user(acme, 'auditor'));
      expect(
        (await request(`/api/v1/devices/${deviceId}/revoke`, { body: {}, headers: as(auditor) }))
          .status,
      ).toBe(403);
      const r = await request(`/api/v1/devices/${deviceId}/revoke`, {
        body: {},
        headers: as(admin),
      });
      expect(r.status).toBe(200);
      expect((await request('/api/v1/policy/keys', { headers: bearer })).status).toBe(401);
      const list = (await (await request('/api/v1/devices', { headers: as(auditor) })).json()) as {
        devices: { id: string; revokedAt: string | null }[];
      };
      expect(list.devices.find((d) => d.id === deviceId)!.revokedAt).not.toBeNull();
      expect(await auditActions(acme.tenantId)).toContain('device.revoke');
    });

    it('throttles enrollment per address and per tenant, in the database', async () => {
      const ip = '192.0.2.77';
      for (let i = 0; i < ENROLL_PER_IP_MINUTE; i++) {
        const res = await request('/api/v1/enroll', {
          body: {
            tenantId: globex.tenantId,
            enrollmentToken: 'wrong-token',
            extensionVersion: '0.1.0',
            browser: 'chrome',
          },
          ip,
        });
        expect(res.status).toBe(401);
      }
      const over = await enroll(globex, ip);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await enroll(globex, '192.0.2.78')).status).toBe(201);
      // Per tenant: count straight in the shared table, as other instances would have.
      const window = Math.floor(now / 60_000);
      await t.db
        .insertInto('rate_limits')
        .values({ key: `enroll-tenant:${acme.tenantId}`, window, count: 600 })
        .execute();
      expect((await enroll(acme, '192.0.2.79')).status).toBe(429);
      now += MINUTE;
      expect((await enroll(acme, '192.0.2.79')).status).toBe(201);
    });
  });
});
