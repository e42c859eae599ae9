// A bare contenteditable <div> with no library behind it: the browser edits the DOM itself.
import { bareEditable, isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const { box, editor } = bareEditable(mount);
  box.addEventListener('keydown', (event) => {
    if (isSendKey(event)) {
      event.preventDefault();
      send();
    }
  });
  return editor;
});
