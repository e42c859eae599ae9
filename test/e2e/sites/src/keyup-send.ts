// A bare contenteditable whose page sends on the Enter key's KEYUP, as older chat widgets and
// support tools do (`if (event.keyCode === 13) send()` in a keyup handler). Its keydown handler
// only keeps Enter from making a new line. The point of this page: stopping a send's keydown is
// not enough, since the browser still delivers its keyup.
import { isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const box = document.createElement('div');
  box.id = 'prompt';
  box.contentEditable = 'true';
  box.setAttribute('role', 'textbox');
  box.setAttribute('aria-multiline', 'true');
  box.setAttribute('aria-labelledby', 'editor-label');
  box.addEventListener('keydown', (event) => {
    if (isSendKey(event)) event.preventDefault();
  });
  box.addEventListener('keyup', (event) => {
    if (isSendKey(event)) send();
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
