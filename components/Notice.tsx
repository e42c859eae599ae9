/**
 * The small toast that says what Hush masked on paste, drop or send, with Undo where policy
 * allows it (issue 3, "Paste and drop"). It names types, never values.
 */
import { useEffect, useState } from 'preact/hooks';
import { TYPE_INFO, type EntityType } from '@/rules/types.ts';
import { inSentence } from './text.ts';

/** What the notice says: a ready sentence, or the parts of "Hush masked N values (...)". */
export type NoticeContent =
  | {
      /** The whole text, as given (other parts of the guard word their own notices). */
      message: string;
    }
  | {
      /** How many values were masked. */
      count: number;
      /** Their types; each is named once, in this order. */
      types: readonly EntityType[];
      /** What the agent was doing when Hush masked. */
      when: 'pasting' | 'dropping' | 'sending';
    };

export type NoticeProps = NoticeContent & {
  /** Present only when policy allows Undo; the Undo button is shown only then. */
  onUndo?: () => void;
  /**
   * Present only when policy lets the agent send the original anyway; shows "Send anyway…",
   * which calls this and closes the notice (the caller opens the review panel).
   */
  onSendAnyway?: () => void;
  /** Called when the agent dismisses the notice or it hides itself after `timeoutMs`. */
  onDismiss(): void;
  /**
   * How long the notice stays, in milliseconds. The clock stops while the pointer or focus is on
   * the notice, so nobody loses Undo while reaching for it (WCAG 2.2.1), and starts again after.
   */
  timeoutMs: number;
};

/** "Hush masked 2 values (email address, payment card data) before pasting." */
export function noticeText(content: NoticeContent): string {
  if ('message' in content) return content.message;
  const { count, types, when } = content;
  const names = [...new Set(types)].map((t) => inSentence(TYPE_INFO[t].label)).join(', ');
  const values = count === 1 ? '1 value' : `${count} values`;
  return `Hush masked ${values}${names ? ` (${names})` : ''} before ${when}.`;
}

/**
 * Calls exactly one of `onUndo`, `onSendAnyway` or `onDismiss`, once, and then renders nothing; the caller
 * unmounts it from that callback. Its timer is cleared on unmount, so none outlives it.
 */
export function Notice(props: NoticeProps) {
  const { onUndo, onSendAnyway, onDismiss, timeoutMs } = props;
  const [open, setOpen] = useState(true);
  const [held, setHeld] = useState(false);

  const close = (callback: () => void) => {
    setOpen(false);
    callback();
  };

  useEffect(() => {
    if (!open || held) return;
    const timer = setTimeout(() => close(onDismiss), timeoutMs);
    return () => clearTimeout(timer);
  }, [open, held, timeoutMs, onDismiss]);

  if (!open) return null;
  return (
    <div
      class="hush-notice"
      role="status"
      aria-live="polite"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close(onDismiss);
      }}
    >
      <span>{noticeText(props)}</span>
      {onUndo && (
        <button type="button" onClick={() => close(onUndo)}>
          Undo
        </button>
      )}
      {onSendAnyway && (
        <button type="button" onClick={() => close(onSendAnyway)}>
          Send anyway…
        </button>
      )}
      <button type="button" aria-label="Dismiss notice" onClick={() => close(onDismiss)}>
        ×
      </button>
    </div>
  );
}
