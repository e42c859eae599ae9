/**
 * The in-page guard's paste, drop and send interception, and the agent's side of it (issue 3):
 * masking before insertion with Undo, the review panel for blocks and warnings, and "send anyway"
 * with a reason. Every listener is on the window in the CAPTURE phase, registered at
 * document_start before any page script, so the guard sees a paste, a drop or a send before the
 * site's editor does and can stop it. Events from open shadow roots arrive here too (their
 * composed path says where they started); events inside Hush's own closed roots arrive with the
 * shadow host as their target, which is no editor, so the guard ignores its own UI.
 */
import { TYPE_INFO, type EntityType, type Level } from '@/rules/index.ts';
import { invisibleRuns, scanInjection, type InvisibleRun } from '@/rules/injection/index.ts';
import { findSite } from '@/lib/sites/match.ts';
import { ago, type CopyHit } from '@/lib/provenance/client.ts';
import { shingles } from '@/lib/provenance/fingerprint.ts';
import { hiddenParts, type HiddenPart } from '@/lib/provenance/hidden.ts';
import {
  countTypes,
  detectorsFor,
  noteDetectors,
  type Channel,
  type GuardContext,
  type Outcome,
} from './context.ts';
import type { Action } from './decide.ts';
import {
  editableFrom,
  editableFromEvent,
  focusEditable,
  insertText,
  isTextField,
  isVirtualView,
  ownEvents,
  placeCaretAt,
  readText,
  replaceAll,
  sameText,
  selectText,
  syncViews,
  type Editable,
} from './editable.ts';
import { FIRST_VISIT_HOST_ID } from './first-visit.ts';
import { NOTICE_HOST_ID, showNotice } from './notice.ts';
import { latestFindings } from './overlay.ts';
import { frameAddress } from './pages.ts';
import { describeTypes, planFor, type Plan, type PlannedFinding } from './plan.ts';
import { maskReason, openReview, reviewOpen, type ReviewChoice } from './review.ts';

/** What counts as a site's send button (issue 3). */
export const SEND_BUTTON =
  'button[type=submit], [data-testid*=send i], [aria-label*=send i], input[type=submit]';

/** How long a released text may wait for the agent to send it by hand, when replaying failed. */
const PASS_MS = 60_000;
/** After a released send went out, how long the same send's follow-on events still pass. */
const PASS_TAIL_MS = 1_000;
/**
 * How long a send from a virtual editor waits for its view to show the latest edit before it is
 * refused. Not what decides the text: frames do (see syncViews). It only ends the wait where no
 * frame comes at all (a hidden tab).
 */
const VIEW_WAIT_MS = 10_000;
/**
 * How long a paste or drop made before the policy's first answer waits for it (the answer
 * usually takes milliseconds; a background being restarted, a second or so).
 */
const POLICY_WAIT_MS = 3_000;

/** The event that sent, so the guard can send again the same way once the agent has decided. */
type Trigger =
  | { kind: 'key'; target: EventTarget; init: KeyboardEventInit }
  | { kind: 'click'; target: HTMLElement }
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null };

