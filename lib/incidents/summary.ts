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
  /**
   * The last few decisions that named detectors, newest first (issue 4): what the popup offers
   * "this was not sensitive" for. Detector ids only; absent in summaries stored before it.
   */
  recent?: RecentDecision[];
}

/** One recent decision of the tab, as the popup's false-alarm buttons see it. */
export interface RecentDecision {
  /** A random UUID the background drew for the decision. */
  id: string;
  /** When the background received it (ms). */
  at: number;
  outcome: Outcome;
  /** The registry ids of the detectors behind it. */
  detectors: string[];
  /** The detectors already reported as a false alarm for this decision (each at most once). */
  reported: string[];
}

/** How many recent decisions a summary keeps. */
export const RECENT_MAX = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DETECTOR = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

function isIdList(v: unknown): v is string[] {
  return (
    Array.isArray(v) && v.length <= 32 && v.every((d) => typeof d === 'string' && DETECTOR.test(d))
  );
}

/** A stored recent decision, validated; null when damaged. */
function parseRecent(value: unknown): RecentDecision | null {
  if (!isRecord(value)) return null;
  const { id, at, outcome, detectors, reported } = value;
  if (typeof id !== 'string' || !UUID.test(id) || typeof at !== 'number') return null;
  if (typeof outcome !== 'string' || !(OUTCOMES as readonly string[]).includes(outcome)) {
    return null;
  }
  if (!isIdList(detectors) || !isIdList(reported)) return null;
  return { id, at, outcome: outcome as Outcome, detectors, reported };
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
  const recent: RecentDecision[] = [];
  if (value.recent !== undefined) {
    if (!Array.isArray(value.recent)) return null;
    for (const r of value.recent.slice(0, RECENT_MAX)) {
      const p = parseRecent(r);
      if (p === null) return null;
      recent.push(p);
    }
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
    // Absent in summaries stored before issue 4's recent decisions: left absent (read as none).
    ...(value.recent !== undefined ? { recent } : {}),
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
    recent: [],
  };
}

/** What marking a false alarm found: the decision's site, or why there is nothing to report. */
export type FalseAlarmMark =
  | { ok: true; host: string; siteId: string | null }
  | { ok: false; error: 'unknown decision' | 'already reported' };

/** The largest count kept per type and outcome (counts are display figures, not the record). */
const COUNT_CAP = 1_000_000;

export interface TabSummaryStore {
  /** A new page in the tab (the top frame announced itself): the summary starts over. */
  startPage(frame: GuardedFrame, pageId: string, now: number): Promise<void>;
  /** Adds one decision to the tab's summary. */
  record(frame: GuardedFrame, event: GuardEvent, now: number): Promise<void>;
  /**
   * Marks one detector of one recent decision as reported (issue 4), once: a second call for the
   * same pair answers `already reported`. The host is the one the browser gave for the frame.
   */
  markFalseAlarm(tabId: number, decisionId: string, detector: string): Promise<FalseAlarmMark>;
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
        const recent = summary.recent ?? [];
        return {
          ...all,
          [frame.tabId]: {
            ...summary,
            outcomes: { ...summary.outcomes, [event.outcome]: byType },
            decisions: summary.decisions + 1,
            recent: event.detectors?.length
              ? [
                  {
                    id: crypto.randomUUID(),
                    at: now,
                    outcome: event.outcome,
                    detectors: [...event.detectors],
                    reported: [],
                  },
                  ...recent,
                ].slice(0, RECENT_MAX)
              : recent,
          },
        };
      }),
    markFalseAlarm: async (tabId, decisionId, detector) => {
      let mark: FalseAlarmMark = { ok: false, error: 'unknown decision' };
      await summaries.update((all) => {
        const summary = all[tabId];
        const decision = summary?.recent?.find((r) => r.id === decisionId);
        if (!summary || !decision || !decision.detectors.includes(detector)) return all;
        if (decision.reported.includes(detector)) {
          mark = { ok: false, error: 'already reported' };
          return all;
        }
        mark = { ok: true, host: summary.host, siteId: summary.siteId };
        const recent = (summary.recent ?? []).map((r) =>
          r.id === decisionId ? { ...r, reported: [...r.reported, detector] } : r,
        );
        return { ...all, [tabId]: { ...summary, recent } };
      });
      return mark;
    },
    forget: (tabId) =>
      summaries.update((all) => {
        const rest = { ...all };
        delete rest[tabId];
        return rest;
      }),
    get: async (tabId) => (await summaries.read())[tabId] ?? null,
  };
}
