/**
 * The review panel on a page (issue 3, "The agent's side"): components/ReviewPanel.tsx in a
 * CLOSED shadow root, so the site's scripts can neither read the partial previews nor press its
 * buttons, and its CSS cannot reach it. The guard awaits the agent's choice and acts on it.
 */
import { h } from 'preact';
import {
  ReviewPanel,
  type PanelFinding,
  type ReviewPanelProps,
} from '@/components/ReviewPanel.tsx';
import { mountInShadow } from '@/components/shadow.ts';
import { mask, partial, scan, TokenVault, TYPE_INFO } from '@/rules/index.ts';
import { noticeDocument } from './notice.ts';
import type { PlannedFinding } from './plan.ts';

/** What the agent chose. */
export type ReviewChoice =
  | { kind: 'mask-and-send' }
  | { kind: 'edit' }
  | { kind: 'send-anyway'; reason: string }
  | { kind: 'cancel' };

export interface ReviewOptions {
  /** The editor's document; the panel goes in its topmost same-origin ancestor. */
  doc: Document;
  site: ReviewPanelProps['site'];
  /** The text the findings' offsets point into (the editor's text as it was checked). */
  text: string;
  findings: readonly PlannedFinding[];
  allowed: ReviewPanelProps['allowed'];
  approvedAlternative?: ReviewPanelProps['approvedAlternative'];
  /** Open with the reason box showing (the agent already chose "Send anyway…" in a notice). */
  startWithReason?: boolean;
  /** Why the text was stopped besides its findings (issue 7: where it was copied from, what was hidden). */
  notes?: readonly string[];
  /** Aborting closes the panel as a cancel (the content script's lifetime). */
  signal: AbortSignal;
}

/** The longest override reason kept; a reason is a sentence, not a document. */
export const MAX_REASON = 500;

let openPanels = 0;

/** Whether a review panel from this frame's guard is on screen (a send meanwhile is stopped). */
export function reviewOpen(): boolean {
  return openPanels > 0;
}

/**
 * Shows the panel and resolves with the agent's choice once it has closed. The caller puts focus
 * back in the editor (the panel does not know it).
 */
export function openReview(options: ReviewOptions): Promise<ReviewChoice> {
  const doc = noticeDocument(options.doc);
  openPanels++;
  return new Promise((resolve) => {
    let done = false;
    const finish = (choice: ReviewChoice): void => {
      if (done) return;
      done = true;
      openPanels--;
      options.signal.removeEventListener('abort', onAbort);
      mount.unmount();
      resolve(choice);
    };
    const onAbort = (): void => finish({ kind: 'cancel' });
    const mount = mountInShadow(doc, () =>
      h(ReviewPanel, {
        site: options.site,
        findings: panelFindings(options.text, options.findings),
        allowed: options.allowed,
        approvedAlternative: options.approvedAlternative,
        startWithReason: options.startWithReason,
        notes: options.notes,
        onMaskAndSend: () => finish({ kind: 'mask-and-send' }),
        onEdit: () => finish({ kind: 'edit' }),
        onSendAnyway: (reason) => finish({ kind: 'send-anyway', reason }),
        onCancel: () => finish({ kind: 'cancel' }),
      }),
    );
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * What the panel shows of each finding: its type, a PARTIAL preview (never the value), where it
 * is, and why (the detector and the context it gave).
 */
export function panelFindings(text: string, findings: readonly PlannedFinding[]): PanelFinding[] {
  const out: PanelFinding[] = [];
  for (const f of findings) {
    if (f.action !== 'warn' && f.action !== 'mask' && f.action !== 'block') continue;
    out.push({
      type: f.type,
      label: TYPE_INFO[f.type].label,
      level: f.level,
      action: f.action,
      detector: f.detector,
      ...(f.reason ? { reason: f.reason } : {}),
      // An instruction passage is no customer value: the agent must read it to judge it.
      preview:
        f.type === 'PROMPT_INJECTION'
          ? clip(text.slice(f.start, f.end))
          : partial(f.type, text.slice(f.start, f.end)),
      where: whereIn(text, f.start),
    });
  }
  return out;
}

/** "line 3" in a text of several lines; "at character 12" in a one-line text. */
export function whereIn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  if (line === 1 && !text.includes('\n')) return `at character ${offset + 1}`;
  return `line ${line}`;
}

/**
 * The override reason as it may be recorded: trimmed, capped, and with every value the engine
 * finds in it masked, whatever the page's rules (the incident record leaves the browser).
 */
export function maskReason(reason: string): string {
  const text = reason.trim().slice(0, MAX_REASON);
  const findings = scan(text);
  return findings.length === 0
    ? text
    : mask(text, findings, { strategy: 'token', vault: new TokenVault() }).text;
}

/** A passage shown in the panel, at most 160 characters on one line. */
function clip(passage: string): string {
  const line = passage.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
