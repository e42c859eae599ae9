/**
 * The Hono app: one sub-app per resource, mounted with `app.route` (STYLE.md principle 11), plus
 * the middleware every request passes: a request id, a JSON access log (never bodies), a body size
 * cap, and one error handler that turns anything unexpected into a logged 500 without details.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { SecretKeyError } from './crypto.ts';
import { fail, isDuplicateKey, type AppEnv, type Deps } from './http.ts';
import { openApiDocument } from './openapi.ts';
import { enrollRoutes } from './routes/enroll.ts';
import { falseAlarmRoutes } from './routes/false-alarms.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { policyRoutes } from './routes/policy.ts';
import { csrf } from 'hono/csrf';
import { deviceCors } from './cors.ts';
import { pageRoutes } from './pages/routes.ts';
import { enrollThrottle } from './people/throttle.ts';
import { getConnInfo } from '@hono/node-server/conninfo';
import { resolveClientIp } from './client-ip.ts';
import { authRoutes } from './routes/auth.ts';
import { deviceRoutes } from './routes/devices.ts';
import { revealRoutes, userRoutes } from './routes/users.ts';
import { auditRoutes, erasureRoutes } from './routes/audit.ts';
import { anomalyRoutes, summaryRoutes } from './routes/summary.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { dashboardApiRoutes } from './routes/dashboard-api.ts';
import { falseAlarmSummaryRoutes } from './routes/false-alarm-summary.ts';
import { settingsRoutes } from './routes/settings.ts';
import { visitRoutes } from './routes/visits.ts';
import { shadowAiRoutes } from './routes/shadow-ai.ts';
import { overrideRoutes } from './routes/overrides.ts';
import { teamRoutes } from './routes/teams.ts';
import { policyAdminRoutes } from './routes/policy-admin.ts';

/** The largest request body: a full batch of 1,000 records with capped reasons fits well below. */
export const BODY_MAX_BYTES = 2 * 1024 * 1024;

/** The service's version, reported in the OpenAPI document. */
export const API_VERSION = '1.0.0';

export type { Deps } from './http.ts';

/** Builds the app on `deps`; nothing is kept between requests except what is in the database. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  // The client's address for per-address throttling, found once: the socket peer, or behind a
  // trusted proxy the X-Forwarded-For hop it vouches for (client-ip.ts).
  app.use(async (c, next) => {
    let socket: string | undefined;
    try {
      socket = getConnInfo(c).remote.address;
    } catch {
      // In-process requests (app.request in tests) have no socket.
    }
    c.set(
      'clientIp',
      resolveClientIp(socket, c.req.header('x-forwarded-for'), deps.trustedProxies),
    );
    await next();
  });

  app.use(async (c, next) => {
    const id = randomUUID();
    const start = performance.now();
    await next();
    c.header('x-request-id', id);
    deps.log.log('info', 'request', {
      requestId: id,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    });
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: BODY_MAX_BYTES,
      onError: () => fail(413, 'too_large', `the body must be at most ${BODY_MAX_BYTES} bytes`),
    }),
  );

  // People (issue 5): Hono's csrf refuses cross-origin form posts by Origin / Sec-Fetch-Site; the
  // session's synchronizer token (session.ts) covers the rest. Enrollment is throttled per
  // address and tenant in the database.
  for (const p of ['/api/v1/auth/*', '/api/v1/users/*', '/api/v1/devices/*', '/api/v1/reveal/*']) {
    app.use(p, csrf());
  }
  app.use('/setup', csrf());
  app.use('/login', csrf());
  app.use('/logout', csrf());
  // Extensions call the device routes from a service worker held to CORS (server/cors.ts); the
  // preflight carries no credential, so it is answered before throttling and authentication.
  for (const p of [
    '/api/v1/enroll',
    '/api/v1/policy',
    '/api/v1/policy/*',
    '/api/v1/false-alarms',
  ]) {
    app.use(p, deviceCors());
  }
  app.use('/api/v1/enroll', enrollThrottle(deps));
  app.route('/api/v1/auth', authRoutes(deps));
  app.route('/api/v1/users', userRoutes(deps));
  app.route('/api/v1/devices', deviceRoutes(deps));
  app.route('/api/v1/reveal', revealRoutes(deps));
  app.route('/api/v1/audit', auditRoutes(deps));
  app.route('/api/v1/erasure', erasureRoutes(deps));
  app.route('/api/v1/summary', summaryRoutes(deps));
  app.route('/api/v1/anomalies', anomalyRoutes(deps));
  app.route('/api/v1/webhooks', webhookRoutes(deps));
  app.route('/api/v1/dashboard', dashboardApiRoutes(deps));
  app.route('/api/v1/false-alarm-summary', falseAlarmSummaryRoutes(deps));
  app.route('/api/v1/settings', settingsRoutes(deps));
  app.route('/api/v1/overrides', overrideRoutes(deps));
  app.route('/api/v1/teams', teamRoutes(deps));
  app.route('/api/v1/policies', policyAdminRoutes(deps));
  app.route('/', dashboardRoutes());
  app.route('/', pageRoutes(deps));
  app.route('/api/v1/enroll', enrollRoutes(deps));
  app.route('/api/v1/policy', policyRoutes(deps));
  app.route('/api/v1/incidents', incidentRoutes(deps));
  app.route('/api/v1/false-alarms', falseAlarmRoutes(deps));
  app.route('/api/v1/visits', visitRoutes(deps));
  app.route('/api/v1/shadow-ai', shadowAiRoutes(deps));
  const doc = JSON.stringify(openApiDocument(API_VERSION));
  app.get('/api/v1/openapi.json', (c) =>
    c.body(doc, 200, { 'content-type': 'application/json; charset=utf-8' }),
  );

  app.notFound((c) =>
    c.json({ error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` }, 404),
  );
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    if (err instanceof SecretKeyError) {
      deps.log.log('error', 'secret key', {
        method: c.req.method,
        path: c.req.path,
        error: err.message,
      });
      return c.json({ error: 'secret_key', message: err.message }, 503);
    }
    if (isDuplicateKey(err)) {
      return c.json(
        {
          error: 'conflict',
          message:
            'another change to the same record was saved at the same moment; reload and try again',
        },
        409,
      );
    }
    deps.log.log('error', 'unhandled error', {
      method: c.req.method,
      path: c.req.path,
      // The message and stack only: an error never carries a request body here.
      error: err instanceof Error ? err.message : String(err),
    });
    return c.json({ error: 'internal', message: 'internal error; see the server log' }, 500);
  });
  return app;
}
