/**
 * The guard's small notice ("Hush masked 2 values ..."), with Undo and "Send anyway…" where
 * policy allows them: components/Notice.tsx mounted in a shadow root of its own, so the site's
 * CSS cannot restyle it and its CSS cannot leak into the site. It carries type names only, never
 * a matched value. Every part of the guard shows its notices through `showNotice`.
 */
import { h } from 'preact';
import { Notice } from '@/components/Notice.tsx';
import { mountInShadow } from '@/components/shadow.ts';

export interface NoticeOptions {
  message: string;
  /** Shows an Undo button that calls this and closes the notice. */
  onUndo?: () => void;
  /** Shows a "Send anyway…" button that calls this and closes the notice. */
  onSendAnyway?: () => void;
  /** Milliseconds until it goes away on its own (held while hovered or focused); default 8000. */
  timeout?: number;
  /** Aborting removes the notice (the content script's lifetime). */
  signal?: AbortSignal;
}

/** The id of the notice's host element (one notice a document: a new one replaces the old). */
export const NOTICE_HOST_ID = 'hush-notice';

/**
 * The document a notice goes in: the topmost same-origin ancestor of `doc`. An editor that edits
 * inside an iframe (TinyMCE) has a contenteditable <body> there, and a notice appended to it
 * would become part of the message.
 */
export function noticeDocument(doc: Document): Document {
  let win: Window | null = doc.defaultView;
  let out = doc;
  try {
    while (win && win.parent !== win) {
      const parent: Window = win.parent;
      out = parent.document; // throws when cross-origin
      win = parent;
    }
  } catch {
    // Stop at the last same-origin document.
  }
  return out;
}

/** Closes the notice shown in each document, so a new one replaces it. */
const shown = new WeakMap<Document, () => void>();

/** Shows `message` (replacing any notice already shown in that document); returns `close`. */
export function showNotice(from: Document, options: NoticeOptions): () => void {
  const doc = noticeDocument(from);
  shown.get(doc)?.();
  // Another frame's guard (its own content script instance) may have left one here.
  doc.getElementById(NOTICE_HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = NOTICE_HOST_ID;
  // Outside <body>: single-page sites re-render it, and in an iframe editor it is the message.
  doc.documentElement.append(host);

  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    options.signal?.removeEventListener('abort', close);
    if (shown.get(doc) === close) shown.delete(doc);
    mount.unmount();
    host.remove();
  };
  const after = (callback?: () => void) =>
    callback &&
    ((): void => {
      close();
      callback();
    });
  // Open, so that tests and assistive tech read it as usual: it holds no value worth hiding.
  const mount = mountInShadow(
    host,
    () =>
      h(Notice, {
        message: options.message,
        onUndo: after(options.onUndo),
        onSendAnyway: after(options.onSendAnyway),
        onDismiss: close,
        timeoutMs: options.timeout ?? 8000,
      }),
    { mode: 'open' },
  );
  // The root is open, so a page script could reach the buttons: only a person's click or key
  // counts. A capture listener on the root runs before the button's own and stops the rest.
  for (const type of ['click', 'keydown'] as const) {
    mount.root.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) event.stopPropagation();
      },
      { capture: true },
    );
  }
  shown.set(doc, close);
  options.signal?.addEventListener('abort', close, { once: true });
  return close;
}
