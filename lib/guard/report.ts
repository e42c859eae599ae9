/**
 * The content script's side of incidents: hands each guard decision to the background (which
 * records it with the site taken from the browser's sender), announces the top frame's page so
 * the background can start the tab's summary and count a visit, and tells the popup which page
 * the tab shows. Only types and counts cross; never a matched value.
 */
import type { GuardEvent } from './context.ts';
import { frameAddress } from './pages.ts';
import { parseGuardEvent, REASON_MAX } from '@/lib/incidents/record.ts';
import { WHICH_PAGE, type Messages } from '@/lib/messages.ts';

/** The runtime functions this module needs (browser.runtime in the extension). */
export interface Runtime {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: RuntimeListener): void;
    removeListener(listener: RuntimeListener): void;
  };
}

type RuntimeListener = (message: unknown, sender: { id?: string }) => unknown;

/** A random id for this page: the tab summary and the popup match on it. */
function newPageId(win: Window): string {
  const bytes = win.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Starts reporting for this frame and returns the `report` function for the GuardContext.
 * In the top frame it also announces the page (again, marked `restored`, when the page comes
 * back from the back-forward cache) and answers the popup's "which page" question
 * ({ pageId, address }).
 * Everything stops when `signal` aborts.
 */
export function connectReporter(
  win: Window,
  signal: AbortSignal,
  runtime: Runtime = browser.runtime as unknown as Runtime,
): (event: GuardEvent) => void {
  const send = <K extends keyof Messages>(type: K, payload: Messages[K]['request']): void => {
    if (signal.aborted) return;
    // The background may be restarting or the extension updated (this script is then orphaned):
    // a decision that cannot be recorded must not break the page, and nothing is retried with
    // data in it later.
    runtime.sendMessage({ type, payload }).catch(() => undefined);
  };

  if (win === win.top) {
    const pageId = newPageId(win);
    send('hush:page', { pageId, restored: false });
    win.addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted) send('hush:page', { pageId, restored: true });
      },
      { signal },
    );
    const answer: RuntimeListener = (message, sender) => {
      if (sender.id !== runtime.id) return undefined;
      if (typeof message !== 'object' || message === null) return undefined;
      if ((message as { type?: unknown }).type !== WHICH_PAGE) return undefined;
      // The popup classifies the page itself from this address (it may not read the tab's URL).
      return Promise.resolve({ pageId, address: frameAddress(win) });
    };
    runtime.onMessage.addListener(answer);
    signal.addEventListener('abort', () => runtime.onMessage.removeListener(answer), {
      once: true,
    });
  }

  return (event) => {
    const capped: GuardEvent =
      event.reason !== undefined && event.reason.length > REASON_MAX
        ? { ...event, reason: `${event.reason.slice(0, REASON_MAX - 1)}…` }
        : event;
    // The background refuses what does not validate; refusing here too keeps a bug visible in the
    // page's console (names only) instead of silently losing the record.
    const valid = parseGuardEvent(capped);
    if (!valid) {
      console.warn(
        `Hush: a guard decision could not be recorded (${event.channel}/${event.outcome})`,
      );
      return;
    }
    send('hush:report', valid);
  };
}
