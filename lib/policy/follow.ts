/**
 * The content script's side of policy: the guard starts at once with the built-in defaults, then
 * takes the effective policy from the background and every later change of it, by replacing the
 * fields of its GuardContext (each part of the guard reads them when it decides, so nothing
 * needs reinstalling). A page that policy excludes stops its guard.
 */
import type { GuardContext } from '@/lib/guard/context.ts';
import { scanWithPolicy } from '@/rules/policy.ts';
import { classify, toGuardRules, toGuardSettings, toPageTexts, toScanOptions } from './convert.ts';
import type { Policy } from './schema.ts';
import { KEYS } from './service.ts';

/** Applies `policy` to `guard` on the page at `address`; tells whether the page stays guarded. */
export function applyPolicy(
  guard: Pick<GuardContext, 'pageClass' | 'rules' | 'texts' | 'settings' | 'scan'>,
  policy: Policy,
  address: string,
): 'guarded' | 'excluded' {
  const pageClass = classify(address, policy);
  // A page the content script runs on but that neither the catalogue nor policy classes any more
  // (policy removed an extra host) is treated like an excluded one.
  if (pageClass === null || pageClass === 'excluded') return 'excluded';
  guard.pageClass = pageClass;
  guard.rules = toGuardRules(policy);
  guard.texts = toPageTexts(policy);
  guard.settings = toGuardSettings(policy, pageClass);
  // The company's detectors, levels and threshold, compiled once per policy; every part of the
  // guard scans through guard.scan, so they all see the same findings.
  const compiled = toScanOptions(policy);
  guard.scan = (text) => scanWithPolicy(text, compiled);
  return 'guarded';
}

function looksLikePolicy(x: unknown): x is Policy {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Partial<Policy>;
  return (
    p.version === 1 &&
    typeof p.rules === 'object' &&
    typeof p.sites === 'object' &&
    typeof p.override === 'object' &&
    typeof p.failMode === 'object'
  );
}

export interface FollowOptions {
  guard: Pick<GuardContext, 'pageClass' | 'rules' | 'texts' | 'settings'>;
  address: string;
  /** Asks the background for `hush:policy` (runtime.sendMessage). */
  ask: () => Promise<unknown>;
  /** browser.storage.onChanged, to hear `policy:revision`. */
  onChanged: {
    addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
  };
  /** Called once when policy excludes the page: the caller stops the guard. */
  exclude: () => void;
  signal: AbortSignal;
}

/**
 * Fetches the policy now and again after every change. Resolves after the first answer (or
 * failure: the defaults stay, and a later change retries).
 */
export async function followPolicy(o: FollowOptions): Promise<void> {
  let latest = 0;
  const refresh = async () => {
    const ticket = ++latest;
    let answer: unknown;
    try {
      answer = await o.ask();
    } catch {
      return; // The background is restarting; the next revision brings the policy.
    }
    // An older answer arriving after a newer one must not win.
    if (ticket !== latest || o.signal.aborted) return;
    const policy = (answer as { policy?: unknown } | undefined)?.policy;
    if (!looksLikePolicy(policy)) return;
    if (applyPolicy(o.guard, policy, o.address) === 'excluded') o.exclude();
  };
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEYS.revision in changes) void refresh();
  };
  o.onChanged.addListener(listener);
  o.signal.addEventListener('abort', () => o.onChanged.removeListener(listener), { once: true });
  await refresh();
}
