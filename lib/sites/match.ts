/**
 * Host and path matching for site patterns (see catalogue.ts for the pattern forms). Cheap: it
 * runs on every page load, before anything else, to decide whether a page is guarded at all.
 */
import { CATALOGUE, type SiteEntry } from './catalogue.ts';

/** A valid pattern: `host`, `*.host`, or `host/path`, lower-case, no scheme or port. */
export const PATTERN =
  /^(?:\*\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+(?:\/[a-z0-9._~\-/]*[a-z0-9._~-])?$/;

/** Whether `host` and `path` (of a page) match `pattern`. */
export function matchesPattern(host: string, path: string, pattern: string): boolean {
  const slash = pattern.indexOf('/');
  const hostPattern = slash < 0 ? pattern : pattern.slice(0, slash);
  const pathPrefix = slash < 0 ? '' : pattern.slice(slash);
  const h = host.toLowerCase().replace(/\.$/, '');
  if (hostPattern.startsWith('*.')) {
    if (!h.endsWith(hostPattern.slice(1))) return false;
  } else if (h !== hostPattern) {
    return false;
  }
  if (pathPrefix === '') return true;
  const p = path.toLowerCase();
  return p === pathPrefix || p.startsWith(`${pathPrefix}/`);
}

/** The catalogue entry a URL belongs to, or null. Invalid URLs and non-web schemes match nothing. */
export function findSite(
  url: string | URL,
  catalogue: readonly SiteEntry[] = CATALOGUE,
): SiteEntry | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  for (const entry of catalogue) {
    for (const p of entry.patterns) if (matchesPattern(u.hostname, u.pathname, p)) return entry;
  }
  return null;
}
