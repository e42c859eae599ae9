/**
 * A minimal in-page notice: a toast in a shadow root, so the site's CSS cannot restyle it and
 * its CSS cannot leak into the site. The review panel (components/, issue 3) replaces it; until
 * then this is the whole UI. It carries type names only, never a matched value.
 */

export interface NoticeOptions {
  message: string;
  /** Shows an Undo button that calls this and closes the notice. */
  onUndo?: () => void;
  /** Milliseconds until it goes away on its own; default 8000. */
  timeout?: number;
  /** Aborting removes the notice (the content script's lifetime). */
  signal?: AbortSignal;
}

const HOST_ID = 'hush-notice';

const CSS = `
:host { all: initial; }
.toast { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: 360px;
  display: flex; gap: 12px; align-items: center; padding: 10px 14px; border-radius: 8px;
  background: #1f2937; color: #f9fafb; font: 14px/1.4 system-ui, sans-serif;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); }
button { font: inherit; color: #93c5fd; background: none; border: 0; padding: 2px 4px;
  cursor: pointer; text-decoration: underline; }
button:focus-visible { outline: 2px solid #93c5fd; border-radius: 4px; }
`;

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

/** Shows `message` (replacing any notice already shown in that document). */
export function showNotice(from: Document, options: NoticeOptions): () => void {
  const doc = noticeDocument(from);
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  // Open so that assistive tech and tests can read it; it holds no values worth hiding.
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const toast = doc.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  toast.setAttribute('aria-live', 'polite');
  const text = doc.createElement('span');
  text.textContent = options.message;
  toast.append(text);

  const close = (): void => {
    clearTimeout(timer);
    host.remove();
  };
  if (options.onUndo) {
    const undo = doc.createElement('button');
    undo.type = 'button';
    undo.textContent = 'Undo';
    // Keep focus and selection in the editor: Undo works on what is selected there.
    undo.addEventListener('mousedown', (event) => event.preventDefault());
    const onUndo = options.onUndo;
    undo.addEventListener('click', () => {
      close();
      onUndo();
    });
    toast.append(undo);
  }
  root.append(style, toast);
  // Never inside an editable body (an iframe editor's document): that would be sent with the text.
  const parent = doc.body && !doc.body.isContentEditable ? doc.body : doc.documentElement;
  parent.append(host);
  const timer = setTimeout(close, options.timeout ?? 8000);
  options.signal?.addEventListener('abort', close, { once: true });
  return close;
}
