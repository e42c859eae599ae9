// CodeMirror 6 with its minimal setup (history, default keymap); some sites use it for prompts.
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { startChat } from './shell.ts';

void startChat((mount, send) => {
  const view = new EditorView({
    parent: mount,
    extensions: [
      Prec.highest(
        keymap.of([
          {
            key: 'Enter',
            run: () => {
              send();
              return true;
            },
          },
        ]),
      ),
      minimalSetup,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ id: 'prompt', 'aria-labelledby': 'editor-label' }),
    ],
  });
  return {
    getText: () => view.state.doc.toString(),
    clear: () => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '' } });
    },
    focus: () => view.focus(),
  };
});
