/**
 * What the sync client shares: the storage and fetch it is handed, base64 helpers, and how a
 * request to the backend fails. Nothing here knows the browser: the background passes
 * `browser.storage` and `fetch`, tests pass fakes.
 */

type Items = Record<string, unknown>;

/** The part of browser.storage.local the sync client uses. */
export interface LocalArea {
  get(keys: string[]): Promise<Items>;
  set(items: Items): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** `fetch` as the sync client calls it (the global one, or a test's). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How long one request to the backend may take before it counts as offline. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** `base` with `path` appended, keeping any path prefix IT put in the backend URL. */
export function apiUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64 (or base64url); null when it is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(std)) return null;
  try {
    const bin = atob(std.padEnd(Math.ceil(std.length / 4) * 4, '='));
    const out = new Uint8Array(new ArrayBuffer(bin.length));
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/**
 * Sends a request; a network failure or timeout answers null (offline), never throws. The body
 * of an error answer is never read or kept: only its status matters here.
 */
export async function send(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
): Promise<Response | null> {
  try {
    return await fetchFn(url, {
      ...init,
      // The credential travels in a header; cookies of the backend's site must not.
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return null;
  }
}
