// TinyMCE in inline mode, as many helpdesk reply boxes use it: no iframe, the editor turns a <div>
// of the page into its editable body and keeps its own model, undo stack and key handling.
import { startChat } from './shell.ts';
import { tinymceChat } from './tinymce-chat.ts';

void startChat(async (mount, send) => {
  const target = document.createElement('div');
  target.id = 'prompt';
  target.setAttribute('aria-labelledby', 'editor-label');
  target.style.minHeight = '4rem';
  mount.append(target);
  return (await tinymceChat(target, { inline: true }, send)).chat;
});
