/**
 * Serves the dashboard web app (issue 6): the Preact app that Vite builds from server/dashboard/
 * into dist/dashboard/ (`npm run build:dashboard`). Files under /dashboard/ are served with their
 * content type; any other path under /dashboard/ without a file extension is a client route and
 * gets index.html, so a reload or a bookmarked /dashboard/devices works.
 *
 * Every answer carries a strict Content-Security-Policy: scripts and styles only from this origin
 * (the build has no inline script), no framing, no plugins, requests only to this origin.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http.ts';

/** Where the build puts the app (repository root's dist/dashboard). */
export const DASHBOARD_DIST = fileURLToPath(new URL('../../dist/dashboard/', import.meta.url));

/** The CSP of every dashboard answer. */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

async function fileOrNull(path: string): Promise<Buffer | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

function text(c: Context, status: 404, body: string) {
  return c.body(body, status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
}

/** The dashboard's routes, mounted at `/` (they answer `/dashboard/...`). */
export function dashboardRoutes(opts: { dir?: string } = {}) {
  const dir = resolve(opts.dir ?? DASHBOARD_DIST);
  return new Hono<AppEnv>().get('/dashboard/*', async (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice('/dashboard/'.length));
    } catch {
      return text(c, 404, 'not found');
    }
    if (c.req.path === '/dashboard') return c.redirect('/dashboard/', 302);
    // No way out of the build folder: no parent segments, no NUL, no backslashes.
    if (rel.split('/').includes('..') || /[\0\\]/.test(rel)) return text(c, 404, 'not found');
    const index = resolve(dir, 'index.html');
    const ext = extname(rel);
    const target = ext ? resolve(dir, rel) : index;
    if (target !== dir && !target.startsWith(dir + sep)) return text(c, 404, 'not found');
    const body = await fileOrNull(target);
    if (!body) {
      if (!(await fileOrNull(index))) {
        // 404 rather than 5xx: nothing is broken, the app's files are just not there yet.
        return text(
          c,
          404,
          'The dashboard is not built. Run `npm run build:dashboard` (npm start does it).',
        );
      }
      return text(c, 404, 'not found');
    }
    // Vite names built assets by content hash, so they never change under their name.
    const cache =
      ext && rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(new Uint8Array(body), 200, {
      ...SECURITY_HEADERS,
      'content-type': TYPES[ext || '.html'] ?? 'application/octet-stream',
      'cache-control': cache,
    });
  });
}
