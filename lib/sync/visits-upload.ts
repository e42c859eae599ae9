/**
 * The visit-count uploader (issue 4): reports the shadow-AI inventory (lib/visits.ts, page loads
 * per local day, catalogue AI site and host) to the backend, `POST /api/v1/visits`.
 *
 * - What leaves: per (day, site, host) the count, the host and its page class under the current
 *   policy, and the enrollment's user pseudonym and team. Nothing else: the log holds no address,
 *   path or title to send, and its hosts are only ones a catalogue or policy pattern names exactly.
 * - Cumulative, so idempotent: a day's count only grows and the backend keeps the larger figure,
 *   so a request whose answer was lost is simply sent again.
 * - Only what changed: the counts the backend acknowledged are kept (`acked`, per day, site and
 *   host as logged); a run sends the records with a count new or larger than the acknowledged
 *   one, oldest day first.
 * - The rules of every uploader (upload-core.ts): nothing without an enrollment, exponential
 *   backoff with full jitter or the server's Retry-After, 401 asks for re-enrollment; a batch the
 *   backend will never take is halved until the record at fault is alone, and that record is
 *   marked acknowledged (it is tried again only when its count grows), never retried forever.
 * - The state lives in extension storage (`local:aiVisitsUpload`), so a killed worker resumes.
 *
 * A visit counted under its host is sent under that host with the class the current policy gives
 * it (`visitDescriber`); one whose host is unknown (counted before the log kept hosts, or on a host
 * no pattern names exactly) is described by its site, as before (`siteDescriber`: the site's first
 * catalogue host with the site's class). A host or site the policy excludes, or names a support
 * tool, is not sent at all.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { ValueCell } from '@/lib/incidents/cell.ts';
import { CATALOGUE, type SiteEntry } from '@/lib/sites/catalogue.ts';
import { findSite } from '@/lib/sites/match.ts';
import {
  HOST_UNKNOWN,
  migrateVisitLogV1,
  parseVisitLog,
  patternHost,
  type VisitCounter,
  type VisitLog,
} from '@/lib/visits.ts';
import type { Enrolment } from './enrollment.ts';
import type { FetchLike } from './http.ts';
import {
  UPLOAD_ERRORS,
  noteFailure,
  noteSuccess,
  openGate,
  postJson,
  wireTeam,
  type UploadError,
} from './upload-core.ts';
import { UPLOAD_ALARM, type AlarmsLike } from './upload-schedule.ts';

/** Records per request: the backend takes at most 500 (server/routes/visits.ts). */
export const VISITS_UPLOAD_BATCH = 200;
/** The one-shot alarm: shortly after a visit, or when a backoff ends (forever). */
export const VISIT_UPLOAD_ALARM = 'hush:visit-upload';
/** A visit is sent this long after it is counted, so a morning's page loads are one request. */
export const VISIT_UPLOAD_DELAY_MS = 60_000;

/**
 * Version 1 of the state (`v: 1`, counts acknowledged per day and site) as version 2: the
 * acknowledged counts move under HOST_UNKNOWN like the log's (lib/visits.ts migrateVisitLogV1),
 * so visits the backend already has are not sent again. Anything else is left for the read to
 * reject (a fresh start, which only sends counts the backend already holds again).
 */
export function migrateVisitUploadStateV1(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return raw;
  const old = raw as Record<string, unknown>;
  return { ...old, v: 2, acked: migrateVisitLogV1(old.acked) };
}

/** The uploader's stored state (key forever). Version 1 acknowledged counts per site only. */
export const visitUploadItem = storage.defineItem<unknown>('local:aiVisitsUpload', {
  fallback: null,
  version: 2,
  migrations: { 2: migrateVisitUploadStateV1 },
});

const StateV2 = v.object({
  v: v.literal(2),
  failures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  nextAttemptAt: v.number(),
  lastAttemptAt: v.nullable(v.number()),
  lastSuccessAt: v.nullable(v.number()),
  lastError: v.nullable(v.picklist(UPLOAD_ERRORS)),
  /** The counts the backend acknowledged, per day, site and host (a VisitLog, validated on read). */
  acked: v.unknown(),
});

export interface VisitUploadState {
  v: 2;
  failures: number;
  nextAttemptAt: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: UploadError | null;
  acked: VisitLog;
}

/** Reads the stored state; anything unreadable is a fresh start (everything is sent again). */
export function readVisitUploadState(raw: unknown): VisitUploadState {
  const r = v.safeParse(StateV2, raw);
  if (!r.success) {
    return {
      v: 2,
      failures: 0,
      nextAttemptAt: 0,
      lastAttemptAt: null,
      lastSuccessAt: null,
      lastError: null,
      acked: {},
    };
  }
  return { ...r.output, acked: parseVisitLog(r.output.acked) };
}

