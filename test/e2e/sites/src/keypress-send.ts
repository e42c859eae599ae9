// A bare contenteditable whose page sends on the Enter key's KEYPRESS, as some older chat
// widgets do (`onkeypress="if (event.keyCode === 13) send()"`), keeping Enter from making a new
// line there. The point of this page: "send anyway" must send through the key's whole press,
// keypress included, as a browser does when nobody handles the keydown.
import { isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const box = document.createElement('div');
  box.id = 'prompt';
  box.contentEditable = 'true';
  box.setAttribute('role', 'textbox');
  box.setAttribute('aria-multiline', 'true');
  box.setAttribute('aria-labelledby', 'editor-label');
  box.addEventListener('keypress', (event) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    send();
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
