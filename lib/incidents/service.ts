/**
 * The background's side of the guard's reports: each decision becomes an incident record in the
 * store and a line in the tab's summary; each top-frame page start resets the tab's summary and,
 * on an AI site, counts a visit. Everything about the site comes from the browser's sender
 * (GuardedFrame), never from the message.
 */
import { mask, type Finding } from '@/rules/index.ts';
import type { GuardEvent } from '@/lib/guard/context.ts';
import { visitHost, type VisitCounter } from '@/lib/visits.ts';
import { REASON_MAX, type IncidentRecord } from './record.ts';
import type { IncidentStore } from './store.ts';
import type { GuardedFrame } from './sender.ts';
import type { TabSummaryStore } from './summary.ts';

/** A top frame's announcement that a page started (or came back from the back-forward cache). */
export interface PageStart {
  /** A random id the content script drew for its page; the popup asks the tab for it. */
  pageId: string;
  /** True when the page came back from the back-forward cache: not a new load, not a visit. */
  restored: boolean;
}

export interface IncidentServiceDeps {
  /** The store, opened on first use; rejects with IncidentStoreError when it cannot be opened. */
  store: () => Promise<IncidentStore>;
  summaries: TabSummaryStore;
  visits: VisitCounter;
  scan: (text: string) => Finding[];
  now: () => number;
  newId: () => string;
  extensionVersion: string;
  /**
   * The revision of the synced policy in force (the record's `policyVersion`); 0 (built-in or
   * managed-only policy) when absent.
   */
  policyVersion?: () => number | Promise<number>;
  /**
   * Whether the policy's telemetry level lets override reasons be kept (`counts-and-reasons`).
   * False when absent: a reason is only ever stored when policy asks for it.
   */
  keepReason?: () => boolean;
  /**
   * The policy's AI site patterns in force (lib/visits.ts `aiPolicyPatterns`): a visit keeps its
   * host when they or the site's catalogue patterns name it exactly. The catalogue alone when absent.
   */
  policyPatterns?: () => readonly string[];
  /** Called after a record was stored, so the uploader can send it soon (lib/sync/upload.ts). */
  onRecorded?: () => void;
  /** Where failures are told (types and names only, never data); console.warn by default. */
  warn?: (message: string) => void;
}

export interface IncidentService {
  report(event: GuardEvent, frame: GuardedFrame): Promise<IncidentRecord>;
  pageStarted(page: PageStart, frame: GuardedFrame): Promise<void>;
  tabClosed(tabId: number): Promise<void>;
}

/**
 * The override reason as it is kept: scanned again and anything found redacted (the content
 * script masked it already; this is the last line before storage), then capped in length.
 */
export function scrubReason(reason: string, scan: (text: string) => Finding[]): string {
  const { text } = mask(reason, scan(reason), { strategy: 'redact' });
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text;
}

export function createIncidentService(deps: IncidentServiceDeps): IncidentService {
  const warn = deps.warn ?? ((message: string) => console.warn(message));
  return {
    async report(event, frame) {
      const time = deps.now();
      const policyVersion = await Promise.resolve(deps.policyVersion?.() ?? 0).catch(() => 0);
      const record: IncidentRecord = {
        id: deps.newId(),
        time,
        siteId: frame.site?.id ?? null,
        host: frame.host,
        pageClass: frame.pageClass,
        channel: event.channel,
        action: event.action,
        outcome: event.outcome,
        counts: { ...event.counts },
        state: 'pending',
        sentAt: null,
        extensionVersion: deps.extensionVersion,
        policyVersion,
      };
      // Counts only unless policy asks for reasons: the reason is then scanned and masked again
      // here and sealed by the store (lib/sealed.ts) before it reaches the disk.
      if (event.reason !== undefined && deps.keepReason?.() === true) {
        record.reason = scrubReason(event.reason, deps.scan);
      }
      // The summary must not wait for (or fail with) the database, and the other way round.
      await Promise.all([
        deps.summaries
          .record(frame, event, time)
          .catch((error: unknown) => warn(`Hush: tab summary not updated (${nameOf(error)})`)),
        deps
          .store()
          .then((store) => store.add(record))
          .then(() => deps.onRecorded?.())
          .catch((error: unknown) => {
            warn(`Hush: incident not stored (${nameOf(error)}: ${messageOf(error)})`);
            throw error;
          }),
      ]);
      return record;
    },

    async pageStarted(page, frame) {
      await deps.summaries.startPage(frame, page.pageId, deps.now());
      // The shadow-AI inventory counts AI tools only; a page back from the cache is no new visit.
      if (!page.restored && frame.site?.kind === 'ai') {
        const host = visitHost(frame.site, frame.host, deps.policyPatterns?.() ?? []);
        await deps.visits.count(frame.site.id, host, deps.now(), frame.documentId);
      }
    },

    tabClosed: (tabId) => deps.summaries.forget(tabId),
  };
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** Store errors carry only their own wording (IncidentStoreError); others only their name. */
function messageOf(error: unknown): string {
  return error instanceof Error && error.name === 'IncidentStoreError' ? error.message : '';
}
