/**
 * Finding the field text goes into, reading it, and changing it THROUGH THE EDITOR'S OWN INPUT
 * PATH. Issue 3: a change made behind an editor's back (setting `value` or `innerHTML`) leaves
 * its model unchanged, and the model is what the site sends. So text goes in either as the
 * browser's own editing command (which fires beforeinput/input, what frameworks and plain
 * contenteditable listen to) or as a paste event, which every editor library handles itself.
 */

/**
 * A text field, the root of a contenteditable editor, the element of an EditContext editor, or
 * the view of a virtual-view editor (see VIRTUAL_VIEWS).
 */
export type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel']);

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  if (el.localName === 'textarea') return true;
  return el.localName === 'input' && TEXT_INPUT_TYPES.has((el as HTMLInputElement).type);
}

/**
 * The editable an event happened in, from its composed path (so fields inside open shadow roots
 * count): a text field, or the OUTERMOST contenteditable element around the target, which is the
 * editor's root (ProseMirror, Lexical, Quill, CodeMirror all keep their whole document under one).
 */
export function editableFromEvent(event: Event): Editable | null {
  const first = event.composedPath()[0] as Partial<Node> | undefined;
  // nodeType, not instanceof: nodes of a same-origin iframe belong to another realm.
  if (!first || typeof first.nodeType !== 'number') return null;
  const direct = editableFrom(first as Node);
  if (direct || first.nodeType !== Node.ELEMENT_NODE) return direct;
  // A closed shadow root hides where the event happened: seen from outside, its host is the
  // first node. Keys, pastes and focus go to the element focused inside it.
  const inner = focusedInClosedShadow(first as Element);
  return inner ? editableFrom(inner) : null;
}

/**
 * The element focused inside `el`'s closed shadow root (and inside closed roots within it),
 * through the API only an extension has: Chrome's chrome.dom.openOrClosedShadowRoot, Firefox's
 * element.openOrClosedShadowRoot. Null when `el` hosts no closed root, or outside an extension.
 */
function focusedInClosedShadow(el: Element): Element | null {
  let found: Element | null = null;
  for (let host: Element | null = el, depth = 0; host && depth < 8; depth++) {
    const active: Element | null = closedShadowRoot(host)?.activeElement ?? null;
    if (active) found = active;
    host = active;
  }
  return found;
}

type ShadowOpener = { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } };

function closedShadowRoot(el: Element): ShadowRoot | null {
  // An open root is one the composed path already went into.
  if (el.shadowRoot) return null;
  const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null })
    .openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const chrome = (globalThis as { chrome?: ShadowOpener }).chrome;
  try {
    return chrome?.dom?.openOrClosedShadowRoot?.(el) ?? null;
  } catch {
    return null;
  }
}

export function editableFrom(node: Node): Editable | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return null;
  const view = virtualViewFrom(el);
  if (view) return view;
  if (isTextField(el)) return el;
  // An EditContext editor (a standard API, Chromium 121+) edits an element that is neither a
  // field nor contenteditable; its element is its root.
  if (hasEditContext(el)) return el as HTMLElement;
  if (!(el as HTMLElement).isContentEditable) return null;
  let root = el as HTMLElement;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** Whether `el` is edited through an EditContext (`el.editContext`, not yet in every DOM lib). */
function hasEditContext(el: Element): boolean {
  return !!(el as Element & { editContext?: unknown }).editContext;
}

/**
 * Editors that edit through a hidden input and draw their document elsewhere. Typing and pasting
 * go to an input the user never sees (a 1-pixel textarea, or an EditContext element) that holds
 * at most the current line; the document is drawn as lines in a view of the editor's own. So the
 * focused element says nothing about the text that will be sent: the guard must read the view.
 * A content script cannot reach the editor's model (it runs in another JavaScript world), and no
 * DOM standard links such an input to where its text is drawn, so each library's view is named
 * here. Text still goes in through the hidden input, which every one of them takes paste events
 * and its select-all key on.
 */
interface VirtualView {
  /** The editor's outermost element. */
  editor: string;
  /** Its hidden input (what has focus and gets key and clipboard events). */
  input: string;
  /** Where its document is drawn. */
  view: string;
  /** The drawn document's text, lines separated by "\n". */
  read(view: HTMLElement): string;
}

/** Document lines drawn as absolutely placed elements: in the order of their `top`. */
function byTop(elements: Iterable<Element>): HTMLElement[] {
  const top = (e: HTMLElement): number => parseFloat(e.style.top) || 0;
  return [...elements].map((e) => e as HTMLElement).sort((a, b) => top(a) - top(b));
}

