/**
 * A tiny client router over the History API: the app has a handful of pages, so a path -> page
 * map and one listener do; a router library would cost more than it saves. Paths are under
 * /dashboard/; the server answers index.html for each (server/routes/dashboard.ts).
 */
import { useEffect, useState } from 'preact/hooks';

/** The app's base path. */
export const BASE = '/dashboard';

/** The current location inside the app: path after BASE ('/' at the root) and query. */
export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  const path = location.pathname.startsWith(BASE)
    ? location.pathname.slice(BASE.length) || '/'
    : '/';
  return { path: path.replace(/\/+$/, '') || '/', query: new URLSearchParams(location.search) };
}

const listeners = new Set<() => void>();

/** Goes to `to` (an app path like '/devices?x=1'); `replace` keeps history short. */
export function navigate(to: string, replace = false): void {
  const url = BASE + (to.startsWith('/') ? to : `/${to}`);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
}

/** The current location, re-rendering on navigation and on back/forward. */
export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return loc;
}

/** An app link: a real <a href> (so open-in-new-tab and keyboard work) that navigates in place. */
export function onLinkClick(e: MouseEvent, to: string): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
    return;
  e.preventDefault();
  navigate(to);
}
