/**
 * The shadow-AI inventory's raw data: how many pages of each catalogue AI site were loaded, per
 * local day and host as visited (`chatgpt.com` and `chat.openai.com` are one site, two hosts: a
 * company that approves one needs to see which one its agents use). One visit is one top-frame page
 * load (the guard's content script announces it; the background counts it once per document).
 * Support tools are not AI tools and are not counted. Kept in extension storage (local, versioned,
 * migrated, validated on read) for RETENTION_DAYS days, and reported to the backend by
 * lib/sync/visits-upload.ts (issue 4).
 *
 * The host is only ever one the site's catalogue patterns or the policy's AI lists name exactly
 * (`visitHost`); any other host (a subdomain a wildcard pattern matched, say) is counted as
 * HOST_UNKNOWN, so nothing of an address beyond a catalogue or policy host is kept or sent.
 */
import { storage } from 'wxt/utils/storage';
import type { Policy } from '@/lib/policy/schema.ts';
import type { SiteEntry } from '@/lib/sites/catalogue.ts';
import { serialCell, type ValueCell } from '@/lib/incidents/cell.ts';

/** Local day ('YYYY-MM-DD') -> catalogue site id -> host -> visits that day. */
export type VisitLog = Record<string, Record<string, Record<string, number>>>;

/**
 * The host of visits whose host is not known: those counted by version 1 of the log (which kept
 * no host) and those on a host no catalogue or policy pattern names exactly. The uploader
 * describes them by their site, as version 1 did (lib/sync/visits-upload.ts `siteDescriber`).
 */
export const HOST_UNKNOWN = '';

/** How many days of visits are kept, today included. */
export const RETENTION_DAYS = 90;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SITE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A lower-case host name (the backend's HOST_PATTERN in server/schemas.ts takes the same). */
const HOST =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 of the log (day -> site id -> count) as version 2: each count moves under
 * HOST_UNKNOWN, since the host of those visits was never recorded. Nothing is dropped or checked
 * here (parseVisitLog validates on every read), so the step cannot fail and lose the old counts.
 * A site already holding hosts is left as it is: WXT knows an item's version only from a mark it
 * writes beside the value, and a version 2 log whose mark is missing must not be wrapped again
 * (the read would then drop every count).
 */
export function migrateVisitLogV1(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [day, sites] of Object.entries(value)) {
    out[day] = isRecord(sites)
      ? Object.fromEntries(
          Object.entries(sites).map(([id, n]) => [id, isRecord(n) ? n : { [HOST_UNKNOWN]: n }]),
        )
      : sites;
  }
  return out;
}

/**
 * The stored log. Key forever. Version 1 counted per site only; WXT runs the migration before
 * the item's first read or write in a new build (every getValue/setValue waits for it).
 */
export const visitsItem = storage.defineItem<VisitLog>('local:aiVisits', {
  fallback: {},
  version: 2,
  migrations: { 2: migrateVisitLogV1 },
});

/** The local calendar day of `time` as 'YYYY-MM-DD' (the agent's day, not UTC's). */
export function localDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The first local day kept on `today`'s date: today and the RETENTION_DAYS - 1 days before. */
export function firstKeptDay(now: number, days = RETENTION_DAYS): string {
  const d = new Date(now);
  // Calendar arithmetic on the local date, so a daylight-saving change cannot skip or repeat a day.
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() - (days - 1));
  return localDay(d.getTime());
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;
const isHost = (host: string): boolean => host === HOST_UNKNOWN || HOST.test(host);

/** A stored log, validated: malformed days, ids, hosts or counts are dropped, the rest kept. */
export function parseVisitLog(value: unknown): VisitLog {
  const out: VisitLog = {};
  if (!isRecord(value)) return out;
  for (const [day, sites] of Object.entries(value)) {
    if (!DAY.test(day) || !isRecord(sites)) continue;
    const keptSites: Record<string, Record<string, number>> = {};
    for (const [id, hosts] of Object.entries(sites)) {
      if (!SITE_ID.test(id) || !isRecord(hosts)) continue;
      const keptHosts: Record<string, number> = {};
      for (const [host, n] of Object.entries(hosts)) {
        if (isHost(host) && isCount(n)) keptHosts[host] = n;
      }
      if (Object.keys(keptHosts).length > 0) keptSites[id] = keptHosts;
    }
    if (Object.keys(keptSites).length > 0) out[day] = keptSites;
  }
  return out;
}