export function installGuard(win: Window, guard: GuardContext): void {
  const { signal } = guard;
  const listen = { capture: true, signal } as const;
  const plan = (text: string): Plan => noteDetectors(planFor(text, guard));
  const site = {
    name: findSite(frameAddress(win))?.name ?? win.location.hostname,
    pageClass: guard.pageClass,
  };
  /** Named by every block and on the panel, on an unapproved AI site only (issue 3). */
  const alternative =
    guard.pageClass === 'unapproved-ai' ? guard.texts.approvedAlternative : undefined;
  const alternativeSentence = alternative ? ` Use ${alternative.name} instead.` : '';

  /** Editors the guard is rewriting right now: a send meanwhile is stopped, not re-planned. */
  const busy = new WeakSet<Editable>();
  /**
   * The masked text each editor is being rewritten to. Once the editor shows it, a send is let
   * through to the usual check (it finds nothing left to mask) even while the rewrite is still
   * confirming, so an agent's quick second Enter is not swallowed.
   */
  const maskingTo = new WeakMap<Editable, string>();
  /** Text the agent released for one send from an editor, and until when it may go. */
  const passes = new WeakMap<Editable, { text: string; until: number; used?: boolean }>();
  /** The editor whose drag started the current drag and drop (a move inside it is not new text). */
  let dragSource: Editable | null = null;
  let lastEditable: Editable | null = null;
  /**
   * What a paste into this editor carried besides values (issue 7): the support-tool copy it came
   * from, instruction passages, hidden parts. Asked about on send while the pasted text is still
   * there. The page already holds the pasted text; it is kept here only to recognise it.
   */
  const marks = new WeakMap<Editable, PasteMark>();

  const report = (
    channel: Channel,
    action: Action,
    outcome: Outcome,
    types: readonly EntityType[],
    reason?: string,
  ): void => {
    guard.report({
      channel,
      action,
      outcome,
      counts: countTypes(types),
      ...(reason === undefined ? {} : { reason }),
      // Issue 4: the ids of the detectors behind this decision, for "this was not sensitive".
      ...(detectorsFor(types) ? { detectors: detectorsFor(types) } : {}),
    });
  };
  const stop = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  // Once a released send went out, any edit ends its pass: the same text typed again is new.
  win.addEventListener(
    'input',
    (event) => {
      const el = editableFromEvent(event);
      if (el && passes.get(el)?.used) passes.delete(el);
      if (el && marks.has(el) && readText(el).trim() === '') marks.delete(el);
    },
    listen,
  );

  /** Whether each virtual editor's view (editable.ts) shows its latest edit; see guardSend. */
  const views = syncViews();
  /** Virtual editors with a send stopped until their view shows the latest edit. */
  const viewWaits = new WeakSet<Editable>();

  win.addEventListener(
    'focusin',
    (event) => {
      const el = editableFromEvent(event);
      if (el) lastEditable = el;
    },
    listen,
  );

  /**
   * Text coming in by paste or drop: scanned before the editor sees it. What must be masked is
   * masked and inserted through the editor's input path (at the drop point for a drop), with
   * Undo; a block keeps it out; a warning lets it in and says it will be asked about on send.
   * Returns whether the event was stopped.
   */
  const incoming = (
    channel: 'paste' | 'drop',
    event: Event,
    el: Editable,
    text: string,
    at?: { x: number; y: number },
  ): boolean => {
    const p = plan(text);
    if (p.kind === 'clean' || p.kind === 'monitor') return false;
    const doc = el.ownerDocument;
    const verb = channel === 'paste' ? 'paste' : 'drop';
    if (p.kind === 'warn') {
      report(channel, 'warn', 'warned', p.types);
      showNotice(doc, {
        message: `Hush: this text contains ${describeTypes(p.types)}; you will be asked before it is sent.`,
        signal,
      });
      return false;
    }
    stop(event);
    if (p.kind === 'block') {
      report(channel, 'block', 'blocked', p.types);
      showNotice(doc, {
        message: `Hush blocked this ${verb}: ${describeTypes(p.types)} may not be shared on this site.${alternativeSentence}`,
        signal,
      });
      return true;
    }
    report(channel, 'mask', 'masked', p.types);
    void (async () => {
      if (at) await placeCaretAt(el, at.x, at.y);
      insertText(el, p.masked);
      showNotice(doc, {
        message: `${maskedMessage(p.types)} before ${channel === 'paste' ? 'pasting' : 'dropping'}.`,
        signal,
        onUndo: () => {
          // Put the original back the same way it would have gone in: select what was inserted
          // and paste over it. The send guard still masks it if it is sent as it is.
          void selectText(el, p.masked).then((found) => {
            if (!found) return;
            insertText(el, text);
            report(channel, 'mask', 'undone', p.types);
          });
        },
      });
    })();
    return true;
  };

  win.addEventListener(
    'paste',
    (event) => {
      if (ownEvents.has(event)) return;
      const el = editableFromEvent(event);
      const data = event.clipboardData;
      // A paste with files is the uploads guard's (lib/guard/uploads.ts).
      if (!el || !data || data.files.length > 0) return;
      const text = transferText(data);
      if (!text) return;
      const html = data.getData('text/html');
      if (guard.policyPending) {
        holdUntilPolicy(guard.policyPending, 'paste', event, el, text, html);
        return;
      }
      if (guard.pageClass !== 'support-tool' && aiIncoming('paste', event, el, text, html)) return;
      incoming('paste', event, el, text);
    },
    listen,
  );

  /**
   * Text pasted or dropped in the moment after the page loads, before the company's policy has
   * reached the page (entrypoints/guard.content.ts): held, then decided under that policy and
   * put in through the editor's input path, so a quick paste is not judged by the built-in
   * defaults when policy is stricter. The wait is bounded (POLICY_WAIT_MS; then the defaults
   * decide), and the text is never lost: a page policy excludes gets it as it was.
   */
  const holdUntilPolicy = (
    pending: Promise<void>,
    channel: 'paste' | 'drop',
    event: Event,
    el: Editable,
    text: string,
    html: string,
    at?: { x: number; y: number },
  ): void => {
    stop(event);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, POLICY_WAIT_MS)));
    void Promise.race([pending, waited]).then(() => {
      clearTimeout(timer);
      // The stopped event stands for itself: stopping it again changes nothing.
      const decided =
        !signal.aborted &&
        ((guard.pageClass !== 'support-tool' && aiIncoming(channel, event, el, text, html, at)) ||
          incoming(channel, event, el, text, at));
      if (decided) return;
      // Nothing to stop (or the guard was stopped meanwhile): the text goes in as it came.
      if (at) void placeCaretAt(el, at.x, at.y).then(() => insertText(el, text));
      else insertText(el, text);
    });
  };

  /**
   * A paste or drop into an AI page (issue 7): does it come from a recent support-tool copy, and
   * does it carry instructions aimed at the AI, invisible characters or hidden HTML? Returns false
   * (and leaves it to `incoming`) when there is nothing to ask or a block keeps it out anyway.
   * Otherwise the event is stopped, the background is asked, and the text goes in (or not)
   * through the editor's input path, at the drop point for a drop.
   */
  const aiIncoming = (
    channel: 'paste' | 'drop',
    event: Event,
    el: Editable,
    text: string,
    html: string,
    at?: { x: number; y: number },
  ): boolean => {
    const { provenance: copies, injectionAction } = guard.settings;
    const hidden = hiddenParts(html);
    const invisible = invisibleRuns(text);
    const passages = [text, ...hidden.map((h) => h.text)].flatMap((t) =>
      scanInjection(t).map((f) => t.slice(f.start, f.end)),
    );
    const inspect =
      injectionAction !== 'allow' && passages.length + invisible.length + hidden.length > 0;
    const client = guard.provenance;
    const ask =
      copies.enabled && client !== undefined && client.live() && client.hasFingerprint(text);
    if (!inspect && !ask) return false;
    const p = plan(text);
    if (p.kind === 'block') return false;
    stop(event);
    void (async () => {
      const hit = ask ? await client.check(text, copies.threshold) : null;
      if (signal.aborted) return;
      finishPaste(el, text, p, hit, inspect ? { passages, invisible, hidden } : null, channel, at);
    })();
    return true;
  };

  const finishPaste = (
    el: Editable,
    text: string,
    p: Exclude<Plan, { kind: 'block' }>,
    hit: CopyHit | null,
    carried: { passages: string[]; invisible: InvisibleRun[]; hidden: HiddenPart[] } | null,
    channel: 'paste' | 'drop' = 'paste',
    at?: { x: number; y: number },
  ): void => {
    const verb = channel === 'paste' ? 'paste' : 'drop';
    const doc = el.ownerDocument;
    const rules = guard.rules[guard.pageClass];
    const level = guard.settings.provenance.level;
    // The page's action for the level customer text is raised to: detectors need find nothing.
    const copyAction: Action = hit ? (rules.byLevel?.[level] ?? rules.otherwise) : 'allow';
    const injAction: Action = carried ? guard.settings.injectionAction : 'allow';
    const types = p.kind === 'clean' ? [] : p.types;
    const injTypes: EntityType[] = carried
      ? Array<EntityType>(
          carried.passages.length + carried.invisible.length + carried.hidden.length,
        ).fill('PROMPT_INJECTION')
      : [];
    const from = hit ? `it was copied from ${hit.siteName} ${ago(hit.at, Date.now())}` : '';
    if (copyAction === 'mask' || copyAction === 'block') {
      // Customer text has no value to mask in place: masking it means keeping it out.
      report('support-copy', copyAction, 'blocked', types);
      showNotice(doc, {
        message: `Hush kept this ${verb} out: ${from}, and customer text may not be shared on ${site.name}.${alternativeSentence}`,
        signal,
      });
      return;
    }
    if (injAction === 'mask' || injAction === 'block') {
      report(channel, injAction, 'blocked', injTypes);
      showNotice(doc, {
        message: `Hush kept this ${verb} out: it carries ${describeCarried(carried!)}.`,
        signal,
      });
      return;
    }
    const going = p.kind === 'mask' ? p.masked : text;
    if (at) void placeCaretAt(el, at.x, at.y).then(() => insertText(el, going));
    else insertText(el, going);
    if (p.kind === 'mask') report(channel, 'mask', 'masked', p.types);
    if (p.kind === 'warn') report(channel, 'warn', 'warned', p.types);
    if (p.kind === 'monitor') report(channel, 'monitor', 'monitored', p.types);
    const sentences: string[] = [];
    if (hit && (copyAction === 'warn' || copyAction === 'monitor')) {
      report('support-copy', copyAction, copyAction === 'warn' ? 'warned' : 'monitored', types);
    }
    if (carried && (injAction === 'warn' || injAction === 'monitor')) {
      report(channel, injAction, injAction === 'warn' ? 'warned' : 'monitored', injTypes);
    }
    if (p.kind === 'mask') {
      sentences.push(
        `${maskedMessage(p.types)} before ${verb === 'paste' ? 'pasting' : 'dropping'}.`,
      );
    }
    const mark: PasteMark = { text, passages: [], hidden: [] };
    if (hit && copyAction === 'warn') {
      mark.copy = { ...hit, level };
      sentences.push(`Hush: ${from}; it is customer text (${TYPE_INFO_LEVEL[level]}).`);
    }
    if (carried && injAction === 'warn') {
      mark.passages = carried.passages;
      mark.hidden = [
        ...carried.hidden.map((h) => `Hidden text (${h.how}) in ${h.where}: "${h.text}"`),
        ...carried.invisible.map((r) => invisibleNote(text, r)),
      ];
      sentences.push(`Hush: this text carries ${describeCarried(carried)}.`);
    }
    if (mark.copy || mark.passages.length > 0 || mark.hidden.length > 0) {
      marks.set(el, mark);
      sentences.push('You will be asked before it is sent.');
    }
    if (sentences.length > 0) showNotice(doc, { message: sentences.join(' '), signal });
  };

  /**
   * The warnings a send of `text` from `el` carries because of what was pasted (issue 7), while
   * enough of the pasted text is still there: instruction passages as findings, and notes.
   */
  const pasteWarnings = (
    el: Editable,
    text: string,
  ): { findings: PlannedFinding[]; notes: string[] } | null => {
    const mark = marks.get(el);
    if (!mark) return null;
    const pasted = new Set(shingles(mark.text));
    const now = shingles(text);
    const kept =
      pasted.size === 0 ? text.includes(mark.text) : now.filter((s) => pasted.has(s)).length;
    const still =
      typeof kept === 'boolean' ? kept : kept / pasted.size >= guard.settings.provenance.threshold;
    const findings: PlannedFinding[] = [];
    for (const passage of mark.passages) {
      const at = text.indexOf(passage);
      if (at < 0) continue;
      findings.push({
        type: 'PROMPT_INJECTION',
        action: 'warn',
        start: at,
        end: at + passage.length,
        detector: 'prompt-injection',
        level: TYPE_INFO.PROMPT_INJECTION.level,
        reason: 'instruction aimed at an AI',
      });
    }
    const notes: string[] = [];
    if (still && mark.copy) {
      notes.push(
        `Copied from ${mark.copy.siteName} ${ago(mark.copy.at, Date.now())}: customer text (${TYPE_INFO_LEVEL[mark.copy.level]}).`,
      );
    }
    if (still || findings.length > 0) notes.push(...mark.hidden);
    return findings.length > 0 || notes.length > 0 ? { findings, notes } : null;
  };

  win.addEventListener(
    'dragstart',
    (event) => {
      dragSource = editableFromEvent(event);
    },
    listen,
  );
  win.addEventListener(
    'dragend',
    () => {
      dragSource = null;
    },
    listen,
  );
  win.addEventListener(
    'drop',
    (event) => {
      if (ownEvents.has(event)) return;
      const el = editableFromEvent(event);
      const data = event.dataTransfer;
      const source = dragSource;
      dragSource = null;
      // Moving text inside one editor brings nothing new in (the send guard still checks it).
      if (!el || !data || source === el) return;
      const files = [...data.files];
      // A person's drop with files is the uploads guard's (lib/guard/uploads.ts): it checks
      // the files and drops again what may go, untrusted, with the drag's text beside them.
      if (files.length > 0 && event.isTrusted) return;
      const text = transferText(data);
      if (!text) return;
      const at = { x: event.clientX, y: event.clientY };
      if (files.length === 0) {
        if (guard.policyPending) {
          holdUntilPolicy(
            guard.policyPending,
            'drop',
            event,
            el,
            text,
            data.getData('text/html'),
            at,
          );
          return;
        }
        if (
          guard.pageClass !== 'support-tool' &&
          aiIncoming('drop', event, el, text, data.getData('text/html'), at)
        ) {
          return;
        }
        incoming('drop', event, el, text, at);
        return;
      }
      // Files that were let through, with text: if the text must be masked or kept out (its
      // values, or on an AI page its origin in a support tool or what it carries), the files
      // go on in a drop of their own and the text is handled like a text drop.
      const held =
        (guard.pageClass !== 'support-tool' &&
          aiIncoming('drop', event, el, text, data.getData('text/html'), at)) ||
        incoming('drop', event, el, text, at);
      if (!held) return;
      const carried = new DataTransfer();
      for (const file of files) carried.items.add(file);
      const again = new DragEvent('drop', {
        bubbles: true,
        cancelable: true,
        composed: true,
        clientX: event.clientX,
        clientY: event.clientY,
        dataTransfer: carried,
      });
      ownEvents.add(again);
      (event.composedPath()[0] ?? el).dispatchEvent(again);
    },
    listen,
  );

  /**
   * Checks a send from `el`. Clean text goes out untouched on the first send. Text with values to
   * mask is stopped, masked in place through the editor's input path, and the NEXT send (now
   * only tokens) goes out. A block or a warning opens the review panel.
   */
  const guardSend = (event: Event, el: Editable, trigger: Trigger): void => {
    const shows = (target: string | undefined): boolean =>
      target !== undefined && sameText(readText(el), target);
    if ((busy.has(el) && !shows(maskingTo.get(el))) || reviewOpen()) {
      stop(event);
      return;
    }
    if (isVirtualView(el) && !views.drawn(el)) {
      // A virtual editor draws its model in the frame after an edit, and the page can handle a
      // send before that frame however long ago the edit was (a loaded machine): its view may be
      // any number of keystrokes short. Wait for the frame, then send again the same way; that
      // send is decided as usual. Sends meanwhile are the same send: stopped, not replayed.
      stop(event);
      if (viewWaits.has(el)) return;
      viewWaits.add(el);
      void views.whenDrawn(el, VIEW_WAIT_MS).then((shown) => {
        viewWaits.delete(el);
        if (signal.aborted || !el.isConnected) return;
        if (shown) {
          sendAgain(el, trigger);
          return;
        }
        // Fail closed: what the editor holds could not be read, so it is not sent unchecked.
        showNotice(el.ownerDocument, {
          message:
            'Hush did not send this message: the editor has not shown all of it yet, so it could not be checked. Send it again.',
          signal,
        });
      });
      return;
    }
    const text = readText(el);
    const pass = passes.get(el);
    if (pass) {
      if (pass.text === text && Date.now() <= pass.until) {
        // The agent released this text: this send goes out, and events of the same send that
        // follow (a key handler that clicks the button) too, but not a later one.
        pass.until = Math.min(pass.until, Date.now() + PASS_TAIL_MS);
        pass.used = true;
        return;
      }
      passes.delete(el);
    }
    // The overlay usually scanned exactly this text during the pause before the send: its
    // findings make the decision immediate instead of a second scan inside the key handler.
    const cached = latestFindings(el, text);
    const p = cached
      ? noteDetectors(planFor(text, { ...guard, scan: () => [...cached] }))
      : plan(text);
    // What a paste brought besides values (issue 7) makes a clean or warned send a warning.
    const pasted =
      p.kind === 'clean' || p.kind === 'monitor' || p.kind === 'warn'
        ? pasteWarnings(el, text)
        : null;
    if (pasted) {
      stop(event);
      const findings = [...(p.kind === 'warn' ? p.findings : []), ...pasted.findings].sort(
        (a, b) => a.start - b.start,
      );
      void review(el, text, 'warn', findings, trigger, false, pasted.notes);
      return;
    }
    if (p.kind === 'clean') return;
    if (p.kind === 'monitor') {
      report('send', 'monitor', 'monitored', p.types);
      return;
    }
    stop(event);
    if (p.kind === 'mask') {
      maskOnSend(el, text, p, trigger);
      return;
    }
    if (p.kind === 'block') report('send', 'block', 'blocked', p.types);
    void review(el, text, p.kind, p.findings, trigger, false);
  };

  const maskOnSend = (
    el: Editable,
    text: string,
    p: Extract<Plan, { kind: 'mask' }>,
    trigger: Trigger,
  ): void => {
    const doc = el.ownerDocument;
    busy.add(el);
    maskingTo.set(el, p.masked);
    void (async () => {
      try {
        // The send is already stopped; masking runs in a task of its own so the key or click
        // that sent returns at once (a 5 KB insert can hold the page for a while in some fields).
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (!(await replaceAll(el, p.masked))) {
          // The send stays stopped: the next one is checked again and stopped again.
          report('send', 'mask', 'blocked', p.types);
          showNotice(doc, {
            message: `Hush could not mask ${describeTypes(p.types)} in this editor. Remove it before sending.`,
            signal,
          });
          return;
        }
      } finally {
        busy.delete(el);
        maskingTo.delete(el);
      }
      report('send', 'mask', 'masked', p.types);
      showNotice(doc, {
        message: `${maskedMessage(p.types)} before sending. Send again to send the masked text.`,
        signal,
        timeout: 12_000,
        onUndo: () => {
          void (async () => {
            if (!sameText(readText(el), p.masked)) return;
            if (await restore(el, text)) report('send', 'mask', 'undone', p.types);
          })();
        },
        onSendAnyway: guard.settings.overrideAllowed
          ? () => {
              if (!sameText(readText(el), p.masked)) {
                showNotice(doc, {
                  message: 'Hush: the message has changed since it was masked. Send it again.',
                  signal,
                });
                return;
              }
              void review(el, text, 'mask', p.findings, trigger, true);
            }
          : undefined,
      });
    })();
  };

  /** Replaces the editor's text with `text` through its input path; false if it did not take. */
  const restore = async (el: Editable, text: string): Promise<boolean> => {
    busy.add(el);
    try {
      return await replaceAll(el, text);
    } finally {
      busy.delete(el);
    }
  };

  /**
   * Opens the review panel for a stopped send and carries out the agent's choice. `kind` is why
   * it was stopped. For `mask`, the editor already holds the masked text and `text` is the
   * original, which "send anyway" puts back before sending.
   */
  const review = async (
    el: Editable,
    text: string,
    kind: 'block' | 'warn' | 'mask',
    findings: readonly PlannedFinding[],
    trigger: Trigger,
    startWithReason: boolean,
    notes: readonly string[] = [],
  ): Promise<void> => {
    const doc = el.ownerDocument;
    const { overrideAllowed, overrideReasonRequired } = guard.settings;
    const choice: ReviewChoice = await openReview({
      doc,
      site,
      text,
      findings,
      allowed: {
        maskAndSend: kind === 'mask',
        sendAnyway: kind !== 'block' && overrideAllowed,
        reasonRequired: overrideReasonRequired,
      },
      ...(alternative ? { approvedAlternative: alternative } : {}),
      startWithReason,
      notes,
      signal,
    });
    if (signal.aborted) return;
    const types = findings.filter((f) => f.action === kind).map((f) => f.type);
    switch (choice.kind) {
      case 'cancel':
        // A block was reported when it stopped the send; a mask when it masked.
        if (kind === 'warn') report('send', 'warn', 'cancelled', types);
        focusEditable(el);
        return;
      case 'edit': {
        if (kind === 'warn') report('send', 'warn', 'cancelled', types);
        // Show the agent the first value to change (the original when it is still there).
        const first = findings.find((f) => f.action === kind) ?? findings[0];
        const value = first ? text.slice(first.start, first.end) : '';
        if (!value || !(await selectText(el, value, 'first'))) focusEditable(el);
        return;
      }
      case 'mask-and-send':
        // The editor already holds the masked text: send it the way the agent first did.
        focusEditable(el);
        sendAgain(el, trigger);
        return;
      case 'send-anyway': {
        if (kind === 'block') return;
        if (kind === 'mask' && !(await restore(el, text))) {
          showNotice(doc, {
            message: 'Hush could not put the original text back in this editor.',
            signal,
          });
          return;
        }
        // The backstop must let these values through now that the agent released them.
        guard.released.add(findings.map((f) => text.slice(f.start, f.end)));
        report(
          'send',
          kind,
          kind === 'warn' ? 'warned' : 'overridden',
          types,
          maskReason(choice.reason),
        );
        const released = readText(el);
        const pass = { text: released, until: Date.now() + PASS_MS };
        passes.set(el, pass);
        focusEditable(el);
        const resent = sendAgain(el, trigger);
        // Chat sites empty the editor once they have sent. If it held the message all along,
        // the site did not take the replayed send: the agent sends it by hand, and it passes.
        // (Watched throughout, not once: an agent may already have typed the same text again.)
        for (let waited = 0; resent && waited < 600; waited += 50) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (signal.aborted || !el.isConnected || readText(el) !== released) return;
        }
        pass.until = Date.now() + PASS_MS;
        showNotice(doc, {
          message: 'Hush lets this message through once. If it was not sent, send it again.',
          signal,
        });
        return;
      }
    }
  };

  /**
   * The send key whose keydown the guard stopped, until its keyup. A stopped keydown is no send,
   * but the browser still delivers its keyup: a site that sends on the keyup (older chat widgets)
   * would send what the editor holds while it is being masked, raw values included, and an editor
   * that acts on Enter's keyup (Summernote's auto-link) would act on a key press it never saw
   * begin. So the keyup of a stopped send key is stopped too. Every send keydown sets it afresh,
   * so a keyup that went elsewhere (focus moved to another frame) cannot hold back a later one.
   */
  let heldKey: string | null = null;

  win.addEventListener(
    'keydown',
    (event) => {
      if (ownEvents.has(event)) return;
      if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing) return;
      heldKey = null;
      const el = editableFromEvent(event);
      if (!el) return;
      const target = event.composedPath()[0] ?? el;
      guardSend(event, el, {
        kind: 'key',
        target,
        init: {
          key: event.key,
          code: event.code,
          keyCode: event.keyCode,
          which: event.which,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
        } as KeyboardEventInit,
      });
      // The guard's capture listener is the page's first: a cancelled send key is its doing.
      if (event.defaultPrevented) heldKey = event.code || event.key;
    },
    listen,
  );

  win.addEventListener(
    'keyup',
    (event) => {
      if (heldKey === null || ownEvents.has(event)) return;
      if ((event.code || event.key) !== heldKey) return;
      heldKey = null;
      stop(event);
    },
    listen,
  );

  win.addEventListener(
    'click',
    (event) => {
      if (ownEvents.has(event)) return;
      const first = event.composedPath()[0] as Element | undefined;
      // Hush's own notices live in open shadow roots: none of their buttons is the site's Send.
      if (first && ownUi(first)) return;
      const button = first?.closest?.(SEND_BUTTON) as HTMLElement | null | undefined;
      if (!button) return;
      const el = editorFor(button.closest('form'), lastEditable);
      if (el) guardSend(event, el, { kind: 'click', target: button });
    },
    listen,
  );

  win.addEventListener(
    'submit',
    (event) => {
      if (ownEvents.has(event)) return;
      const form = event.target as HTMLFormElement;
      const el = editorFor(form, lastEditable);
      const submitter = (event as SubmitEvent).submitter ?? null;
      if (el) guardSend(event, el, { kind: 'submit', form, submitter });
    },
    listen,
  );

  // Edits to virtual editors, for guardSend to know when their view shows them. Registered after
  // the send listeners on purpose: a send key the guard stopped (stopImmediatePropagation) edited
  // nothing and is not noted, while one it let through may still edit (an editor where Enter is a
  // new line). Keys count since editors run commands on them (Backspace, undo) without input.
  for (const type of [
    'keydown',
    'beforeinput',
    'input',
    'paste',
    'cut',
    'drop',
    'compositionend',
  ] as const) {
    win.addEventListener(
      type,
      (event) => {
        const el = editableFromEvent(event);
        if (el && isVirtualView(el)) views.edited(el);
      },
      { capture: true, passive: true, signal },
    );
  }
}