/** One record as the backend takes it (server/routes/visits.ts `VisitRecord`). */
export interface VisitWire {
  day: string;
  siteId: string;
  host: string;
  pageClass: 'unapproved-ai' | 'approved-ai';
  count: number;
  user: string;
  team: string | null;
}

/** How a site's visits are described: the host sent and its class under the current policy. */
export type SiteDescription = Pick<VisitWire, 'host' | 'pageClass'>;

const isAiClass = (c: string | undefined): c is VisitWire['pageClass'] =>
  c === 'approved-ai' || c === 'unapproved-ai';

/** A page's class under the policy (lib/policy/convert.ts `classifyByPolicy` in the extension). */
export type ClassifyUrl = (url: URL) => { pageClass: string } | null;

/**
 * How visits whose host is unknown are described: each of the catalogue entry's patterns is
 * classified; the site is approved AI when any of its hosts is approved (a company approves the
 * host its agents use), else unapproved AI when any is. The host sent is the first pattern's host
 * with that class. A site with no AI class at all (excluded, a support tool by policy, one this
 * build does not know) is not sent.
 */
export function siteDescriber(
  classify: ClassifyUrl,
  catalogue: readonly SiteEntry[] = CATALOGUE,
): (siteId: string) => SiteDescription | null {
  return (siteId) => {
    const entry = catalogue.find((s) => s.id === siteId && s.kind === 'ai');
    if (!entry) return null;
    const classed = entry.patterns.map((p) => {
      const url = new URL(`https://${p.replace(/^\*\./, 'www.')}`);
      return { host: url.hostname, pageClass: classify(url)?.pageClass };
    });
    for (const pageClass of ['approved-ai', 'unapproved-ai'] as const) {
      const hit = classed.find((c) => c.pageClass === pageClass);
      if (hit) return { host: hit.host, pageClass };
    }
    return null;
  };
}

/**
 * The describer the background uses, for one (site, host) of the log. A host that the site's
 * catalogue patterns or `policyPatterns` (the policy's AI lists, lib/visits.ts aiPolicyPatterns)
 * name exactly, and that belongs to the site, is sent as it is, with the class the policy gives it
 * (classified at that pattern, path included); a host the policy excludes or names a support tool
 * is not sent. HOST_UNKNOWN, or a host no pattern names any more, is described by its site
 * (`siteDescriber`), so nothing but a catalogue or policy host ever leaves, whatever the log holds.
 */
export function visitDescriber(
  classify: ClassifyUrl,
  policyPatterns: readonly string[] = [],
  catalogue: readonly SiteEntry[] = CATALOGUE,
): (siteId: string, host: string) => SiteDescription | null {
  const bySite = siteDescriber(classify, catalogue);
  return (siteId, host) => {
    const entry = catalogue.find((s) => s.id === siteId && s.kind === 'ai');
    if (!entry) return null;
    const pattern =
      host === HOST_UNKNOWN
        ? undefined
        : [...entry.patterns, ...policyPatterns].find((p) => patternHost(p) === host);
    const url = pattern === undefined ? null : new URL(`https://${pattern}`);
    // The host must be one of this site's, as the guard found it (findSite); a log that says
    // otherwise was not written by this build's counter.
    if (!url || findSite(url, catalogue) !== entry) return bySite(siteId);
    const pageClass = classify(url)?.pageClass;
    return isAiClass(pageClass) ? { host, pageClass } : null;
  };
}

/** One count of the log: a (day, site, host) and its visits. */
export interface LoggedVisit {
  day: string;
  siteId: string;
  /** The host as logged (HOST_UNKNOWN included), which need not be the host sent. */
  host: string;
  count: number;
}

/** The (day, site, host) counts not yet acknowledged at their current figure, oldest day first. */
export function pendingVisits(log: VisitLog, acked: VisitLog): LoggedVisit[] {
  const out: LoggedVisit[] = [];
  for (const day of Object.keys(log).sort()) {
    const sites = log[day]!;
    for (const siteId of Object.keys(sites).sort()) {
      const hosts = sites[siteId]!;
      for (const host of Object.keys(hosts).sort()) {
        const count = hosts[host]!;
        if (count > (acked[day]?.[siteId]?.[host] ?? 0)) out.push({ day, siteId, host, count });
      }
    }
  }
  return out;
}

/** What leaves the browser for one (day, site, host): exactly these seven fields. */
export function visitWire(
  visit: { day: string; siteId: string; count: number },
  site: SiteDescription,
  enrolment: Pick<Enrolment, 'userPseudonym' | 'team'>,
): VisitWire {
  return {
    day: visit.day,
    siteId: visit.siteId,
    host: site.host,
    pageClass: site.pageClass,
    count: visit.count,
    user: enrolment.userPseudonym,
    team: wireTeam(enrolment.team),
  };
}

