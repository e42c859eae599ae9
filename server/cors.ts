/**
 * CORS for the routes browsers' extensions call (enroll, policy, incidents, false alarms). An
 * extension's service worker that has no host permission for the backend is held to CORS like a
 * page: without these headers the extension cannot read the answer (in an e2e run without them,
 * a batch reached the database while the extension never saw the 200 and kept it pending). Only
 * extension origins are answered: these routes authenticate with a bearer credential, never a
 * cookie, and the dashboard's cookie routes get no CORS at all.
 */
import { cors } from 'hono/cors';

const EXTENSION_ORIGIN = /^(?:chrome|moz|safari-web)-extension:\/\/[A-Za-z0-9._-]{1,64}$/;

/** Lets browser extensions call a device route and read what the client needs of the answer. */
export function deviceCors() {
  return cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['authorization', 'content-type', 'if-none-match'],
    // Not CORS-safelisted, so hidden from the extension unless exposed: the uploader honours
    // Retry-After and the policy sync sends ETag back.
    exposeHeaders: ['retry-after', 'etag'],
    maxAge: 600,
  });
}
