/**
 * The in-page guard, first slice: paste masking and send interception. Every listener is on the
 * window in the CAPTURE phase, registered at document_start before any page script, so the guard
 * sees a paste or a send before the site's editor does and can stop it. Events from open shadow
 * roots arrive here too (their composed path says where they started).
 */
import type { EntityType, TokenVault } from '@/rules/index.ts';
import type { PageClass } from './decide.ts';
import {
  editableFrom,
  editableFromEvent,
  insertText,
  isTextField,
  ownEvents,
  readText,
  replaceAll,
  selectText,
  type Editable,
} from './editable.ts';
import { showNotice } from './notice.ts';
import { describeTypes, planFor, type Plan } from './plan.ts';

export interface GuardOptions {
  pageClass: PageClass;
  /** Token numbering for this tab's conversation; its seed must be random (see TokenVault). */
  vault: TokenVault;
  /** The content script's lifetime: aborting removes every listener and notice. */
  signal: AbortSignal;
}

/** What counts as a site's send button (issue 3). */
export const SEND_BUTTON =
  'button[type=submit], [data-testid*=send i], [aria-label*=send i], input[type=submit]';

export function installGuard(win: Window, options: GuardOptions): void {
  const { signal } = options;
  const listen = { capture: true, signal } as const;
  const plan = (text: string): Plan => planFor(text, options);
  /** Editors the guard is rewriting right now: a send meanwhile is stopped, not re-planned. */
  const busy = new WeakSet<Editable>();
  /** The text each editor was warned about: sending it again unchanged is the confirmation. */
  const warned = new WeakMap<Editable, string>();
  let lastEditable: Editable | null = null;

  const notice = (doc: Document, message: string, onUndo?: () => void): void => {
    showNotice(doc, { message, onUndo, signal });
  };
  const stop = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  win.addEventListener(
    'focusin',
    (event) => {
      const el = editableFromEvent(event);
      if (el) lastEditable = el;
    },
    listen,
  );

  win.addEventListener(
    'paste',
    (event) => {
      if (ownEvents.has(event)) return;
      const el = editableFromEvent(event);
      const text = event.clipboardData?.getData('text/plain');
      if (!el || !text) return;
      const p = plan(text);
      if (p.kind === 'clean') return;
      const doc = el.ownerDocument;
      if (p.kind === 'warn') {
        notice(
          doc,
          `Hush: this text contains ${describeTypes(p.types)}; you will be asked before it is sent.`,
        );
        return;
      }
      stop(event);
      if (p.kind === 'block') {
        notice(
          doc,
          `Hush blocked this paste: ${describeTypes(p.types)} may not be shared on this site.`,
        );
        return;
      }
      insertText(el, p.masked);
      notice(doc, maskedMessage(p.types), () => {
        // Put the original back the same way it would have gone in: select what was inserted
        // and paste over it. The send guard still masks it if it is sent as it is.
        void selectText(el, p.masked).then((found) => {
          if (found) insertText(el, text);
        });
      });
    },
    listen,
  );

  /**
   * Checks a send from `el`. Clean text goes out untouched on the first send; text with values to
   * mask is stopped, masked in place through the editor's input path, and the NEXT send (now
   * only tokens) goes out.
   */
  const guardSend = (event: Event, el: Editable): void => {
    if (busy.has(el)) {
      stop(event);
      return;
    }
    const text = readText(el);
    const p = plan(text);
    if (p.kind === 'clean') return;
    const doc = el.ownerDocument;
    if (p.kind === 'warn') {
      if (warned.get(el) === text) return;
      warned.set(el, text);
      stop(event);
      notice(
        doc,
        `Hush: this message contains ${describeTypes(p.types)}. Send again to send it anyway.`,
      );
      return;
    }
    stop(event);
    if (p.kind === 'block') {
      notice(
        doc,
        `Hush stopped this message: ${describeTypes(p.types)} may not be shared on this site.`,
      );
      return;
    }
    busy.add(el);
    void (async () => {
      try {
        if (await replaceAll(el, p.masked)) {
          notice(doc, `${maskedMessage(p.types)}. Send again to send the masked text.`);
        } else {
          // The send stays stopped: the next one is checked again and stopped again.
          notice(
            doc,
            `Hush could not mask ${describeTypes(p.types)} in this editor. Remove it before sending.`,
          );
        }
      } finally {
        busy.delete(el);
      }
    })();
  };

  win.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing) return;
      const el = editableFromEvent(event);
      if (el) guardSend(event, el);
    },
    listen,
  );

  win.addEventListener(
    'click',
    (event) => {
      const first = event.composedPath()[0] as Element | undefined;
      const button = first?.closest?.(SEND_BUTTON);
      if (!button) return;
      const el = editorFor(button.closest('form'), lastEditable);
      if (el) guardSend(event, el);
    },
    listen,
  );

  win.addEventListener(
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement;
      const el = editorFor(form, lastEditable);
      if (el) guardSend(event, el);
    },
    listen,
  );
}

/** The editor a send button or form sends: the last one focused (inside the form if any). */
function editorFor(form: HTMLFormElement | null, last: Editable | null): Editable | null {
  if (last?.isConnected && (!form || form.contains(last))) return last;
  if (!form) return null;
  for (const candidate of form.querySelectorAll('textarea, input, [contenteditable]')) {
    const el = editableFrom(candidate);
    if (el && (isTextField(el) || el === candidate)) return el;
  }
  return null;
}

/** "Hush masked 2 values (email, card)". */
function maskedMessage(types: readonly EntityType[]): string {
  const n = types.length;
  return `Hush masked ${n} ${n === 1 ? 'value' : 'values'} (${describeTypes(types)})`;
}
