// Squire (Fastmail's editor): the DOM is its model; it handles keys, paste and undo itself and
// sanitises pasted HTML with DOMPurify.
import DOMPurify from 'dompurify';
import Squire from 'squire-rte';
import { asPrompt, blockText, isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const root = document.createElement('div');
  asPrompt(root);
  mount.append(root);
  const editor = new Squire(root, {
    sanitizeToDOMFragment: (html) =>
      document.importNode(DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }), true),
  });
  // Squire's own key handler table: Enter sends. Shift+Enter starts a new block: Squire's default
  // there puts a <br> at the end of the block, where Chromium types the next line before it.
  editor.setKeyHandler('Enter', (_self, event) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    send();
  });
  editor.setKeyHandler('Shift-Enter', (self, event) => {
    event.preventDefault();
    self.splitBlock(false);
  });
  return {
    getText: () => blockText(root),
    clear: () => editor.setHTML(''),
    focus: () => editor.focus(),
  };
});
