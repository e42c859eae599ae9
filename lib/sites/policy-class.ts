/**
 * The page class of a host that only policy names (issue 4). The manifest's content scripts run
 * on catalogue hosts, where the catalogue gives the class at once; on a host IT adds, the
 * background registers the same scripts at runtime (registration.ts), each preceded by a one-line
 * script that leaves the class here, so the guard and the backstop start at document_start
 * knowing their class, exactly as on a catalogue host. The effective policy then confirms or
 * corrects it (lib/policy/follow.ts), as on every page.
 *
 * Only the extension's own scripts can set it: in the isolated world no page script runs, and in
 * the page's world the mark is set before any page script and taken (deleted) at once.
 */
import type { PageClass } from '@/lib/guard/decide.ts';

/** The global the class travels in; set and read only by the extension's scripts. */
const MARK = '__hushPolicyPageClass';
/** Set once a script took a class in this frame and world (see takePolicyClass). */
const STARTED = '__hushPolicyPageStarted';

const CLASSES: readonly PageClass[] = ['unapproved-ai', 'approved-ai', 'support-tool'];

/** Leaves `pageClass` for the script that follows in the same registration. */
export function markPolicyClass(pageClass: PageClass, scope: object = globalThis): void {
  Object.defineProperty(scope, MARK, { value: pageClass, configurable: true });
}

/**
 * Takes the class a registration left; null on a page no registration marked, and null for every
 * script after the first in one frame: two of IT's patterns in different lists can both match a
 * page (`*.corp.example` and `help.corp.example`), and one guard a frame is the rule.
 */
export function takePolicyClass(scope: object = globalThis): PageClass | null {
  const s = scope as Record<string, unknown>;
  const value = s[MARK];
  delete s[MARK];
  if (!CLASSES.includes(value as PageClass) || s[STARTED]) return null;
  Object.defineProperty(scope, STARTED, { value: true });
  return value as PageClass;
}
