// Ace (Cloud9's editor), text mode. Like Monaco it edits through a hidden <textarea> that holds
// at most the current line, and draws the document in layers of its own.
import ace from 'ace-builds';
import { startChat } from './shell.ts';

void startChat((mount, send) => {
  const host = document.createElement('div');
  host.style.height = '8rem';
  mount.append(host);
  const editor = ace.edit(host, {
    showGutter: false,
    showPrintMargin: false,
    highlightActiveLine: false,
    // No soft wrap, as in monaco.ts: the tests compare the drawn text with the message.
    wrap: false,
    fontSize: 14,
  });
  editor.session.setNewLineMode('unix');
  // Enter sends; Shift+Enter is left to Ace, which inserts a newline.
  editor.commands.addCommand({
    name: 'send',
    bindKey: { win: 'Enter', mac: 'Enter' },
    exec: () => {
      send();
      return true;
    },
  });
  editor.textInput.getElement().setAttribute('aria-labelledby', 'editor-label');
  // The content box (the text layer and the cursor) is what the user sees and clicks: it is this
  // page's #prompt. Not the text layer itself: it is a million pixels tall and takes no clicks.
  const content = host.querySelector<HTMLElement>('.ace_content');
  if (!content) throw new Error('Ace has no content box');
  content.id = 'prompt';
  return {
    getText: () => editor.getValue(),
    clear: () => {
      editor.setValue('');
    },
    focus: () => editor.focus(),
  };
});