export interface VisitUploaderDeps {
  /** The visit log (createVisitCounter in the extension). */
  visits: Pick<VisitCounter, 'read'>;
  /** Where the state is kept; visitUploadItem unless a test passes a memory cell. */
  state?: ValueCell<unknown>;
  /**
   * The host sent and its class for a logged (site, host), or null to leave it out
   * (visitDescriber in the extension).
   */
  describe: (
    siteId: string,
    host: string,
  ) => SiteDescription | null | Promise<SiteDescription | null>;
  getEnrolment: () => Promise<Enrolment | null>;
  /** The backend refused the credential (401): drop it so the sync client enrolls again. */
  onUnauthorized: (enrolment: Enrolment) => void | Promise<void>;
  fetch: FetchLike;
  now: () => number;
  random?: () => number;
  warn?: (message: string) => void;
  /** Records per request; VISITS_UPLOAD_BATCH unless a test wants small batches. */
  batchSize?: number;
}

export interface VisitUploadResult {
  status: 'done' | 'waiting' | 'failed' | 'not-enrolled';
  /** Records the backend acknowledged in this run. */
  sent: number;
  /** Records the backend refused for good in this run (not sent again until they change). */
  rejected: number;
  /** When to try again, when the run did not finish. */
  nextAttemptAt?: number;
  error?: UploadError;
}

export interface VisitUploader {
  /** Sends what changed, batch after batch; respects the backoff unless `force`. */
  run(options?: { force?: boolean }): Promise<VisitUploadResult>;
  state(): Promise<VisitUploadState>;
}

/** One record to send and the logged counts it adds up (acknowledged together). */
interface Outgoing {
  wire: VisitWire;
  parts: LoggedVisit[];
}

/**
 * The records a run sends: one per (day, site, host sent) with any logged count that grew. Two
 * logged hosts can be sent as one (HOST_UNKNOWN described as the site's first catalogue host, and
 * that host counted by name on the day the log gained hosts): the record then holds their sum,
 * which only grows as they do, since the backend keeps one row per (day, site, host) and takes the
 * larger figure.
 */
async function outgoing(
  log: VisitLog,
  acked: VisitLog,
  describe: VisitUploaderDeps['describe'],
  enrolment: Enrolment,
): Promise<Outgoing[]> {
  const groups = new Map<string, Outgoing>();
  const described = new Map<string, SiteDescription | null>();
  const describeOnce = async (siteId: string, host: string) => {
    const key = `${siteId} ${host}`;
    if (!described.has(key)) described.set(key, await describe(siteId, host));
    return described.get(key)!;
  };
  const pending = pendingVisits(log, acked);
  const pendingKeys = new Set(pending.map((p) => `${p.day} ${p.siteId} ${p.host}`));
  // Every logged count of a (day, site) with one that grew, not only the grown ones: a record's
  // figure is the sum of all its parts. A (day, site) with none is not described at all.
  const pairs = new Set(pending.map((p) => `${p.day} ${p.siteId}`));
  const all = pendingVisits(log, {}).filter((p) => pairs.has(`${p.day} ${p.siteId}`));
  const toSend = new Set<string>();
  for (const visit of all) {
    const site = await describeOnce(visit.siteId, visit.host);
    if (!site) continue;
    const key = `${visit.day} ${visit.siteId} ${site.host}`;
    let group = groups.get(key);
    if (!group) {
      group = { wire: visitWire({ ...visit, count: 0 }, site, enrolment), parts: [] };
      groups.set(key, group);
    }
    group.wire.count += visit.count;
    group.parts.push(visit);
    if (pendingKeys.has(`${visit.day} ${visit.siteId} ${visit.host}`)) toSend.add(key);
  }
  return [...groups.entries()].filter(([key]) => toSend.has(key)).map(([, group]) => group);
}

