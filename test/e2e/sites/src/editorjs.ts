// Editor.js, a block editor: every paragraph is a contenteditable element of its own under a
// holder that is not editable, and the text is read with its asynchronous save().
import EditorJS from '@editorjs/editorjs';
import { isSendKey, startChat } from './shell.ts';

/** A saved paragraph's HTML as text: <br> is a newline, entities are decoded. */
function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const br of Array.from(doc.body.querySelectorAll('br'))) br.replaceWith('\n');
  return (doc.body.textContent ?? '').replace(/\u00a0/g, ' ');
}

void startChat(async (mount, send) => {
  const holder = document.createElement('div');
  holder.id = 'editorjs';
  mount.append(holder);
  // Capture on the mount: before Editor.js's own Enter handling, which would split the block.
  mount.addEventListener(
    'keydown',
    (event) => {
      if (isSendKey(event)) {
        event.preventDefault();
        event.stopPropagation();
        send();
      }
    },
    { capture: true },
  );
  const editor = new EditorJS({ holder, minHeight: 0, placeholder: 'Message' });
  await editor.isReady;
  // The blocks' container is what the user sees and clicks: it is this page's #prompt.
  const redactor = holder.querySelector<HTMLElement>('.codex-editor__redactor');
  if (!redactor) throw new Error('Editor.js has no redactor');
  redactor.id = 'prompt';
  redactor.setAttribute('role', 'group');
  redactor.setAttribute('aria-labelledby', 'editor-label');
  return {
    getText: async () => {
      const { blocks } = await editor.save();
      return blocks.map((b) => htmlToText(String(b.data.text ?? ''))).join('\n');
    },
    clear: () => {
      editor.blocks.clear();
    },
    focus: () => {
      editor.focus();
    },
  };
});
