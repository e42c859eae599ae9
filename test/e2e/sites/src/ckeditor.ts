// CKEditor 5, classic editor with only Essentials and Paragraph, under its GPL licence key.
import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { startChat } from './shell.ts';

/** getData() gives HTML; a chat site sends it as text: one line a paragraph, <br> a newline. */
function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  for (const block of Array.from(doc.body.children)) {
    let line = '';
    for (const node of Array.from(block.childNodes)) {
      if (node.nodeName === 'BR') line += '\n';
      else line += node.textContent ?? '';
    }
    lines.push(line.replace(/\u00a0/g, ' '));
  }
  return lines.join('\n');
}

void startChat(async (mount, send) => {
  const host = document.createElement('div');
  mount.append(host);
  const editor = await ClassicEditor.create({
    attachTo: host,
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph],
    toolbar: [],
  });
  // Enter and Shift+Enter both reach the view as "enter"; a soft one (Shift) stays a line break.
  editor.editing.view.document.on(
    'enter',
    (event, data) => {
      if (data.isSoft) return;
      data.preventDefault();
      event.stop();
      send();
    },
    { priority: 'high' },
  );
  // The view re-renders its root's DOM attributes, so they are set through the view, not the DOM.
  editor.editing.view.change((writer) => {
    const root = editor.editing.view.document.getRoot();
    if (!root) return;
    writer.setAttribute('id', 'prompt', root);
    writer.setAttribute('aria-labelledby', 'editor-label', root);
  });
  return {
    getText: () => htmlToText(editor.getData()),
    clear: () => editor.setData(''),
    focus: () => editor.editing.view.focus(),
  };
});
