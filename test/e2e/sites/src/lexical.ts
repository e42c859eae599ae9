// Lexical with the plain-text plugin (Meta's editor; plain text is how chat composers use it).
// In plain text, Enter and Shift+Enter both insert a line break unless someone handles Enter first.
import { registerPlainText } from '@lexical/plain-text';
import {
  $getRoot,
  CLEAR_EDITOR_COMMAND,
  COMMAND_PRIORITY_HIGH,
  KEY_ENTER_COMMAND,
  createEditor,
} from 'lexical';
import { asPrompt, isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  asPrompt(root);
  mount.append(root);

  const editor = createEditor({
    namespace: 'hush-fixture',
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  registerPlainText(editor);
  editor.registerCommand(
    KEY_ENTER_COMMAND,
    (event) => {
      if (!isSendKey(event)) return false;
      event?.preventDefault();
      send();
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
  editor.registerCommand(
    CLEAR_EDITOR_COMMAND,
    () => {
      editor.update(() => {
        $getRoot().clear();
      });
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
  return {
    getText: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
    clear: () => {
      editor.dispatchCommand(CLEAR_EDITOR_COMMAND, undefined);
    },
    focus: () => editor.focus(),
  };
});
