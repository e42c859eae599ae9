// Summernote (lite build): the jQuery WYSIWYG editor of many admin and helpdesk back offices. Its
// model is the editable's HTML ('code'); it handles paste and Enter itself.
import $ from 'jquery';
import 'summernote/dist/summernote-lite.js';
import 'summernote/dist/summernote-lite.css';
import { asPrompt, blockText, isSendKey, startChat } from './shell.ts';

void startChat((mount, send) => {
  const holder = document.createElement('div');
  mount.append(holder);
  const note = $(holder);
  note.summernote({
    toolbar: [],
    height: 80,
    disableResizeEditor: true,
    callbacks: {
      onKeydown: (event) => {
        if (!isSendKey(event.originalEvent)) return;
        event.preventDefault();
        send();
      },
    },
  });
  const editable = mount.querySelector<HTMLElement>('.note-editable')!;
  asPrompt(editable);
  return {
    getText: () =>
      blockText(new DOMParser().parseFromString(note.summernote('code'), 'text/html').body),
    clear: () => note.summernote('reset'),
    focus: () => note.summernote('focus'),
  };
});
