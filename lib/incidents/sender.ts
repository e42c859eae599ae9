/**
 * Who sent a message, as the BROWSER says: the frame's address and tab come from the runtime's
 * MessageSender, never from the message itself, so a page cannot report in another site's name.
 */
import { CATALOGUE, type SiteEntry } from '@/lib/sites/catalogue.ts';
import { findSite } from '@/lib/sites/match.ts';
import { pageClassFor } from '@/lib/guard/pages.ts';
import type { PageClass } from '@/lib/guard/decide.ts';

/** The parts of runtime.MessageSender this module reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  documentId?: string;
}

/** A frame of a guarded page, identified by the browser. */
export interface GuardedFrame {
  tabId: number;
  /** 0 for the top frame. */
  frameId: number;
  /** The browser's id for the document (Chrome 106+), when it gives one. */
  documentId?: string;
  /** The catalogue entry; null for a host that only policy puts in a class (issue 4). */
  site: SiteEntry | null;
  host: string;
  pageClass: PageClass;
}

/** The class and catalogue entry of an address, or null when the guard has no business there. */
export type Classify = (url: URL) => { site: SiteEntry | null; pageClass: PageClass } | null;

/** The built-in classification: the catalogue, every AI site unapproved until policy (issue 4). */
export const classifyByCatalogue: Classify = (url) => {
  const pageClass = pageClassFor(url.href);
  return pageClass ? { site: findSite(url), pageClass } : null;
};

const WEB = new Set(['http:', 'https:']);

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The address that decides a frame's site. A web frame's own URL; an `about:blank`/`about:srcdoc`
 * frame (TinyMCE edits in one) has none, so its inherited origin decides: the tab's address when
 * it has the same origin, else the origin with the path of the catalogue pattern that claims its
 * host (the content script only runs in such a frame when its parent matched the catalogue).
 */
function addressOf(sender: SenderLike): URL | null {
  const own = parse(sender.url);
  if (own && WEB.has(own.protocol)) return own;
  const origin = parse(sender.origin);
  if (!origin || !WEB.has(origin.protocol)) return null;
  const tab = parse(sender.tab?.url);
  if (tab && tab.origin === origin.origin) return tab;
  for (const entry of CATALOGUE) {
    for (const pattern of entry.patterns) {
      const slash = pattern.indexOf('/');
      const path = slash < 0 ? '/' : pattern.slice(slash);
      const candidate = new URL(path, origin.origin);
      if (findSite(candidate) === entry) return candidate;
    }
  }
  return new URL('/', origin.origin);
}

/**
 * The guarded frame a message came from, or null when it did not come from this extension's
 * content script in a tab of a guarded page.
 */
export function guardedFrameOf(
  sender: SenderLike,
  extensionId: string,
  classify: Classify = classifyByCatalogue,
): GuardedFrame | null {
  if (sender.id !== extensionId) return null;
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  if (typeof frameId !== 'number' || !Number.isInteger(frameId) || frameId < 0) return null;
  const address = addressOf(sender);
  if (!address) return null;
  const classified = classify(address);
  if (!classified) return null;
  const frame: GuardedFrame = {
    tabId,
    frameId,
    site: classified.site,
    host: address.hostname.toLowerCase(),
    pageClass: classified.pageClass,
  };
  if (typeof sender.documentId === 'string') frame.documentId = sender.documentId;
  return frame;
}
