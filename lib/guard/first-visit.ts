/**
 * The first-visit notice (issue 3, "The agent's side"): the first time the agent opens a guarded
 * site, a short card says that Hush protects customer data there, in the company's words and
 * with its link when policy has them, and names the approved alternative on an unapproved AI
 * site. Shown once per site (catalogue id, else host), in the top frame only.
 */
import { h } from 'preact';
import { storage } from 'wxt/utils/storage';
import { FirstVisit } from '@/components/FirstVisit.tsx';
import { mountInShadow } from '@/components/shadow.ts';
import { findSite } from '@/lib/sites/match.ts';
import type { GuardContext } from './context.ts';
import { frameAddress } from './pages.ts';

/** Site key -> when the notice was first shown there (ms since the epoch). */
export type SeenSites = Record<string, number>;

/**
 * Where the shown notices are remembered. The key is forever (STYLE.md, principle 8); version 1
 * has no migrations yet, and what is read is validated (`seenSites`), since storage may hold
 * anything an older or broken build wrote.
 */
export const firstVisitItem = storage.defineItem<SeenSites>('local:firstVisitShown', {
  fallback: {},
  version: 1,
});

/** The id of the notice's host element. */
export const FIRST_VISIT_HOST_ID = 'hush-first-visit';

/** The sites in a stored value that is well-formed; anything else counts as nothing seen. */
export function seenSites(value: unknown): SeenSites {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: SeenSites = {};
  for (const [key, at] of Object.entries(value)) {
    if (typeof at === 'number' && Number.isFinite(at)) out[key] = at;
  }
  return out;
}

/** The key a site is remembered by: its catalogue id, else its host. */
export function siteKey(url: string): string {
  const site = findSite(url);
  if (site) return site.id;
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * Marks the site seen and says whether this is the first time. Marked before it is shown, so
 * two quick loads do not both show it; a load that closes before showing it loses one notice.
 */
export async function firstTimeAt(key: string, now: number): Promise<boolean> {
  const seen = seenSites(await firstVisitItem.getValue());
  if (Object.hasOwn(seen, key)) return false;
  await firstVisitItem.setValue({ ...seen, [key]: now });
  return true;
}

/** Shows the first-visit notice on this page if the site has not had it yet. */
export function installFirstVisit(win: Window, guard: GuardContext): void {
  if (win !== win.top) return;
  const address = frameAddress(win);
  const name = findSite(address)?.name ?? win.location.hostname;
  void (async () => {
    if (!(await firstTimeAt(siteKey(address), Date.now()))) return;
    await domReady(win.document);
    if (guard.signal.aborted) return;
    const doc = win.document;
    const host = doc.createElement('div');
    host.id = FIRST_VISIT_HOST_ID;
    doc.documentElement.append(host);
    const close = (): void => {
      mount.unmount();
      host.remove();
    };
    const alternative =
      guard.pageClass === 'unapproved-ai' ? guard.texts.approvedAlternative : undefined;
    // Open: it holds no value, and tests and assistive tech read it as usual.
    const mount = mountInShadow(
      host,
      () =>
        h(FirstVisit, {
          siteName: name,
          pageClass: guard.pageClass,
          ...(guard.texts.disclosure ? { text: guard.texts.disclosure } : {}),
          ...(guard.texts.disclosureUrl ? { url: guard.texts.disclosureUrl } : {}),
          ...(alternative ? { approvedAlternative: alternative } : {}),
          onClose: close,
        }),
      { mode: 'open' },
    );
    guard.signal.addEventListener('abort', close, { once: true });
  })();
}

function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
