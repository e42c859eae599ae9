/**
 * Warms the engine up in this frame once an editor gets focus, so that the agent's first paste
 * or send does not wait for V8 to compile the engine: in Node a cold first scan of a 2 KB ticket
 * takes ~90-195 ms and one after the warm-up under 10 ms (rules/warm.ts has the figures); in
 * Chromium with the built extension, the first paste of a 2 KB ticket took ~300 ms of event
 * handling without the warm-up and ~150 ms with it.
 *
 * Lazily, not at page load: the content script runs in every frame of a matched host, and most
 * frames (ads, widgets, players) never get an editor. The warm-up scans a synthetic sample in
 * small steps, one per idle callback, through the page's own scan (as policy configured it), so
 * the code warmed is the code the guard will run. The focus listener is passive and goes away
 * after the first focus into an editor; a step never throws into the page; everything stops
 * with `guard.signal`.
 */
import { scan } from '@/rules/index.ts';
// Not through the registry: the sample is the guard's, and the engine's bundle need not ship it.
import { warmUp, WARM_ROUNDS } from '@/rules/warm.ts';
import type { GuardContext } from './context.ts';
import { editableFromEvent } from './editable.ts';

/**
 * The longest a step waits for the page to go idle. Longer than the overlay's (500 ms): its
 * marks answer typing, while this only has to be done before the first paste, usually seconds
 * after the editor got focus; the timeout keeps a page that is never idle from starving it.
 */
export const WARM_IDLE_TIMEOUT_MS = 1000;

/** Installs the warm-up: on the first focus into an editable, `rounds` rounds in idle time. */
export function installWarmUp(
  win: Window,
  guard: Pick<GuardContext, 'signal' | 'scan'>,
  rounds = WARM_ROUNDS,
): void {
  const { signal } = guard;
  if (signal.aborted) return;
  let idleHandle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (run: () => void): void => {
    if (typeof win.requestIdleCallback === 'function') {
      idleHandle = win.requestIdleCallback(run, { timeout: WARM_IDLE_TIMEOUT_MS });
    } else {
      timer = setTimeout(run, 0);
    }
  };

  const start = (): void => {
    // Read at every step: policy may replace the page's scan while the warm-up runs.
    const step = warmUp((text) => (guard.scan ?? scan)(text), rounds);
    const run = (): void => {
      idleHandle = undefined;
      timer = undefined;
      if (signal.aborted) return;
      let left: number;
      try {
        left = step();
      } catch {
        // A scan that fails here fails again where the guard scans and handles it; the warm-up
        // only stops.
        return;
      }
      if (left > 0) schedule(run);
    };
    schedule(run);
  };

  const onFocus = (event: FocusEvent): void => {
    try {
      if (!editableFromEvent(event)) return;
    } catch {
      return;
    }
    win.removeEventListener('focusin', onFocus, true);
    start();
  };
  // Capture on the window: fields inside shadow roots count (editableFromEvent reads the
  // composed path), and a page that stops the event's propagation cannot hide it.
  win.addEventListener('focusin', onFocus, { capture: true, passive: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      if (idleHandle !== undefined) win.cancelIdleCallback?.(idleHandle);
      clearTimeout(timer);
    },
    { once: true },
  );
}
