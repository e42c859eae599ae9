/**
 * The review panel the guard shows when a send is stopped (issue 3, "The agent's side"): what was
 * found, where and why, what will happen, and the actions policy allows.
 *
 * It only ever shows `preview`, which the caller has already masked partially: the raw values
 * never reach this component, so they cannot end up in a DOM that the site's scripts could read.
 *
 * Focus: the panel moves focus into itself when it opens and keeps Tab inside. It does not know
 * the editor, so the caller restores focus to the editor after any callback (onMaskAndSend,
 * onEdit, onSendAnyway, onCancel) once it has unmounted the panel.
 */
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntityType, Level } from '@/rules/types.ts';
import { inSentence } from './text.ts';

export type PanelAction = 'warn' | 'mask' | 'block';

export interface PanelFinding {
  type: EntityType;
  /** Human label of the type, e.g. "Email address". */
  label: string;
  level: Level;
  action: PanelAction;
  /** The detector's id, e.g. "email". */
  detector: string;
  /** The context that made the detector sure, e.g. "near the word 'IBAN'". */
  reason?: string;
  /** The value ALREADY masked partially by the caller (e.g. "j•••@e•••.com"); never the raw value. */
  preview: string;
  /** Where it is in the message, e.g. "line 3". */
  where: string;
}

export interface ReviewPanelProps {
  /** The dialog's heading; the default speaks of a message (uploads name the file instead). */
  title?: string;
  site: { name: string; pageClass: 'unapproved-ai' | 'approved-ai' | 'support-tool' };
  findings: PanelFinding[];
  /** What policy allows; a `block` finding disables both sends whatever these say. */
  allowed: { maskAndSend: boolean; sendAnyway: boolean; reasonRequired: boolean };
  approvedAlternative?: { name: string; url: string };
  /**
   * Checks the override reason; returns a message when the reason itself carries sensitive data.
   * The message is shown as given, so it must name the type, never the value.
   */
  scanReason?: (text: string) => string | null;
  /**
   * Opens with the reason box showing and focused: the agent already chose "Send anyway…" (in
   * the notice after a mask), and should not have to choose it twice. Ignored when blocked.
   */
  startWithReason?: boolean;
  /**
   * Why the message was stopped besides its findings, one sentence each (issue 7: "Copied from
   * Zendesk 2 minutes ago", hidden text and where it was). Never a customer value.
   */
  notes?: readonly string[];
  onMaskAndSend(): void;
  onEdit(): void;
  onSendAnyway(reason: string): void;
  onCancel(): void;
}

const SITE_LINE: Record<ReviewPanelProps['site']['pageClass'], (name: string) => string> = {
  'unapproved-ai': (name) => `${name} is not approved by your company for customer data.`,
  'approved-ai': (name) => `${name} is approved, but some data must still be masked here.`,
  'support-tool': (name) => `${name} is a support tool, and some data must not be sent here.`,
};

const ACTION_TEXT: Record<PanelAction, string> = {
  mask: 'will be masked',
  warn: 'will be sent as is: check it',
  block: 'blocked: cannot be sent here',
};

/** Elements that Tab may land on inside the dialog, in document order. */
const FOCUSABLE =
  'button:not([disabled]), textarea:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** How many times a panel takes focus back from the page before it lets the page have it. */
const MAX_FOCUS_RECLAIMS = 20;

