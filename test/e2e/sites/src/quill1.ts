// Quill 1.3 (react-quill and many back offices still ship it), Snow theme, no toolbar. Unlike
// Quill 2, it handles a paste by moving the selection into a hidden clipboard element, letting
// the browser paste there, and reading it back a moment later.
import Quill from 'quill1';
import 'quill1/dist/quill.snow.css';
import { asPrompt, startChat } from './shell.ts';

void startChat((mount, send) => {
  const quill = new Quill(mount, {
    theme: 'snow',
    modules: {
      toolbar: false,
      keyboard: {
        bindings: {
          // Configured bindings run before Quill's own Enter handler; returning false stops it.
          send: {
            key: 13,
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
