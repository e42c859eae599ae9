// ProseMirror with the basic schema, history and a keymap, the way ChatGPT's composer is built:
// Enter sends, Shift+Enter inserts a hard break.
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import 'prosemirror-view/style/prosemirror.css';
import { startChat } from './shell.ts';

void startChat((mount, send) => {
  const hardBreak = schema.nodes.hard_break;
  const newState = (): EditorState =>
    EditorState.create({
      schema,
      plugins: [
        history(),
        keymap({
          'Mod-z': undo,
          'Shift-Mod-z': redo,
          Enter: () => {
            send();
            return true;
          },
          'Shift-Enter': chainCommands(exitCode, (state, dispatch) => {
            dispatch?.(state.tr.replaceSelectionWith(hardBreak.create()).scrollIntoView());
            return true;
          }),
        }),
        keymap(baseKeymap),
      ],
    });
  const view = new EditorView(mount, {
    state: newState(),
    attributes: { id: 'prompt', 'aria-labelledby': 'editor-label', role: 'textbox' },
  });
  return {
    getText: () => {
      const doc = view.state.doc;
      // textContent would drop hard breaks; textBetween renders them (and paragraph ends) as \n.
      return doc.textBetween(0, doc.content.size, '\n', '\n');
    },
    clear: () => view.updateState(newState()),
    focus: () => view.focus(),
  };
});
