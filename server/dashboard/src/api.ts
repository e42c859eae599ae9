/**
 * The dashboard's only way to the backend: same-origin fetch with the session cookie, the CSRF
 * token on every state-changing call (server/session.ts), and errors as `ApiError` carrying the
 * server's `{error, message}` so pages can show the server's own words.
 */

/** The signed-in user, as `GET /api/v1/auth/session` and login answer. */
export interface User {
  id: string;
  email: string;
  role: 'admin' | 'manager' | 'auditor';
  teams: string[];
  totp: boolean;
  createdAt: string;
  revokedAt: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

/** A 4xx/5xx answer (or no answer at all: status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';

/** Remembers the session's CSRF token (from login or the session call). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Calls the API; resolves with the parsed JSON body of a 2xx answer. */
export async function api<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body ?? {}) as { error?: unknown; message?: unknown };
    throw new ApiError(
      res.status,
      typeof e.error === 'string' ? e.error : 'http',
      typeof e.message === 'string' ? e.message : `the server answered ${res.status}`,
    );
  }
  return body as T;
}

/** Builds a query string from defined values. */
export function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