/** Rendered text with the U+00A0 editors draw for spaces turned back into spaces. */
const drawn = (el: Element): string => (el.textContent ?? '').replace(/\u00a0/g, ' ');

export const VIRTUAL_VIEWS: readonly VirtualView[] = [
  {
    // Monaco (VS Code's editor): an EditContext element in Chromium, a textarea elsewhere. Each
    // drawn row is a .view-line; a soft-wrapped line is several rows with nothing to tell them
    // apart, but a word wrap breaks after a space and keeps it on the upper row, while a line the
    // user ended rarely ends in a space: such rows are joined into one line.
    editor: '.monaco-editor',
    input: '.native-edit-context, textarea.inputarea',
    view: '.view-lines',
    read: (view) => {
      let text = '';
      for (const [k, row] of byTop(view.querySelectorAll(':scope > .view-line')).entries()) {
        if (k > 0 && !/\s$/.test(text)) text += '\n';
        text += drawn(row);
      }
      return text;
    },
  },
  {
    // Ace: a 1-pixel textarea. One .ace_line_group a document line, holding one .ace_line a
    // drawn row when the line is soft-wrapped (the rows after the first start with the wrap's
    // indent); without wrapping, .ace_line elements stand for lines directly.
    editor: '.ace_editor',
    input: 'textarea.ace_text-input',
    view: '.ace_text-layer',
    read: (view) =>
      byTop(view.querySelectorAll(':scope > .ace_line_group, :scope > .ace_line'))
        .map((line) => {
          const rows = line.classList.contains('ace_line_group')
            ? [...line.querySelectorAll(':scope > .ace_line')]
            : [line];
          return rows.map((row, k) => (k === 0 ? drawn(row) : drawn(row).trimStart())).join('');
        })
        .join('\n'),
  },
  {
    // CodeMirror 5 on desktop: a hidden textarea (in a div of its own right under the editor)
    // that it empties after each keystroke. Each document line is a pre.CodeMirror-line, in a
    // div of its own when the line has widgets; an empty line holds a zero-width space. Only the
    // lines in and near the viewport are drawn (as in Monaco). In its "contenteditable" input
    // style there is no textarea: the code element is an ordinary contenteditable editor.
    editor: '.CodeMirror',
    input: '.CodeMirror > div > textarea',
    view: '.CodeMirror-code',
    read: (view) =>
      [...view.querySelectorAll(':scope > pre.CodeMirror-line, :scope > div > pre.CodeMirror-line')]
        .map((line) => drawn(line).replace(/\u200b/g, ''))
        .join('\n'),
  },
];

const VIRTUAL_EDITORS = VIRTUAL_VIEWS.map((v) => v.editor).join(', ');

/** The view `el` belongs to, when it is a known virtual editor's hidden input or in its view. */
function virtualViewFrom(el: Element): HTMLElement | null {
  const editor = el.closest(VIRTUAL_EDITORS);
  if (!editor) return null;
  for (const spec of VIRTUAL_VIEWS) {
    if (!editor.matches(spec.editor)) continue;
    if (el.matches(spec.input)) return viewIn(editor, spec) as HTMLElement | null;
    // Drawn text (where a drop lands) belongs to the nearest editor's own view.
    const view = el.closest(spec.view);
    return view && view.closest(spec.editor) === editor ? (view as HTMLElement) : null;
  }
  return null;
}

/** The element of `selector` that belongs to `editor` itself, not to an editor nested in it. */
function ownPart(editor: Element, selector: string, spec: VirtualView): Element | null {
  for (const part of editor.querySelectorAll(selector)) {
    if (part.closest(spec.editor) === editor) return part;
  }
  return null;
}

const viewIn = (editor: Element, spec: VirtualView): Element | null =>
  ownPart(editor, spec.view, spec);

/** The spec and hidden input of a virtual editor's view; null for any other editable. */
function virtualParts(el: Editable): { spec: VirtualView; input: HTMLElement } | null {
  if (isTextField(el)) return null;
  for (const spec of VIRTUAL_VIEWS) {
    if (!el.matches(spec.view)) continue;
    const editor = el.closest(spec.editor);
    const input = editor ? ownPart(editor, spec.input, spec) : null;
    return input ? { spec, input: input as HTMLElement } : null;
  }
  return null;
}

/** Whether `el` is the view of an editor that edits through a hidden input. */
export function isVirtualView(el: Editable): boolean {
  return virtualParts(el) !== null;
}

