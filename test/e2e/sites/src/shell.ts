/**
 * The part every fixture chat page shares: the Send button, the sent list, the network call and
 * the ready flag. Each editor page only says how to read, clear and focus its own editor, so the
 * text that leaves the page always comes from the editor's own model, as on the real sites.
 */

/** What a page tells the shell about its editor. */
export interface ChatEditor {
  /**
   * The message as the editor's model holds it (not the DOM), lines separated by "\n". Some
   * editors (Editor.js) only give it asynchronously.
   */
  getText(): string | Promise<string>;
  /** Empties the editor through its own API, as a chat site does after sending. */
  clear(): void;
  focus(): void;
}

/** Creates the editor inside `mount`; `send` is what the editor's Enter key handler calls. */
export type CreateEditor = (
  mount: HTMLElement,
  send: () => void,
) => ChatEditor | Promise<ChatEditor>;

declare global {
  interface Window {
    __editorReady?: boolean;
  }
}

/** The accessible name every editor gets; the label element is #editor-label. */
export const EDITOR_LABEL = 'Message';

export async function startChat(create: CreateEditor): Promise<void> {
  const mount = document.getElementById('editor')!;
  const button = document.querySelector<HTMLButtonElement>('button[data-testid=send]')!;
  const list = document.getElementById('sent')!;
  const status = document.getElementById('status')!;

  let editor: ChatEditor | undefined;
  const send = (): void => {
    const current = editor;
    if (!current) return;
    const raw = current.getText();
    // A synchronous read posts within the key handler, as most sites do.
    if (typeof raw === 'string') post(current, raw);
    else void raw.then((text) => post(current, text));
  };
  const post = (from: ChatEditor, raw: string): void => {
    // Chat sites trim the message and refuse to send an empty one.
    const text = raw.trim();
    if (text === '') return;
    void fetch('/api/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    const item = document.createElement('li');
    item.textContent = text;
    list.append(item);
    from.clear();
    from.focus();
  };

  try {
    editor = await create(mount, send);
  } catch (error) {
    status.textContent = `error: ${String(error)}`;
    throw error;
  }
  button.addEventListener('click', send);
  status.textContent = 'ready';
  window.__editorReady = true;
}

/** True for the key press that sends: Enter without Shift, outside an IME composition. */
export function isSendKey(event: KeyboardEvent | null | undefined): boolean {
  return !!event && event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}

/**
 * Makes `el` the page's composer as the tests and the label find it: `#prompt`, a multi-line
 * textbox named by #editor-label.
 */
export function asPrompt(el: HTMLElement): void {
  el.id = 'prompt';
  el.setAttribute('role', 'textbox');
  el.setAttribute('aria-multiline', 'true');
  el.setAttribute('aria-labelledby', 'editor-label');
}

/**
 * A bare contenteditable `<div id="prompt">` in `mount`, with no library behind it (the browser
 * edits the DOM itself), and the ChatEditor that reads it. Pages add their own key handling.
 */
export function bareEditable(mount: HTMLElement): { box: HTMLDivElement; editor: ChatEditor } {
  const box = document.createElement('div');
  box.contentEditable = 'true';
  asPrompt(box);
  mount.append(box);
  const editor: ChatEditor = {
    // The DOM is the only model here; Chromium keeps trailing spaces as U+00A0.
    getText: () => box.innerText.replace(/\u00a0/g, ' '),
    clear: () => {
      box.replaceChildren();
    },
    focus: () => box.focus(),
  };
  return { box, editor };
}

/** Elements that start and end a line in an editor's DOM. */
const BLOCK = /^(?:P|DIV|LI|H[1-6]|BLOCKQUOTE|PRE|UL|OL|TABLE|TR)$/;

/**
 * The plain text of an editor whose model is its DOM (or HTML): one line per block or <br>. A
 * <br> that ends its block is the browser's placeholder that keeps the block open, not a line.
 */
export function blockText(root: Node): string {
  const lines: string[] = [];
  let line = '';
  const endLine = (): void => {
    lines.push(line);
    line = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) line += child.nodeValue ?? '';
      else if (child.nodeName === 'BR') {
        if (child.nextSibling || !BLOCK.test(node.nodeName)) endLine();
      } else if (BLOCK.test(child.nodeName)) {
        if (line !== '') endLine();
        walk(child);
        endLine();
      } else walk(child);
    }
  };
  walk(root);
  if (line !== '') endLine();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}