/** Creates the uploader; `run` calls never overlap within one context. */
export function createVisitUploader(deps: VisitUploaderDeps): VisitUploader {
  const cell = deps.state ?? visitUploadItem;
  const random = deps.random ?? Math.random;
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  const batchSize = Math.max(
    1,
    Math.min(VISITS_UPLOAD_BATCH, deps.batchSize ?? VISITS_UPLOAD_BATCH),
  );
  let running: Promise<VisitUploadResult> | null = null;

  /**
   * Marks `batch` acknowledged at the logged counts it was made of (a count that grew since is
   * sent next run).
   */
  function acknowledge(state: VisitUploadState, batch: Outgoing[]): void {
    for (const { parts } of batch) {
      for (const p of parts) {
        const hosts = ((state.acked[p.day] ??= {})[p.siteId] ??= {});
        hosts[p.host] = Math.max(hosts[p.host] ?? 0, p.count);
      }
    }
  }

  async function once(force: boolean): Promise<VisitUploadResult> {
    const state = readVisitUploadState(await cell.getValue());
    const started = deps.now();
    const gate = await openGate(state, started, force, deps.getEnrolment);
    if (gate.kind === 'waiting') {
      return { status: 'waiting', sent: 0, rejected: 0, nextAttemptAt: gate.nextAttemptAt };
    }
    if (gate.kind === 'not-enrolled') return { status: 'not-enrolled', sent: 0, rejected: 0 };
    const enrolment = gate.enrolment;
    const log = await deps.visits.read(started);
    // Days the log no longer keeps are forgotten here too, so the state stays as small as the log.
    state.acked = Object.fromEntries(Object.entries(state.acked).filter(([day]) => day in log));
    const records = await outgoing(log, state.acked, deps.describe, enrolment);
    let sent = 0;
    let rejected = 0;
    // Halves of a refused batch wait here, so the record at fault is found in log2(n) requests.
    const queue: Outgoing[][] = [];
    for (let i = 0; i < records.length; i += batchSize) {
      queue.push(records.slice(i, i + batchSize));
    }
    while (queue.length > 0) {
      const batch = queue.shift()!;
      const outcome = await postJson(deps, enrolment, '/api/v1/visits', {
        records: batch.map((o) => o.wire),
      });
      const now = deps.now();
      if (outcome.kind === 'ok') {
        acknowledge(state, batch);
        sent += batch.length;
        noteSuccess(state, now);
        // Stored after each batch: a worker killed half-way does not send these again.
        await cell.setValue(state);
        continue;
      }
      if (outcome.kind === 'bad') {
        if (batch.length > 1) {
          const half = Math.ceil(batch.length / 2);
          queue.unshift(batch.slice(0, half), batch.slice(half));
          continue;
        }
        const r = batch[0]!.wire;
        acknowledge(state, batch);
        rejected += 1;
        await cell.setValue(state);
        // The server names the field and the rule; a visit record holds no value of the page.
        warn(`Hush: the backend refused visits to ${r.siteId} on ${r.day} (${outcome.why})`);
        continue;
      }
      state.lastAttemptAt = now;
      const error = noteFailure(state, outcome, now, random);
      await cell.setValue(state);
      if (outcome.kind === 'unauthorized') await deps.onUnauthorized(enrolment);
      return { status: 'failed', sent, rejected, nextAttemptAt: state.nextAttemptAt, error };
    }
    state.failures = 0;
    state.nextAttemptAt = 0;
    state.lastAttemptAt = deps.now();
    state.lastError = null;
    await cell.setValue(state);
    return { status: 'done', sent, rejected };
  }

  return {
    run(options = {}) {
      running ??= once(options.force === true).finally(() => {
        running = null;
      });
      return running;
    },
    state: async () => readVisitUploadState(await cell.getValue()),
  };
}

export interface VisitUploadScheduler {
  /** Runs now (joining a run going on); `force` skips the backoff. */
  kick(force?: boolean): Promise<VisitUploadResult | null>;
  /** A visit was counted: run in about VISIT_UPLOAD_DELAY_MS. */
  visited(): void;
}

/**
 * When visit counts are sent: at start-up, on the incident uploader's periodic alarm
 * (UPLOAD_ALARM, every 5 minutes), on a one-shot alarm a minute after a visit or at the end of a
 * backoff (alarms outlive the service worker), and forced on a new enrollment (`kick(true)`).
 */
export function startVisitUploads(deps: {
  uploader: VisitUploader;
  alarms: AlarmsLike;
  now: () => number;
  warn?: (message: string) => void;
}): VisitUploadScheduler {
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  let soon = false;

  async function kick(force = false): Promise<VisitUploadResult | null> {
    try {
      const result = await deps.uploader.run({ force });
      if (result.nextAttemptAt !== undefined) {
        void deps.alarms.create(VISIT_UPLOAD_ALARM, { when: result.nextAttemptAt });
      }
      return result;
    } catch (error) {
      // Storage could not be read or the worker is shutting down: the next alarm retries.
      warn(`Hush: visit upload failed (${error instanceof Error ? error.name : typeof error})`);
      return null;
    }
  }

  deps.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === VISIT_UPLOAD_ALARM) soon = false;
    if (alarm.name === VISIT_UPLOAD_ALARM || alarm.name === UPLOAD_ALARM) void kick();
  });
  void kick();

  return {
    kick,
    visited() {
      // One alarm for a burst of visits; a new worker may set it again (it then moves a little).
      if (soon) return;
      soon = true;
      void deps.alarms.create(VISIT_UPLOAD_ALARM, { when: deps.now() + VISIT_UPLOAD_DELAY_MS });
    },
  };
}
