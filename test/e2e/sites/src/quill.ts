// Quill 2 with the Snow theme and no toolbar.
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { asPrompt, startChat } from './shell.ts';

void startChat((mount, send) => {
  const quill = new Quill(mount, {
    theme: 'snow',
    modules: {
      toolbar: false,
      keyboard: {
        bindings: {
          // Quill runs configured bindings before its own Enter handler; returning false stops it.
          send: {
            key: 'Enter',
            shiftKey: false,
            handler: () => {
              send();
              return false;
            },
          },
        },
      },
    },
  });
  asPrompt(quill.root);
  return {
    getText: () => quill.getText(),
    clear: () => quill.setText(''),
    focus: () => quill.focus(),
  };
});
