// A bare contenteditable whose page sends on the Enter key's KEYPRESS, as some older chat
// widgets do (`onkeypress="if (event.keyCode === 13) send()"`), keeping Enter from making a new
// line there. The point of this page: "send anyway" must send through the key's whole press,
// keypress included, as a browser does when nobody handles the keydown.
import { bareEditable, isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const { box, editor } = bareEditable(mount);
  box.addEventListener('keypress', (event) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    send();
  });
  return editor;
});