/**
 * Puts focus in `el`: the field or editor itself, or a virtual editor's hidden input (its view
 * takes no focus).
 */
export function focusEditable(el: Editable): void {
  (virtualParts(el)?.input ?? el).focus();
}

/** The text as the user sees it: the field's value, or the editor's rendered text. */
export function readText(el: Editable): string {
  if (isTextField(el)) return el.value;
  const virtual = virtualParts(el);
  if (virtual) return virtual.spec.read(el);
  // innerText follows the rendering (line breaks between blocks); Chromium keeps trailing
  // spaces as U+00A0, which no detector should have to know about.
  return el.innerText.replace(/\u00a0/g, ' ');
}

/** Events the guard made itself: its own window listeners must let them through. */
export const ownEvents = new WeakSet<Event>();

/**
 * Inserts `text` at the current selection of `el` (replacing what is selected), the way a user's
 * own input would. Returns whether the field now contains the text.
 */
export function insertText(el: Editable, text: string): boolean {
  const doc = el.ownerDocument;
  if (isTextField(el)) {
    // execCommand fires beforeinput and input like typing does, and keeps the field's undo stack.
    if (doc.execCommand('insertText', false, text) && el.value.includes(text)) return true;
    const start = el.selectionStart ?? el.value.length;
    el.setRangeText(text, start, el.selectionEnd ?? start, 'end');
    el.dispatchEvent(
      new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
    );
    return true;
  }
  // Editor libraries handle paste themselves and update their model; a DataTransfer carries it.
  const virtual = virtualParts(el);
  if (virtual) virtual.input.focus();
  const target = virtual?.input ?? pasteTarget(el);
  const before = readText(el);
  const transfer = new DataTransfer();
  transfer.setData('text/plain', text);
  const event = new ClipboardEvent('paste', {
    clipboardData: transfer,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  ownEvents.add(event);
  const notHandled = target.dispatchEvent(event);
  // A virtual editor draws the change in a later frame; it has no DOM fallback anyway.
  if (!notHandled || readText(el) !== before || virtual) return true;
  // A bare contenteditable: the browser ignores an untrusted paste, so insert as typing does.
  return doc.execCommand('insertText', false, text);
}

/** Where a paste goes: the focused element inside the editor, else the editor's root. */
function pasteTarget(el: HTMLElement): HTMLElement {
  const sel = el.ownerDocument.getSelection();
  const anchor = sel?.anchorNode;
  const inside = anchor && el.contains(anchor) ? anchor : null;
  if (!inside) return el;
  return (
    ((inside.nodeType === Node.ELEMENT_NODE ? inside : inside.parentElement) as HTMLElement) ?? el
  );
}

/**
 * Replaces everything in `el` with `text` through the editor's input path, and checks that the
 * editor shows it afterwards. Some editors take a new DOM selection late (slate-react throttles
 * its selectionchange handler to 100 ms), so a paste can land at the old caret; selecting all
 * and pasting again is idempotent, so it retries with longer waits. Returns false when the
 * editor never showed the text (the caller keeps the send stopped: fail closed).
 */
export async function replaceAll(el: Editable, text: string): Promise<boolean> {
  const virtual = virtualParts(el);
  for (const settle of [0, 150, 400]) {
    focusEditable(el);
    if (isTextField(el)) {
      el.select();
    } else if (virtual) {
      // Its selection is in its model, not the DOM: select all with the editor's own key.
      selectAllByKey(virtual.input);
      await tick(settle);
    } else {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      await applySelection(el.ownerDocument, range, settle);
    }
    const before = readText(el);
    insertText(el, text);
    // Frameworks (React) render the model change after the event; give them a task. Virtual
    // editors draw it in an animation frame.
    await tick();
    await tick();
    if (virtual) await frame(el.ownerDocument.defaultView);
    // Some editors apply a paste in a timer of their own (Quill 1 reads its clipboard element
    // after 1 ms, later on a loaded machine): pasting again before it has would insert the text
    // twice, so wait for a change first (see changedFrom).
    const now = await changedFrom(el, before, CHANGE_WAIT_MS);
    if (sameText(now, text)) return true;
    // Emptied meanwhile: the agent sent what was there (the send guard lets a send through once
    // the editor shows the masked text). Inserting again would put a sent message back.
    if (now.trim() === '') return true;
  }
  return false;
}

/** How long replaceAll waits for an editor to show a paste before it pastes again. */
const CHANGE_WAIT_MS = 400;

/**
 * The text of `el` once it differs from `before`, or as it is after `limitMs`: read after each
 * short timer, since the editor's own timer is what applies the change.
 */
async function changedFrom(el: Editable, before: string, limitMs: number): Promise<string> {
  const until = Date.now() + limitMs;
  let now = readText(el);
  while (now === before && Date.now() < until) {
    await tick(10);
    now = readText(el);
  }
  return now;
}

/** Equal apart from whitespace: editors render line breaks between blocks differently. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The next animation frame. replaceAll reads a virtual editor's view after it: the editor asked
 * for its own frame while handling the paste, before this one, so its drawing runs first. The
 * timeout only ends the wait where frames do not come (a hidden tab); nothing is drawn there
 * either, so the read that follows finds the old text and replaceAll fails closed.
 */
const frame = (win: Window | null): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, 1_000);
    win?.requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Whether each virtual editor's view shows every edit made to it, for a send to be decided on
 * the text the editor holds. Ace (its RenderLoop) and Monaco (its EditorRenderingCoordinator)
 * change their model while handling an input event and draw it in an animation frame they ask
 * for there and then. Animation frame callbacks run in the order they were asked for, so a frame
 * asked for once the event has been dispatched (from a task of its own) runs after the editor's
 * drawing: when it has run, the view shows every edit made before that task, however late the
 * frame came. Wall-clock time says nothing about that: on a loaded machine the page can handle a
 * send key before a frame that was due long ago. Counting frames, not waiting for the view to
 * change, also settles edits that draw nothing (an arrow key, Backspace at the start, a closing
 * bracket typed over), which would otherwise look like edits not drawn yet.
 */
export interface ViewSync {
  /**
   * Notes an edit to a virtual editor's view `el` (a key, input, clipboard, drop or composition
   * event on it), from a listener that runs before or while the editor handles it.
   */
  edited(el: Editable): void;
  /** Whether `el`'s view shows every edit noted so far (always, for an editor never edited). */
  drawn(el: Editable): boolean;
  /**
   * Resolves true once drawn(el), or false if it is still not after `limitMs`, which happens only
   * where frames do not come (a hidden tab): the caller must then not send.
   */
  whenDrawn(el: Editable, limitMs: number): Promise<boolean>;
}

/** What ViewSync needs from the browser; tests pass their own to run tasks and frames by hand. */
export interface FrameClock {
  /** Runs `run` in a task of its own, after the event being dispatched and all its handlers. */
  task(run: () => void): void;
  /** Runs `run` in `win`'s next animation frame. */
  frame(win: Window, run: () => void): void;
  /** Runs `run` after `ms`; returns what cancels it. */
  after(ms: number, run: () => void): () => void;
}

const browserClock: FrameClock = {
  task: (run) => void setTimeout(run, 0),
  frame: (win, run) => void win.requestAnimationFrame(run),
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/** A ViewSync for the views of one guard (its own listeners note the edits). */
export function syncViews(clock: FrameClock = browserClock): ViewSync {
  interface State {
    /** Edits noted so far. */
    edits: number;
    /** How many of them the view is known to show. */
    shown: number;
    /** Whether a task and frame to settle the latest edits are under way. */
    settling: boolean;
    waiters: Set<() => void>;
  }
  const states = new WeakMap<Editable, State>();

  const settle = (el: Editable, s: State): void => {
    const win = el.ownerDocument.defaultView;
    if (!win) {
      // A document without a window draws nothing and sends nothing.
      s.shown = s.edits;
      return;
    }
    s.settling = true;
    clock.task(() => {
      // Every edit noted by now has been handled, and its editor has asked for its frame.
      const upTo = s.edits;
      clock.frame(win, () => {
        s.settling = false;
        s.shown = Math.max(s.shown, upTo);
        if (s.shown < s.edits) settle(el, s);
        else for (const wake of [...s.waiters]) wake();
      });
    });
  };

  return {
    edited(el) {
      let s = states.get(el);
      if (!s) states.set(el, (s = { edits: 0, shown: 0, settling: false, waiters: new Set() }));
      s.edits += 1;
      if (!s.settling) settle(el, s);
    },
    drawn(el) {
      const s = states.get(el);
      return !s || s.shown >= s.edits;
    },
    whenDrawn(el, limitMs) {
      const s = states.get(el);
      if (!s || s.shown >= s.edits) return Promise.resolve(true);
      return new Promise((resolve) => {
        const finish = (drawn: boolean): void => {
          s.waiters.delete(wake);
          cancel();
          resolve(drawn);
        };
        const wake = (): void => finish(true);
        s.waiters.add(wake);
        const cancel = clock.after(limitMs, () => finish(false));
      });
    },
  };
}

/** True on Apple platforms, where select-all is Command+A. */
function onMac(win: Window | null): boolean {
  const nav = win?.navigator as (Navigator & { userAgentData?: { platform: string } }) | undefined;
  return /mac|iphone|ipad/i.test(nav?.userAgentData?.platform ?? nav?.platform ?? '');
}

/**
 * Presses the platform's select-all key on `input`. Code editors bind it to their own select-all
 * command, which selects the whole model (a DOM range cannot, since the model is not the DOM).
 */
function selectAllByKey(input: HTMLElement): void {
  const mac = onMac(input.ownerDocument.defaultView);
  const init = {
    key: 'a',
    code: 'KeyA',
    keyCode: 65,
    which: 65,
    ctrlKey: !mac,
    metaKey: mac,
    bubbles: true,
    cancelable: true,
    composed: true,
  } as KeyboardEventInit;
  for (const type of ['keydown', 'keyup'] as const) {
    const event = new KeyboardEvent(type, init);
    ownEvents.add(event);
    input.dispatchEvent(event);
  }
}

/**
 * Selects the last occurrence of `expected` in `el` (what the guard just inserted), so Undo can
 * replace it through the same input path; or the first (`which`), to show the agent a value.
 * Line breaks are ignored when matching in an editor, since blocks are separate elements there.
 * Returns false when the text is no longer there.
 */
export async function selectText(
  el: Editable,
  expected: string,
  which: 'first' | 'last' = 'last',
): Promise<boolean> {
  focusEditable(el);
  // A virtual editor's selection lives in its model, out of reach of DOM ranges.
  if (isVirtualView(el)) return false;
  if (isTextField(el)) {
    const at = which === 'last' ? el.value.lastIndexOf(expected) : el.value.indexOf(expected);
    if (at < 0) return false;
    el.setSelectionRange(at, at + expected.length);
    return true;
  }
  const doc = el.ownerDocument;
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const joined = nodes.map((n) => n.data).join('');
  const wanted = expected.replace(/\n/g, '');
  const at = which === 'last' ? joined.lastIndexOf(wanted) : joined.indexOf(wanted);
  if (at < 0 || wanted === '') return false;
  const range = doc.createRange();
  let offset = 0;
  for (const n of nodes) {
    const next = offset + n.data.length;
    if (at >= offset && at <= next) range.setStart(n, at - offset);
    if (at + wanted.length >= offset && at + wanted.length <= next) {
      range.setEnd(n, at + wanted.length - offset);
      break;
    }
    offset = next;
  }
  await applySelection(doc, range);
  range.startContainer.parentElement?.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/**
 * Puts the caret where the pointer is (a drop's position, in `el`'s own viewport), so text the
 * guard inserts instead of a drop lands where the agent dropped it. Falls back to the end of the
 * field when the point is not inside it.
 */
export async function placeCaretAt(el: Editable, x: number, y: number): Promise<void> {
  const doc = el.ownerDocument;
  focusEditable(el);
  // A virtual editor keeps its caret in its model: the text goes in at its caret.
  if (isVirtualView(el)) return;
  // Chromium 128+ answers with the text control itself and an offset into its value.
  const pos = doc.caretPositionFromPoint?.(x, y) ?? null;
  if (isTextField(el)) {
    const at = pos?.offsetNode === el ? pos.offset : el.value.length;
    el.setSelectionRange(at, at);
    return;
  }
  const range = doc.createRange();
  if (pos && el.contains(pos.offsetNode)) {
    range.setStart(pos.offsetNode, pos.offset);
    range.collapse(true);
  } else {
    range.selectNodeContents(el);
    range.collapse(false);
  }
  await applySelection(doc, range);
}

/**
 * Sets the DOM selection and waits for the editor to take it: editors read the DOM selection on
 * `selectionchange`, which the browser fires asynchronously, so a paste dispatched at once would
 * replace the OLD selection in the editor's model. The 50 ms cap covers a selection that did not
 * change (no event comes then).
 */
async function applySelection(doc: Document, range: Range, settle = 0): Promise<void> {
  const seen = new Promise<void>((resolve) => {
    const done = (): void => {
      doc.removeEventListener('selectionchange', done);
      resolve();
    };
    doc.addEventListener('selectionchange', done);
    setTimeout(done, 50);
  });
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  await seen;
  // Let listeners registered after ours (or throttled) run too.
  await tick(settle);
}
