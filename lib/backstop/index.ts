/**
 * The network backstop's MAIN-world side: opens the channel to the isolated world and installs
 * the hooks. The last line of defence for honest sites' code paths: whatever editor or script
 * produced a request, a body that still carries a value policy says must not leave is stopped.
 */
import type { PageClass } from '@/lib/guard/decide.ts';
import { openMainChannel, type FailMode, type MainChannel, type PageWindow } from './channel.ts';
import { installHooks, type Gate } from './hooks.ts';

/**
 * The fail mode while the isolated world has not answered: the page class's built-in one
 * (lib/guard/context.ts defaultSettings; policy can change it only through the isolated world).
 */
export function fallbackFailMode(pageClass: PageClass): FailMode {
  return pageClass === 'unapproved-ai' ? 'closed' : 'open';
}

/** The gate the hooks ask: no body passes, text is checked, an unreadable body meets the fail mode. */
export function gateFor(channel: MainChannel): Gate {
  return (reading) => {
    if (reading.kind === 'none') return true;
    const verdict =
      reading.kind === 'text' ? channel.check(reading.text) : channel.unreadable(reading.reason);
    return verdict !== 'stop';
  };
}

/**
 * Whether this script runs with extension APIs, i.e. NOT in the page's world: a browser that
 * ignores `world: 'MAIN'` (Firefox before 128) runs it in the isolated world, where hooking
 * `fetch` would hook nothing the page uses.
 */
function inExtensionWorld(): boolean {
  const g = globalThis as {
    browser?: { runtime?: { id?: unknown } };
    chrome?: { runtime?: { id?: unknown } };
  };
  return typeof g.browser?.runtime?.id === 'string' || typeof g.chrome?.runtime?.id === 'string';
}

/** Starts the backstop in `win` (the page's MAIN world) for a page of `pageClass`. */
export function startBackstop(win: PageWindow, pageClass: PageClass): MainChannel | null {
  if (inExtensionWorld()) return null;
  const channel = openMainChannel(win, fallbackFailMode(pageClass));
  installHooks(win, gateFor(channel));
  return channel;
}
