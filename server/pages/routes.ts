/**
 * `/setup` (use a one-time link: the first admin, an invited user), `/login` and `/logout`: the
 * minimal HTML a person needs to get an account and a session before the dashboard (issue 6).
 * Forms post back to the same origin; Hono's `csrf` middleware (app.ts) refuses cross-origin
 * posts, and `/logout` also carries the session's synchronizer token.
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { appendAudit } from '../audit.ts';
import type { AppEnv, Deps } from '../http.ts';
import { acceptInvitation, openInvitation } from '../people/invitations.ts';
import { login } from '../people/login.ts';
import { DEFAULT_SCRYPT, PASSWORD_MIN } from '../people/password.ts';
import { newTotpSecret, totpUri } from '../people/totp.ts';
import { PeopleError } from '../people/users.ts';
import { clearSessionCookie, requireUser, revokeSession } from '../session.ts';
import { esc, page, PAGE_HEADERS } from './html.ts';

function html(c: Context, body: string, status: 200 | 400 | 401 | 403 | 404 | 429 = 200) {
  return c.body(body, status, PAGE_HEADERS);
}

function field(form: Record<string, unknown>, name: string): string {
  const v = form[name];
  return typeof v === 'string' ? v : '';
}

/** The message of a 4xx thrown by `fail` (its body is JSON), for showing on a page. */
async function messageOf(
  err: unknown,
): Promise<{ status: 400 | 401 | 403 | 429; message: string }> {
  if (err instanceof PeopleError) return { status: 400, message: err.message };
  if (err instanceof HTTPException) {
    const res = err.getResponse();
    const body = (await res.json().catch(() => ({}))) as { message?: unknown };
    const status = res.status === 429 ? 429 : res.status === 403 ? 403 : 401;
    return { status, message: typeof body.message === 'string' ? body.message : 'refused' };
  }
  throw err;
}

function setupForm(token: string, role: string, secret: string, email: string): string {
  const label = email || 'you';
  const required = role === 'admin';
  return `<p>This one-time link creates a <strong>${esc(role)}</strong> account.</p>
<form method="post" action="/setup">
<input type="hidden" name="token" value="${esc(token)}">
<input type="hidden" name="totpSecret" value="${esc(secret)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${esc(email)}">
<label for="password">Password (at least ${PASSWORD_MIN} characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_MIN}">
<h2>Second factor${required ? '' : ' (optional)'}</h2>
<p>Add this account to an authenticator app (open the link on your phone, or type the secret),
then enter the 6-digit code it shows.</p>
<p><a href="${esc(totpUri(secret, label))}">${esc(totpUri(secret, label))}</a></p>
<p>Secret: <span class="secret">${esc(secret)}</span></p>
<label for="totpCode">Code</label>
<input id="totpCode" name="totpCode" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code"${required ? ' required' : ''}>
<button type="submit">Create account</button>
</form>`;
}

function loginForm(tenantId: string, email: string): string {
  return `<form method="post" action="/login">
<label for="tenantId">Tenant id</label>
<input id="tenantId" name="tenantId" required value="${esc(tenantId)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${esc(email)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<label for="code">Code from your authenticator app</label>
<input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code">
<button type="submit">Sign in</button>
</form>`;
}

export function pageRoutes(deps: Deps) {
  const cost = () => deps.passwordCost ?? DEFAULT_SCRYPT;
  return new Hono<AppEnv>()
    .get('/setup', async (c) => {
      const token = c.req.query('token') ?? '';
      const inv = await openInvitation(deps.db, token, deps.now());
      if (!inv) {
        return html(
          c,
          page(
            'Link not valid',
            '<p>This link expired or was already used. Ask for a new one.</p>',
          ),
          404,
        );
      }
      return html(c, page('Create your account', setupForm(token, inv.role, newTotpSecret(), '')));
    })
    .post('/setup', async (c) => {
      const form = await c.req.parseBody();
      const token = field(form, 'token');
      const email = field(form, 'email');
      const secret = field(form, 'totpSecret');
      const code = field(form, 'totpCode');
      const now = deps.now();
      try {
        const { tenantId, user } = await acceptInvitation(
          deps.db,
          {
            token,
            email,
            password: field(form, 'password'),
            totpSecret: code || secret ? secret : null,
            totpCode: code || null,
          },
          now,
          cost(),
        );
        await appendAudit(
          deps.db,
          {
            tenantId,
            actor: `user:${user.id}`,
            action: 'user.create',
            target: user.id,
            details: { role: user.role, via: 'invitation' },
          },
          now,
        );
        return html(
          c,
          page(
            'Account created',
            `<p>Your ${esc(user.role)} account is ready.</p>
<p><a href="/login?tenant=${encodeURIComponent(tenantId)}">Sign in</a></p>`,
          ),
        );
      } catch (err) {
        const inv = await openInvitation(deps.db, token, now);
        if (!inv) {
          return html(
            c,
            page('Link not valid', '<p>This link expired or was already used.</p>'),
            404,
          );
        }
        const { message } = await messageOf(err);
        const keep = /^[A-Z2-7]{26,64}$/.test(secret) ? secret : newTotpSecret();
        return html(
          c,
          page('Create your account', setupForm(token, inv.role, keep, email), message),
          400,
        );
      }
    })
    .get('/login', (c) => html(c, page('Sign in', loginForm(c.req.query('tenant') ?? '', ''))))
    .post('/login', async (c) => {
      const form = await c.req.parseBody();
      const tenantId = field(form, 'tenantId');
      const email = field(form, 'email');
      try {
        if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(tenantId) || email.length > 254) {
          throw new PeopleError('invalid', 'the tenant id or email is malformed');
        }
        const code = field(form, 'code').trim();
        const r = await login(c, deps, {
          tenantId,
          email,
          password: field(form, 'password').slice(0, 1024),
          code: code || undefined,
        });
        const signedIn = `<p>Signed in as <strong>${esc(r.user.email)}</strong> (${esc(r.user.role)}).</p>
<p>The session ends after 30 minutes without activity, and after 12 hours in any case.</p>
<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${esc(r.csrfToken)}">
<button type="submit">Sign out</button></form>`;
        return html(c, page('Signed in', signedIn));
      } catch (err) {
        const { status, message } = await messageOf(err);
        return html(c, page('Sign in', loginForm(tenantId, email), message), status);
      }
    })
    .post('/logout', requireUser(deps), async (c) => {
      await revokeSession(deps.db, c.var.sessionHash, deps.now());
      clearSessionCookie(c);
      return html(c, page('Signed out', '<p><a href="/login">Sign in again</a></p>'));
    });
}
