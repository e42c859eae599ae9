/**
 * What the three uploaders share (incidents: upload.ts, false alarms: false-alarm-upload.ts, visit
 * counts: visits-upload.ts): whether a run may start (the backoff, then the enrollment), one POST
 * to the backend with the device credential and what its answer means, and how a failure moves the
 * retry state on (exponential backoff with full jitter, or the server's Retry-After).
 *
 * What an answer means, for every uploader alike:
 * - 200: the backend has it (each uploader's content is idempotent, so a replay is harmless).
 * - 400, 413, 422: the backend will never take this content as it is; the uploader drops or
 *   isolates it, never retries it forever.
 * - 401: the credential is refused; the uploader asks for re-enrollment (`onUnauthorized`).
 * - 429 and 503 with Retry-After: wait that long (capped); other 5xx, 408, 409, 425: back off.
 * - Any other 4xx (a wrong backend URL, a proxy's 403/404) says nothing about the content: back
 *   off like an outage and keep everything.
 */
import type { Enrolment } from './enrollment.ts';
import { apiUrl, send, type FetchLike } from './http.ts';

/** The first retry waits up to this long (full jitter: a random time from 0 to the bound). */
export const BACKOFF_BASE_MS = 10_000;
/** The longest wait between attempts, and the most a Retry-After is honoured for. */
export const BACKOFF_CAP_MS = 60 * 60_000;
/** The shortest wait, so a jitter of 0 never turns into a tight loop. */
export const BACKOFF_MIN_MS = 1_000;

/** Why the last attempt did not finish (identifiers, forever; never a response body). */
export const UPLOAD_ERRORS = [
  'offline',
  'server-error',
  'rate-limited',
  'unauthorized',
  'refused',
] as const;
export type UploadError = (typeof UPLOAD_ERRORS)[number];

/**
 * The wait before attempt `failures + 1`: full jitter, a uniform random time between 0 and
 * min(cap, base * 2^(failures - 1)), never below BACKOFF_MIN_MS.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const bound = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(BACKOFF_MIN_MS, Math.floor(random() * bound));
}

/**
 * A Retry-After header in milliseconds from `now` (delta seconds or an HTTP date), capped at
 * BACKOFF_CAP_MS; null when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  let ms: number;
  if (/^\d{1,10}$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(BACKOFF_CAP_MS, Math.max(BACKOFF_MIN_MS, ms));
}

/** The backend's limit on team names (server/schemas.ts). */
const TEAM_MAX = 200;

/** The team as the backend accepts it: trimmed, no control characters, at most 200; else null. */
export function wireTeam(team: string | null): string | null {
  if (team === null) return null;
  const clean = team.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return clean === '' ? null : clean.slice(0, TEAM_MAX);
}

/** What one POST came to. */
export type PostOutcome =
  | { kind: 'ok' }
  /** The backend will never take this content; `why` is its status and message (no value). */
  | { kind: 'bad'; why: string }
  | { kind: 'unauthorized' }
  | { kind: 'retry'; error: UploadError; after: number | null };

/** A failed attempt: what the retry state is moved on by. */
export type Failure = Extract<PostOutcome, { kind: 'unauthorized' | 'retry' }>;

/** The HTTP statuses that say the request's content will never be taken as it is. */
const BAD = new Set([400, 413, 422]);
/** The statuses worth retrying after a wait (the server or a proxy is busy or failing). */
const RETRY = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

/** The first issue of a refusal (status and message), read defensively; the body is small. */
async function whyRefused(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown };
    const message = typeof body.message === 'string' ? body.message : '';
    return `${res.status} ${message.slice(0, 200)}`.trim();
  } catch {
    return String(res.status);
  }
}

/**
 * POSTs `body` as JSON to `path` of the enrollment's backend with the device credential, and says
 * what the answer means. Never throws for the network (offline is an outcome); a 200's body is
 * not read (a 200 covers the whole request).
 */
export async function postJson(
  deps: { fetch: FetchLike; now: () => number },
  enrolment: Enrolment,
  path: string,
  body: unknown,
): Promise<PostOutcome> {
  const res = await send(deps.fetch, apiUrl(enrolment.backendUrl, path), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${enrolment.credential}`,
    },
    body: JSON.stringify(body),
  });
  if (!res) return { kind: 'retry', error: 'offline', after: null };
  if (res.status === 200) {
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'ok' };
  }
  if (res.status === 401) {
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'unauthorized' };
  }
  if (BAD.has(res.status)) return { kind: 'bad', why: await whyRefused(res) };
  const after = retryAfterMs(res.headers.get('retry-after'), deps.now());
  await res.body?.cancel().catch(() => undefined);
  if (res.status === 429) return { kind: 'retry', error: 'rate-limited', after };
  if (RETRY.has(res.status) || res.status >= 500) {
    return { kind: 'retry', error: 'server-error', after: res.status === 503 ? after : null };
  }
  // 403, 404, 405, 415...: the endpoint, not the content. Wait like an outage; keep everything.
  return { kind: 'retry', error: 'refused', after: null };
}

/** The part of every uploader's stored state that the shared rules move on. */
export interface RetryState {
  /** Failed attempts in a row (0 after a success). */
  failures: number;
  /** No new attempt before this time (ms), unless forced. */
  nextAttemptAt: number;
  lastError: string | null;
  lastSuccessAt: number | null;
}

/** A request was acknowledged. */
export function noteSuccess(state: RetryState, now: number): void {
  state.failures = 0;
  state.lastError = null;
  state.lastSuccessAt = now;
}

/**
 * An attempt failed: one more failure, its reason, and the next attempt after the server's
 * Retry-After when it gave one, else after the backoff. Returns the reason.
 */
export function noteFailure(
  state: RetryState,
  failure: Failure,
  now: number,
  random: () => number,
): UploadError {
  state.failures += 1;
  const error = failure.kind === 'unauthorized' ? 'unauthorized' : failure.error;
  const after = failure.kind === 'retry' ? failure.after : null;
  state.lastError = error;
  state.nextAttemptAt = now + (after ?? backoffDelay(state.failures, random));
  return error;
}

/** Whether a run may send now. */
export type Gate =
  | { kind: 'waiting'; nextAttemptAt: number }
  | { kind: 'not-enrolled' }
  | { kind: 'go'; enrolment: Enrolment };

/**
 * The start of every run: nothing before the backoff ends (unless `force`: a new enrollment, or
 * a test), and nothing at all without an enrollment (everything waits for one).
 */
export async function openGate(
  state: Pick<RetryState, 'nextAttemptAt'>,
  now: number,
  force: boolean,
  getEnrolment: () => Promise<Enrolment | null>,
): Promise<Gate> {
  if (!force && state.nextAttemptAt > now) {
    return { kind: 'waiting', nextAttemptAt: state.nextAttemptAt };
  }
  const enrolment = await getEnrolment();
  return enrolment ? { kind: 'go', enrolment } : { kind: 'not-enrolled' };
}
