// TipTap (ProseMirror underneath) with StarterKit, as used by many newer chat front ends.
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { startChat } from './shell.ts';

void startChat((mount, send) => {
  const SendOnEnter = Extension.create({
    name: 'sendOnEnter',
    priority: 1000,
    addKeyboardShortcuts() {
      return {
        Enter: () => {
          send();
          return true;
        },
      };
    },
  });
  const editor = new Editor({
    element: mount,
    extensions: [StarterKit, SendOnEnter],
    editorProps: {
      attributes: { id: 'prompt', 'aria-labelledby': 'editor-label', role: 'textbox' },
    },
  });
  return {
    // HardBreak renders as "\n"; paragraphs are joined with "\n" too.
    getText: () => editor.getText({ blockSeparator: '\n' }),
    clear: () => {
      editor.commands.clearContent(true);
    },
    focus: () => {
      editor.commands.focus();
    },
  };
});
