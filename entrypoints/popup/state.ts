/**
 * What the popup shows for one tab: the site and its class, and what Hush did on the page the tab
 * shows now. Pure apart from the functions it is handed, so it is unit-tested without a browser.
 */
import type { EntityType } from '@/rules/index.ts';
import type { Outcome } from '@/lib/guard/context.ts';
import type { PageClass } from '@/lib/guard/decide.ts';
import { pageClassFor } from '@/lib/guard/pages.ts';
import type { RecentDecision, TabSummary } from '@/lib/incidents/summary.ts';
import { findSite } from '@/lib/sites/match.ts';

export interface PopupState {
  /** The catalogue name of the site, when it has one. */
  siteName: string | null;
  /** The host the tab shows, when the browser lets the popup know it. */
  host: string | null;
  /** The page's class; null when Hush does not guard it. */
  pageClass: PageClass | null;
  /** True when the page is guarded but its guard is not running yet (opened before install). */
  needsReload: boolean;
  /** What Hush did on this page, per outcome; empty when nothing happened. */
  outcomes: Partial<Record<Outcome, Partial<Record<EntityType, number>>>>;
  decisions: number;
  /** The page's last decisions that named detectors, newest first (for "not sensitive"). */
  recent: RecentDecision[];
}

export interface PopupDeps {
  /** The tab's address, when the browser gives it (the popup's activeTab grant). */
  tabUrl: () => Promise<string | undefined>;
  /** Asks the tab's top frame which page it shows; null when no guard runs there. */
  whichPage: () => Promise<{ pageId: string; address: string } | null>;
  /** The background's summary for the tab. */
  summary: () => Promise<TabSummary | null>;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/**
 * The popup's state. The guard's own answer decides the site and class (it runs in the page and
 * knows its address, also when the popup may not read the tab's URL); the summary counts only
 * when it belongs to the page the tab shows now, so a page the tab has left never shows through.
 */
export async function loadPopupState(deps: PopupDeps): Promise<PopupState> {
  const [page, summary, tabUrl] = await Promise.all([
    deps.whichPage().catch(() => null),
    deps.summary().catch(() => null),
    deps.tabUrl().catch(() => undefined),
  ]);
  const address = page?.address ?? tabUrl;
  const site = address ? findSite(address) : null;
  const pageClass = address ? pageClassFor(address) : null;
  const current = page && summary && summary.pageId === page.pageId ? summary : null;
  return {
    siteName: site?.name ?? null,
    host: hostOf(address),
    pageClass,
    needsReload: pageClass !== null && page === null,
    outcomes: current?.outcomes ?? {},
    decisions: current?.decisions ?? 0,
    recent: current?.recent ?? [],
  };
}
