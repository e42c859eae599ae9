// A bare contenteditable whose page sends on the Enter key's KEYUP, as older chat widgets and
// support tools do (`if (event.keyCode === 13) send()` in a keyup handler). Its keydown handler
// only keeps Enter from making a new line. The point of this page: stopping a send's keydown is
// not enough, since the browser still delivers its keyup.
import { bareEditable, isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const { box, editor } = bareEditable(mount);
  box.addEventListener('keydown', (event) => {
    if (isSendKey(event)) event.preventDefault();
  });
  box.addEventListener('keyup', (event) => {
    if (isSendKey(event)) send();
  });
  return editor;
});
