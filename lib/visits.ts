/**
 * The shadow-AI inventory's raw data: how many pages of each catalogue AI site were loaded, per
 * local day. One visit is one top-frame page load (the guard's content script announces it; the
 * background counts it once per document). Support tools are not AI tools and are not counted.
 * Kept in extension storage (local, versioned, validated on read) for RETENTION_DAYS days, and
 * reported to the backend by lib/sync/visits-upload.ts (issue 4).
 */
import { storage } from 'wxt/utils/storage';
import { serialCell, type ValueCell } from '@/lib/incidents/cell.ts';

/** Local day ('YYYY-MM-DD') -> catalogue site id -> visits that day. */
export type VisitLog = Record<string, Record<string, number>>;

/** How many days of visits are kept, today included. */
export const RETENTION_DAYS = 90;

/** The stored log. Key forever. */
export const visitsItem = storage.defineItem<VisitLog>('local:aiVisits', {
  fallback: {},
  version: 1,
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SITE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

/** A stored log, validated: malformed days, ids or counts are dropped, the rest kept. */
export function parseVisitLog(value: unknown): VisitLog {
  const out: VisitLog = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [day, sites] of Object.entries(value)) {
    if (!DAY.test(day) || typeof sites !== 'object' || sites === null) continue;
    const kept: Record<string, number> = {};
    for (const [id, n] of Object.entries(sites as Record<string, unknown>)) {
      if (SITE_ID.test(id) && typeof n === 'number' && Number.isInteger(n) && n > 0) kept[id] = n;
    }
    if (Object.keys(kept).length > 0) out[day] = kept;
  }
  return out;
}

/** `log` with one more visit to `siteId` on `now`'s day and days past the retention removed. */
export function addVisit(
  log: VisitLog,
  siteId: string,
  now: number,
  days = RETENTION_DAYS,
): VisitLog {
  const today = localDay(now);
  const first = firstKeptDay(now, days);
  const out: VisitLog = {};
  // 'YYYY-MM-DD' strings sort like the dates they name.
  for (const [day, sites] of Object.entries(log)) if (day >= first) out[day] = sites;
  const sites = { ...out[today] };
  sites[siteId] = (sites[siteId] ?? 0) + 1;
  out[today] = sites;
  return out;
}

export interface VisitCounter {
  /**
   * Counts one page load of `siteId`. `documentId` (the browser's id for the page's document),
   * when given, makes a repeated announcement of the same page count once.
   */
  count(siteId: string, now: number, documentId?: string): Promise<void>;
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
    count: async (siteId, now, documentId) => {
      if (!SITE_ID.test(siteId)) throw new Error(`not a site id: ${siteId}`);
      if (documentId !== undefined) {
        if (counted.includes(documentId)) return;
        counted.push(documentId);
        if (counted.length > 500) counted.shift();
      }
      await log.update((current) => addVisit(current, siteId, now, days));
      onCounted?.();
    },
    read: async (now) => {
      const first = firstKeptDay(now, days);
      const current = await log.read();
      return Object.fromEntries(Object.entries(current).filter(([day]) => day >= first));
    },
  };
}
