/**
 * Which pages the guard runs on, and in which class. The manifest's `matches` come from the same
 * catalogue as the runtime check, so a page that gets the content script always has a class, and
 * a page in no class gets no script at all (issue 3: pages in no class pay nothing).
 */
import { CATALOGUE, type SiteEntry } from '@/lib/sites/catalogue.ts';
import { findSite } from '@/lib/sites/match.ts';
import type { PageClass } from './decide.ts';

/**
 * Chrome match patterns for one catalogue entry: `claude.ai` -> `*://claude.ai/*`,
 * `*.zendesk.com` -> `*://*.zendesk.com/*`, `huggingface.co/chat` -> `*://huggingface.co/chat*`.
 * A path pattern ends in `*` rather than `/*` so that the bare prefix (`/chat`) matches too; the
 * runtime check (findSite) then rejects look-alikes such as `/chatter`.
 */
export function toMatchPatterns(entry: Pick<SiteEntry, 'patterns'>): string[] {
  return entry.patterns.map((pattern) => {
    const slash = pattern.indexOf('/');
    return slash < 0 ? `*://${pattern}/*` : `*://${pattern}*`;
  });
}

/** Every match pattern of the catalogue, deduplicated, in catalogue order. */
export function catalogueMatches(catalogue: readonly SiteEntry[] = CATALOGUE): string[] {
  return [...new Set(catalogue.flatMap(toMatchPatterns))];
}

/**
 * The class of a page, or null when the guard has no business there. Until policy (issue 4)
 * approves AI sites, every catalogue AI site is unapproved.
 */
export function pageClassFor(
  url: string,
  catalogue: readonly SiteEntry[] = CATALOGUE,
): PageClass | null {
  const site = findSite(url, catalogue);
  if (!site) return null;
  return site.kind === 'ai' ? 'unapproved-ai' : 'support-tool';
}

/**
 * The address that decides a frame's class. An `about:blank` or `about:srcdoc` frame (editors
 * such as TinyMCE edit inside one) has no address of its own: it inherits its creator's origin,
 * so its class is its parent's (read when same-origin, else the origin alone).
 */
export function frameAddress(win: Window): string {
  const href = win.location.href;
  if (!href.startsWith('about:')) return href;
  try {
    if (win.parent !== win) return frameAddress(win.parent);
  } catch {
    // Cross-origin parent: fall back to the origin we inherited.
  }
  return win.origin;
}
