/**
 * Finding the field text goes into, reading it, and changing it THROUGH THE EDITOR'S OWN INPUT
 * PATH. Issue 3: a change made behind an editor's back (setting `value` or `innerHTML`) leaves
 * its model unchanged, and the model is what the site sends. So text goes in either as the
 * browser's own editing command (which fires beforeinput/input, what frameworks and plain
 * contenteditable listen to) or as a paste event, which every editor library handles itself.
 */

/** A text field or the root of a contenteditable editor. */
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
  return first && typeof first.nodeType === 'number' ? editableFrom(first as Node) : null;
}

export function editableFrom(node: Node): Editable | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return null;
  if (isTextField(el)) return el;
  if (!(el as HTMLElement).isContentEditable) return null;
  let root = el as HTMLElement;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** The text as the user sees it: the field's value, or the editor's rendered text. */
export function readText(el: Editable): string {
  if (isTextField(el)) return el.value;
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
  const target = pasteTarget(el);
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
  if (!notHandled || readText(el) !== before) return true;
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
  for (const settle of [0, 150, 400]) {
    el.focus();
    if (isTextField(el)) {
      el.select();
    } else {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      await applySelection(el.ownerDocument, range, settle);
    }
    insertText(el, text);
    // Frameworks (React) render the model change after the event; give them a task.
    await tick();
    await tick();
    const now = readText(el);
    if (sameText(now, text)) return true;
    // Emptied meanwhile: the agent sent what was there (the send guard lets a send through once
    // the editor shows the masked text). Inserting again would put a sent message back.
    if (now.trim() === '') return true;
  }
  return false;
}

/** Equal apart from whitespace: editors render line breaks between blocks differently. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
  el.focus();
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
  el.focus();
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