/**
 * Sends again the way the agent sent: the same key on the same element, a click on the same
 * button, or the same form submitted. Sites listen for exactly these, so the site's own send
 * path runs. Returns false when the element is gone (the agent then sends by hand).
 */
function sendAgain(el: Editable, trigger: Trigger): boolean {
  switch (trigger.kind) {
    case 'key': {
      const target = trigger.target as Partial<Node> & EventTarget;
      const to = target.isConnected ? target : el;
      if (!el.isConnected) return false;
      const event = new KeyboardEvent('keydown', {
        ...trigger.init,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      let unhandled = to.dispatchEvent(event);
      // A browser follows a keydown nobody handled with keypress, which older sites send on,
      // then with beforeinput, which some editors (CKEditor 5) send from. Untrusted ones have no
      // default action, so nothing is inserted if no editor takes them.
      if (unhandled) {
        unhandled = to.dispatchEvent(
          new KeyboardEvent('keypress', {
            ...trigger.init,
            charCode: 13,
            bubbles: true,
            cancelable: true,
            composed: true,
          } as KeyboardEventInit),
        );
      }
      if (unhandled && !isTextField(el)) {
        to.dispatchEvent(
          new InputEvent('beforeinput', {
            inputType: 'insertParagraph',
            bubbles: true,
            cancelable: true,
            composed: true,
          }),
        );
      }
      // The key press ends with its keyup, which some sites send on. If the guard stopped the
      // keydown just now (a view not drawn yet), it stops this keyup as it does a person's.
      to.dispatchEvent(
        new KeyboardEvent('keyup', {
          ...trigger.init,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
      return true;
    }
    case 'click':
      if (!trigger.target.isConnected) return false;
      trigger.target.click();
      return true;
    case 'submit':
      if (!trigger.form.isConnected) return false;
      trigger.form.requestSubmit(
        trigger.submitter?.isConnected && trigger.form.contains(trigger.submitter)
          ? trigger.submitter
          : null,
      );
      return true;
  }
}

/** Whether `node` is inside one of Hush's own open shadow roots (a notice). */
function ownUi(node: Node): boolean {
  const root = node.getRootNode?.() as Partial<ShadowRoot> | undefined;
  const id = root?.host?.id;
  return id === NOTICE_HOST_ID || id === FIRST_VISIT_HOST_ID;
}

/**
 * The text a paste or drop carries: its plain text, else the text of its HTML (parsed inert, by
 * DOMParser, which runs no script and loads nothing).
 */
function transferText(data: DataTransfer): string {
  const plain = data.getData('text/plain');
  if (plain) return plain;
  const html = data.getData('text/html');
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.body?.textContent ?? '';
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

/** What a paste brought besides values (issue 7), remembered per editor until it is sent. */
interface PasteMark {
  /** The pasted text, to tell whether it is still in the editor. */
  text: string;
  copy?: CopyHit & { level: Level };
  /** Instruction passages (the warning shows them). */
  passages: string[];
  /** One sentence per hidden part or invisible run: how, where, and what it hid. */
  hidden: string[];
}

const TYPE_INFO_LEVEL: Record<Level, string> = {
  PUBLIC: 'public',
  INTERNAL: 'internal',
  CONFIDENTIAL: 'confidential',
  RESTRICTED: 'restricted',
};

/** "1 instruction aimed at an AI, hidden text (display:none)": what a paste carried. */
function describeCarried(c: {
  passages: string[];
  invisible: InvisibleRun[];
  hidden: HiddenPart[];
}): string {
  const parts: string[] = [];
  const n = c.passages.length;
  if (n > 0) parts.push(`${n} instruction${n === 1 ? '' : 's'} aimed at an AI`);
  if (c.hidden.length > 0) {
    parts.push(`hidden text (${[...new Set(c.hidden.map((h) => h.how))].join(', ')})`);
  }
  if (c.invisible.length > 0) {
    parts.push(`invisible characters (${[...new Set(c.invisible.map((r) => r.kind))].join(', ')})`);
  }
  return parts.join(', ');
}

/** "Invisible characters (zero-width) at line 2" (tag characters also say what they spell). */
function invisibleNote(text: string, run: InvisibleRun): string {
  const line = text.slice(0, run.start).split('\n').length;
  const spelled = run.spelled ? `, spelling "${run.spelled}"` : '';
  return `Invisible characters (${run.kind}) at line ${line}${spelled}`;
}
