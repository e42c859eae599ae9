// TinyMCE in inline mode, as many helpdesk reply boxes use it: no iframe, the editor turns a <div>
// of the page into its editable body and keeps its own model, undo stack and key handling.
import type { Editor, TinyMCE } from 'tinymce';
import { isSendKey, startChat } from './shell.ts';

declare const tinymce: TinyMCE;

void startChat(async (mount, send) => {
  const target = document.createElement('div');
  target.id = 'prompt';
  target.setAttribute('aria-labelledby', 'editor-label');
  target.style.minHeight = '4rem';
  mount.append(target);
  const [editor] = (await tinymce.init({
    target,
    inline: true,
    license_key: 'gpl',
    base_url: '/_fixture/tinymce',
    suffix: '.min',
    menubar: false,
    toolbar: false,
    statusbar: false,
    promotion: false,
    branding: false,
    setup: (ed: Editor) => {
      ed.on('keydown', (event: KeyboardEvent) => {
        if (isSendKey(event)) {
          event.preventDefault();
          send();
        }
      });
    },
  })) as Editor[];
  if (!editor) throw new Error('TinyMCE did not create an editor');
  return {
    getText: () => editor.getContent({ format: 'text' }).replace(/\u00a0/g, ' '),
    clear: () => {
      editor.setContent('');
    },
    focus: () => editor.focus(),
  };
});
