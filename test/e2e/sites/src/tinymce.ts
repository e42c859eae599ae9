// TinyMCE with its editable area in an <iframe>, which is the point of this page: the guard must
// reach into it.
import { startChat } from './shell.ts';
import { tinymceChat } from './tinymce-chat.ts';

void startChat(async (mount, send) => {
  const target = document.createElement('textarea');
  target.id = 'prompt-source';
  mount.append(target);
  const { editor, chat } = await tinymceChat(
    target,
    { height: 160, iframe_aria_text: 'Message' },
    send,
  );
  editor.getBody().id = 'prompt';
  return chat;
});
