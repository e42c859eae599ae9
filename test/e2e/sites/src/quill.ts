// Quill 2 with the Snow theme and no toolbar.
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { startChat } from './shell.ts';

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
  quill.root.id = 'prompt';
  quill.root.setAttribute('role', 'textbox');
  quill.root.setAttribute('aria-multiline', 'true');
  quill.root.setAttribute('aria-labelledby', 'editor-label');
  return {
    getText: () => quill.getText(),
    clear: () => quill.setText(''),
    focus: () => quill.focus(),
  };
});
