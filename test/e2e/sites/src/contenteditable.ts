// A bare contenteditable <div> with no library behind it: the browser edits the DOM itself.
import { isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const box = document.createElement('div');
  box.id = 'prompt';
  box.contentEditable = 'true';
  box.setAttribute('role', 'textbox');
  box.setAttribute('aria-multiline', 'true');
  box.setAttribute('aria-labelledby', 'editor-label');
  box.addEventListener('keydown', (event) => {
    if (isSendKey(event)) {
      event.preventDefault();
      send();
    }
  });
  mount.append(box);
  return {
    // The DOM is the only model here; Chromium keeps trailing spaces as U+00A0.
    getText: () => box.innerText.replace(/\u00a0/g, ' '),
    clear: () => {
      box.replaceChildren();
    },
    focus: () => box.focus(),
  };
});
