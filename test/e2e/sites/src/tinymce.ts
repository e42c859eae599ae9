// TinyMCE, self-hosted (loaded by a <script> from /_fixture/tinymce), GPL licence key. Its editable
// area lives in an <iframe>, which is the point of this page: the guard must reach into it.
import type { Editor, TinyMCE } from 'tinymce';
import { isSendKey, startChat } from './shell.ts';

declare const tinymce: TinyMCE;

void startChat(async (mount, send) => {
  const target = document.createElement('textarea');
  target.id = 'prompt-source';
  mount.append(target);
  const [editor] = (await tinymce.init({
    target,
    license_key: 'gpl',
    base_url: '/_fixture/tinymce',
    suffix: '.min',
    menubar: false,
    toolbar: false,
    statusbar: false,
    promotion: false,
    branding: false,
    height: 160,
    iframe_aria_text: 'Message',
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
  editor.getBody().id = 'prompt';
  return {
    getText: () => editor.getContent({ format: 'text' }).replace(/\u00a0/g, ' '),
    clear: () => {
      editor.setContent('');
    },
    focus: () => editor.focus(),
  };
});
