/**
 * What Hush did on the page open in each tab, for the toolbar popup: types and counts per outcome,
 * never values. Kept by the background in storage.session, so a service-worker restart keeps it
 * and closing the browser forgets it; a new page in the tab starts a new summary.
 */
import { storage } from 'wxt/utils/storage';
import type { EntityType } from '@/rules/index.ts';
import { OUTCOMES, type GuardEvent, type Outcome } from '@/lib/guard/context.ts';
import { PAGE_CLASSES, type PageClass } from '@/lib/guard/decide.ts';
import { parseCounts } from './record.ts';
import { serialCell, type SerialCell, type ValueCell } from './cell.ts';
import type { GuardedFrame } from './sender.ts';

export interface TabSummary {
  /** The id the top frame's content script drew for its page ('' until it announced itself). */
  pageId: string;
  siteId: string | null;
  siteName: string | null;
  host: string;
  pageClass: PageClass;
  /** When the page started (ms since the epoch). */
  since: number;
  /** Counts per outcome, then per type. */
  outcomes: Partial<Record<Outcome, Partial<Record<EntityType, number>>>>;
  /** How many decisions the guard reported on this page. */
  decisions: number;
}

/** Tab id (as a string) -> summary. */
export type TabSummaries = Record<string, TabSummary>;

/** The stored summaries (storage.session; versioned, validated on read). Key forever. */
export const tabSummariesItem = storage.defineItem<TabSummaries>('session:tabSummaries', {
  fallback: {},
  version: 1,
});

const PAGE_ID = /^[A-Za-z0-9_-]{0,64}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stored summary, validated; null when damaged. */
export function parseTabSummary(value: unknown): TabSummary | null {
  if (!isRecord(value)) return null;
  const { pageId, siteId, siteName, host, pageClass, since, decisions, outcomes } = value;
  if (typeof pageId !== 'string' || !PAGE_ID.test(pageId)) return null;
  if (siteId !== null && typeof siteId !== 'string') return null;
  if (siteName !== null && typeof siteName !== 'string') return null;
  if (typeof host !== 'string' || typeof since !== 'number') return null;
  if (typeof pageClass !== 'string' || !(PAGE_CLASSES as readonly string[]).includes(pageClass)) {
    return null;
  }
  if (typeof decisions !== 'number' || !Number.isInteger(decisions) || decisions < 0) return null;
  if (!isRecord(outcomes)) return null;
  const parsed: TabSummary['outcomes'] = {};
  for (const [outcome, counts] of Object.entries(outcomes)) {
    if (!(OUTCOMES as readonly string[]).includes(outcome)) return null;
    const c = parseCounts(counts);
    if (c === null) return null;
    parsed[outcome as Outcome] = c;
  }
  return {
    pageId,
    siteId,
    siteName,
    host,
    pageClass: pageClass as PageClass,
    since,
    outcomes: parsed,
    decisions,
  };
}

/** Every valid summary in a stored map; damaged entries are dropped. */
export function parseTabSummaries(value: unknown): TabSummaries {
  const out: TabSummaries = {};
  if (!isRecord(value)) return out;
  for (const [tab, summary] of Object.entries(value)) {
    const parsed = /^\d{1,10}$/.test(tab) ? parseTabSummary(summary) : null;
    if (parsed) out[tab] = parsed;
  }
  return out;
}

function fresh(frame: GuardedFrame, pageId: string, now: number): TabSummary {
  return {
    pageId,
    siteId: frame.site?.id ?? null,
    siteName: frame.site?.name ?? null,
    host: frame.host,
    pageClass: frame.pageClass,
    since: now,
    outcomes: {},
    decisions: 0,
  };
}

/** The largest count kept per type and outcome (counts are display figures, not the record). */
const COUNT_CAP = 1_000_000;

export interface TabSummaryStore {
  /** A new page in the tab (the top frame announced itself): the summary starts over. */
  startPage(frame: GuardedFrame, pageId: string, now: number): Promise<void>;
  /** Adds one decision to the tab's summary. */
  record(frame: GuardedFrame, event: GuardEvent, now: number): Promise<void>;
  /** The tab was closed. */
  forget(tabId: number): Promise<void>;
  get(tabId: number): Promise<TabSummary | null>;
}

/** The per-tab summaries over a stored cell (tabSummariesItem in the extension). */
export function createTabSummaries(cell: ValueCell<unknown> = tabSummariesItem): TabSummaryStore {
  const summaries: SerialCell<TabSummaries> = serialCell(cell, parseTabSummaries);
  return {
    startPage: (frame, pageId, now) =>
      summaries.update((all) => ({ ...all, [frame.tabId]: fresh(frame, pageId, now) })),
    record: (frame, event, now) =>
      summaries.update((all) => {
        // A report before the top frame announced its page (a frame of another site, or a
        // service-worker restart in between) still counts, under this frame's site.
        const summary = all[frame.tabId] ?? fresh(frame, '', now);
        const byType = { ...summary.outcomes[event.outcome] };
        for (const [type, n] of Object.entries(event.counts) as [EntityType, number][]) {
          byType[type] = Math.min(COUNT_CAP, (byType[type] ?? 0) + n);
        }
        return {
          ...all,
          [frame.tabId]: {
            ...summary,
            outcomes: { ...summary.outcomes, [event.outcome]: byType },
            decisions: summary.decisions + 1,
          },
        };
      }),
    forget: (tabId) =>
      summaries.update((all) => {
        const rest = { ...all };
        delete rest[tabId];
        return rest;
      }),
    get: async (tabId) => (await summaries.read())[tabId] ?? null,
  };
}