export function ReviewPanel(props: ReviewPanelProps) {
  const { site, findings, allowed, approvedAlternative, scanReason } = props;
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const sendAnywayRef = useRef<HTMLButtonElement>(null);
  const reasonWasOpen = useRef(false);
  const [reasonOpen, setReasonOpen] = useState(
    () => props.startWithReason === true && allowed.sendAnyway,
  );
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const blocks = findings.filter((f) => f.action === 'block');
  const masks = findings.filter((f) => f.action === 'mask');
  const warns = findings.filter((f) => f.action === 'warn');
  const blocked = blocks.length > 0;
  const groups = groupByType(findings);

  // Focus moves into the dialog on open: to the first enabled action, which is the safest one
  // available (mask and send, else edit), so that Enter right away never sends a raw value.
  // A layout effect, so focus moves in the same task that shows the dialog: with a plain effect
  // it moved a frame later, and keys typed in between still went to the editor behind it.
  useLayoutEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('.hush-actions button:not([disabled])')?.focus();
  }, []);

  // The dialog is modal (its backdrop takes every click), yet page scripts can still move focus:
  // an editor that draws late sets its DOM selection, which focuses it, and keys the agent meant
  // for the dialog would go to the editor behind it. Focus that leaves for the page comes back to
  // where it was in the dialog, a bounded number of times so that a page that fights back cannot
  // start a loop.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // No instanceof here: a guard in a frame shows its panel in the top document, another realm.
    const root = dialog.getRootNode() as Partial<ShadowRoot>;
    const host = root.host ?? null;
    const doc = dialog.ownerDocument;
    let last: HTMLElement | null = null;
    let reclaims = 0;
    const inside = (event: FocusEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && dialog.contains(target)) last = target;
    };
    const outside = (event: FocusEvent) => {
      const target = event.target as Node | null;
      if (!target || target === host || dialog.contains(target)) return;
      if (reclaims >= MAX_FOCUS_RECLAIMS) return;
      reclaims++;
      const back =
        last?.isConnected === true
          ? last
          : dialog.querySelector<HTMLElement>('.hush-actions button:not([disabled])');
      back?.focus();
    };
    dialog.addEventListener('focusin', inside);
    doc.addEventListener('focusin', outside, true);
    return () => {
      dialog.removeEventListener('focusin', inside);
      doc.removeEventListener('focusin', outside, true);
    };
  }, []);

  // Opening the reason box focuses it; closing it ("Back") removes the focused button, so focus
  // goes back to "Send anyway…" instead of falling out of the dialog to the page.
  useLayoutEffect(() => {
    if (reasonOpen) reasonRef.current?.focus();
    else if (reasonWasOpen.current) sendAnywayRef.current?.focus();
    reasonWasOpen.current = reasonOpen;
  }, [reasonOpen]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    } else if (event.key === 'Tab') {
      // Every Tab is handled here rather than only at the ends: browsers differ in how they order
      // focus across shadow boundaries, and a trap that relies on their order can leak to the page.
      event.preventDefault();
      const dialog = dialogRef.current;
      if (!dialog) return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (items.length === 0) return;
      const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
      const at = items.indexOf(active as HTMLElement);
      const step = event.shiftKey ? -1 : 1;
      const next = at === -1 ? (event.shiftKey ? items.length - 1 : 0) : at + step;
      items[(next + items.length) % items.length]!.focus();
    }
  }

  function submitReason() {
    const text = reason.trim();
    if (allowed.reasonRequired && text === '') {
      setReasonError('Write why this must be sent as is.');
    } else {
      const problem = text === '' ? null : (scanReason?.(text) ?? null);
      if (problem === null) {
        props.onSendAnyway(text);
        return;
      }
      setReasonError(problem);
    }
    reasonRef.current?.focus();
  }

  const blockedLabels = joinLabels(blocks);
  return (
    <div class="hush-backdrop">
      <div
        ref={dialogRef}
        class="hush-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>
          {props.title ?? 'Hush stopped this message: it contains sensitive data'}
        </h2>
        <p class="hush-site">{SITE_LINE[site.pageClass](site.name)}</p>
        <div id={`${id}-summary`}>
          {blocked ? (
            <p class="hush-blocked">
              {count(blocks.length)} cannot be sent to {site.name} ({blockedLabels}). Edit the
              message to remove {blocks.length === 1 ? 'it' : 'them'}.
            </p>
          ) : (
            <>
              {masks.length > 0 && (
                <p>
                  {count(masks.length)} will be replaced by tokens like{' '}
                  <span class="hush-preview">[{masks[0]!.type}_1]</span> before sending.
                </p>
              )}
              {props.notes && props.notes.length > 0 && (
                <ul class="hush-notes">
                  {props.notes.map((note, i) => (
                    <li key={i}>{note}</li>
                  ))}
                </ul>
              )}
              {warns.length > 0 && (
                <p>
                  {count(warns.length)} will be sent as {warns.length === 1 ? 'it is' : 'they are'}:
                  check {warns.length === 1 ? 'it is' : 'they are'} needed.
                </p>
              )}
            </>
          )}
        </div>
        {approvedAlternative && (
          <p>
            Your company approves{' '}
            <a href={approvedAlternative.url} target="_blank" rel="noopener noreferrer">
              {approvedAlternative.name}
            </a>{' '}
            for this work.
          </p>
        )}

        {groups.map(([type, items]) => (
          <section key={type} aria-labelledby={`${id}-${type}`}>
            <h3 id={`${id}-${type}`}>
              {items[0]!.label} ({items.length})
            </h3>
            <ul>
              {items.map((f, i) => (
                <li key={i}>
                  <span class="hush-preview">{f.preview}</span>{' '}
                  <span class="hush-meta">
                    {f.where}, found by {f.detector}
                    {f.reason ? ` (${f.reason})` : ''}
                  </span>{' '}
                  <span class={`hush-badge hush-badge-${f.action}`}>{ACTION_TEXT[f.action]}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}

        {blocked && (allowed.maskAndSend || allowed.sendAnyway) && (
          <p id={`${id}-blocked`} class="hush-blocked">
            Sending is turned off because {blockedLabels} must never leave this page, masked or not.
          </p>
        )}

        {reasonOpen && !blocked && (
          <div>
            <label for={`${id}-reason`}>
              Why must this be sent as is?{allowed.reasonRequired ? ' (required)' : ' (optional)'}
            </label>
            <textarea
              ref={reasonRef}
              id={`${id}-reason`}
              value={reason}
              required={allowed.reasonRequired}
              aria-invalid={reasonError ? 'true' : 'false'}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
              onInput={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
            />
            {reasonError && (
              <p id={`${id}-reason-error`} class="hush-error" role="alert">
                {reasonError}
              </p>
            )}
          </div>
        )}

        <div class="hush-actions">
          {reasonOpen && !blocked ? (
            <>
              <button type="button" class="hush-primary" onClick={submitReason}>
                Send with this reason
              </button>
              <button type="button" onClick={() => closeReason()}>
                Back
              </button>
            </>
          ) : (
            <>
              {allowed.maskAndSend && masks.length > 0 && (
                <button
                  type="button"
                  class="hush-primary"
                  disabled={blocked}
                  aria-describedby={blocked ? `${id}-blocked` : undefined}
                  onClick={() => props.onMaskAndSend()}
                >
                  Mask and send
                </button>
              )}
              <button type="button" onClick={() => props.onEdit()}>
                Edit message
              </button>
              {allowed.sendAnyway && (
                <button
                  ref={sendAnywayRef}
                  type="button"
                  disabled={blocked}
                  aria-describedby={blocked ? `${id}-blocked` : undefined}
                  onClick={() => setReasonOpen(true)}
                >
                  Send anyway…
                </button>
              )}
            </>
          )}
          <button type="button" onClick={() => props.onCancel()}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );

  function closeReason() {
    setReasonOpen(false);
    setReasonError(null);
  }
}

/** Findings grouped by type, groups in order of first appearance. */
function groupByType(findings: PanelFinding[]): [EntityType, PanelFinding[]][] {
  const groups = new Map<EntityType, PanelFinding[]>();
  for (const f of findings) {
    const list = groups.get(f.type);
    if (list) list.push(f);
    else groups.set(f.type, [f]);
  }
  return [...groups];
}

function count(n: number): string {
  return n === 1 ? '1 value' : `${n} values`;
}

function joinLabels(findings: PanelFinding[]): string {
  return [...new Set(findings.map((f) => inSentence(f.label)))].join(', ');
}