/** The host of a pattern that names exactly one (`host` or `host/path`); null for `*.host`. */
export function patternHost(pattern: string): string | null {
  if (pattern.startsWith('*.')) return null;
  const slash = pattern.indexOf('/');
  return slash < 0 ? pattern : pattern.slice(0, slash);
}

/** The policy's AI site lists (approved and unapproved AI), whose exact hosts a visit may keep. */
export function aiPolicyPatterns(policy: Pick<Policy, 'sites'>): string[] {
  return [...policy.sites.approved.map((a) => a.pattern), ...policy.sites.unapprovedAi];
}

/**
 * The host a page load of `site` is counted under: the page's host (lower case, without a final
 * dot) when one of the site's catalogue patterns or `policyPatterns` names it exactly, else
 * HOST_UNKNOWN. A wildcard pattern names no host: the subdomain it matched may carry a customer's
 * or tenant's name, which the inventory must not keep.
 */
export function visitHost(
  site: Pick<SiteEntry, 'patterns'>,
  host: string,
  policyPatterns: readonly string[] = [],
): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  const named = [...site.patterns, ...policyPatterns].some((p) => patternHost(p) === h);
  return named && HOST.test(h) ? h : HOST_UNKNOWN;
}

/**
 * `log` with one more visit to `siteId` on `host` on `now`'s day and days past the retention
 * removed.
 */
export function addVisit(
  log: VisitLog,
  siteId: string,
  host: string,
  now: number,
  days = RETENTION_DAYS,
): VisitLog {
  const today = localDay(now);
  const first = firstKeptDay(now, days);
  const out: VisitLog = {};
  // 'YYYY-MM-DD' strings sort like the dates they name.
  for (const [day, sites] of Object.entries(log)) if (day >= first) out[day] = sites;
  const sites = { ...out[today] };
  const hosts = { ...sites[siteId] };
  hosts[host] = (hosts[host] ?? 0) + 1;
  sites[siteId] = hosts;
  out[today] = sites;
  return out;
}

export interface VisitCounter {
  /**
   * Counts one page load of `siteId` on `host` (visitHost's answer: a catalogue or policy host,
   * or HOST_UNKNOWN). `documentId` (the browser's id for the page's document), when given, makes
   * a repeated announcement of the same page count once.
   */
  count(siteId: string, host: string, now: number, documentId?: string): Promise<void>;
  /** The log as of `now`: days past the retention are left out even before the next write. */
  read(now: number): Promise<VisitLog>;
}

/**
 * The visit counter over a stored cell (visitsItem in the extension). `onCounted` is told after
 * each visit stored (the background schedules an upload with it).
 */
export function createVisitCounter(
  cell: ValueCell<unknown> = visitsItem,
  days = RETENTION_DAYS,
  onCounted?: () => void,
): VisitCounter {
  const log = serialCell(cell, parseVisitLog);
  /** Documents already counted by this service worker; a short memory is enough (see count). */
  const counted: string[] = [];
  return {
    count: async (siteId, host, now, documentId) => {
      if (!SITE_ID.test(siteId)) throw new Error(`not a site id: ${siteId}`);
      // The caller passes visitHost's answer; anything else is a bug, not something to store.
      if (!isHost(host)) throw new Error('not a host name');
      if (documentId !== undefined) {
        if (counted.includes(documentId)) return;
        counted.push(documentId);
        if (counted.length > 500) counted.shift();
      }
      await log.update((current) => addVisit(current, siteId, host, now, days));
      onCounted?.();
    },
    read: async (now) => {
      const first = firstKeptDay(now, days);
      const current = await log.read();
      return Object.fromEntries(Object.entries(current).filter(([day]) => day >= first));
    },
  };
}
