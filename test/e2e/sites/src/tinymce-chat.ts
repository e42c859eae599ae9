// What the two TinyMCE pages share: TinyMCE, self-hosted (loaded by a <script> from
// /_fixture/tinymce), GPL licence key, no menus or toolbar, Enter sends.
import type { Editor, RawEditorOptions, TinyMCE } from 'tinymce';
import { isSendKey, type ChatEditor } from './shell.ts';

declare const tinymce: TinyMCE;

/** Creates TinyMCE on `target` with `options` on top of the shared ones. */
export async function tinymceChat(
  target: HTMLElement,
  options: RawEditorOptions,
  send: () => void,
): Promise<{ editor: Editor; chat: ChatEditor }> {
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
    ...options,
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
  const chat: ChatEditor = {
    getText: () => editor.getContent({ format: 'text' }).replace(/\u00a0/g, ' '),
    clear: () => {
      editor.setContent('');
    },
    focus: () => editor.focus(),
  };
  return { editor, chat };
}
