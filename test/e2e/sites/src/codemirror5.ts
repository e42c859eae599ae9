// CodeMirror 5, still the editor of many admin and support tools. On desktop it edits through a
// hidden <textarea> that it empties after each keystroke, and draws the document as <pre> lines
// of its own: the text a user sees is not in the element that has focus (as in Ace and Monaco).
import CodeMirror from 'codemirror5';
import 'codemirror5/lib/codemirror.css';
import { startChat } from './shell.ts';

void startChat((mount, send) => {
  const editor = CodeMirror(mount, {
    value: '',
    lineWrapping: false,
    // The desktop default, written out: the hidden textarea is what this page is about.
    inputStyle: 'textarea',
    extraKeys: {
      Enter: () => send(),
      'Shift-Enter': 'newlineAndIndent',
    },
  });
  editor.getInputField().setAttribute('aria-labelledby', 'editor-label');
  // The drawn lines are what the user sees and clicks: this page's #prompt.
  const code = mount.querySelector<HTMLElement>('.CodeMirror-code');
  if (!code) throw new Error('CodeMirror 5 has no code element');
  code.id = 'prompt';
  return {
    getText: () => editor.getValue(),
    clear: () => editor.setValue(''),
    focus: () => editor.focus(),
  };
});
