/**
 * The content script's side of copy provenance (issue 7). On a support-tool page it sends the
 * fingerprint of each copy or cut (never the text) to the background; on an AI page it asks the
 * background whether a paste matches a recent copy. Pastes are held back for that question only
 * while the background says some copy is live (storage.local `provenance:liveUntil`, a time and
 * nothing else), so a browser with no recent support-tool copy pastes exactly as before.
 */
import { sendToBackground } from '@/lib/messages.ts';
import { prehashes, shingles } from './fingerprint.ts';
import { LIVE_UNTIL_KEY } from './store.ts';

/** What a paste matched: the site's catalogue name and when the copy was made. */
export interface CopyHit {
  siteName: string;
  at: number;
}

/** Given to the guard (GuardContext.provenance). */
export interface ProvenanceClient {
  /** Whether some support-tool copy is remembered now (so a paste is worth asking about). */
  live(): boolean;
  /** Whether `text` is long enough to have a fingerprint at all. */
  hasFingerprint(text: string): boolean;
  /** The recent copy `text` comes from, or null (also when the background cannot answer). */
  check(text: string, threshold: number): Promise<CopyHit | null>;
  /** Tells the background about a copy in a support tool (fingerprint only). */
  copied(text: string): Promise<void>;
}

export interface ClientOptions {
  send: (message: unknown) => Promise<unknown>;
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(
      cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
    ): void;
  };
  now: () => number;
  signal: AbortSignal;
}

export function createProvenanceClient(o: ClientOptions): ProvenanceClient {
  let liveUntil = 0;
  const take = (v: unknown): void => {
    liveUntil = typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  void o.local.get(LIVE_UNTIL_KEY).then(
    (items) => take(items[LIVE_UNTIL_KEY]),
    () => {},
  );
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && LIVE_UNTIL_KEY in changes) take(changes[LIVE_UNTIL_KEY]?.newValue);
  };
  o.onChanged.addListener(listener);
  o.signal.addEventListener('abort', () => o.onChanged.removeListener(listener), { once: true });
  return {
    live: () => o.now() < liveUntil,
    hasFingerprint: (text) => shingles(text).length > 0,
    async check(text, threshold) {
      try {
        const hashes = await prehashes(text);
        if (hashes.length === 0) return null;
        const answer = await sendToBackground(o.send, 'hush:provenance-check', {
          hashes,
          threshold,
        });
        return 'match' in answer ? answer.match : null;
      } catch {
        return null;
      }
    },
    async copied(text) {
      try {
        const hashes = await prehashes(text);
        if (hashes.length > 0) await sendToBackground(o.send, 'hush:provenance-copy', { hashes });
      } catch {
        // The background is restarting: this copy is not remembered, which only means a later
        // paste of it is judged by its values alone.
      }
    },
  };
}

/**
 * Watches copies and cuts on a support-tool page. The text is what the page put on the clipboard
 * when it set it itself (many support tools do), else the selection; read in the bubble phase on
 * the window, after the page's own handlers. Only its fingerprint leaves the page's process.
 */
export function installCopyWatch(
  win: Window,
  client: ProvenanceClient,
  enabled: () => boolean,
  signal: AbortSignal,
): void {
  const onCopy = (event: Event): void => {
    if (!enabled()) return;
    const data = (event as ClipboardEvent).clipboardData;
    const set = event.defaultPrevented ? (data?.getData('text/plain') ?? '') : '';
    const text = set || selectedText(win);
    if (text.trim()) void client.copied(text);
  };
  win.addEventListener('copy', onCopy, { signal });
  win.addEventListener('cut', onCopy, { signal });
}

/** The selected text, including a selection inside a textarea or text input. */
function selectedText(win: Window): string {
  const active = win.document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  if (
    active &&
    (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT') &&
    typeof active.selectionStart === 'number' &&
    typeof active.selectionEnd === 'number'
  ) {
    return active.value.slice(active.selectionStart, active.selectionEnd);
  }
  return win.getSelection()?.toString() ?? '';
}

/** "just now", "2 minutes ago", "3 hours ago": how long ago a copy was made. */
export function ago(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'} ago`;
}
