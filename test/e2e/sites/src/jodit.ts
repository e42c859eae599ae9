// Jodit: a contenteditable box with its own event bus, paste handling and Enter plugin, built on
// a textarea it hides (and keeps in sync), with no toolbar here.
import { Jodit } from 'jodit';
import 'jodit/es2021/jodit.min.css';
import { asPrompt, isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const area = document.createElement('textarea');
  mount.append(area);
  const editor = Jodit.make(area, {
    toolbar: false,
    statusbar: false,
    showCharsCounter: false,
    showWordsCounter: false,
    showXPathInStatusbar: false,
    askBeforePasteHTML: false,
    askBeforePasteFromWord: false,
    defaultActionOnPaste: 'insert_only_text',
    enter: 'p',
    minHeight: 80,
  });
  const editable = editor.editor;
  asPrompt(editable);
  // Jodit's event bus: a handler that returns false stops Jodit's own Enter handling.
  editor.e.on(
    'keydown',
    (event: KeyboardEvent) => {
      if (!isSendKey(event)) return;
      event.preventDefault();
      send();
      return false;
    },
    { top: true },
  );
  return {
    getText: () => editor.text.replace(/\u00a0/g, ' '),
    clear: () => {
      editor.value = '';
    },
    focus: () => editor.s.focus(),
  };
});
