// Trix (Basecamp's editor, in many support tools): a <trix-editor> custom element that keeps its
// own document model and renders it into itself.
import 'trix';
import 'trix/dist/trix.css';
import { isSendKey, startChat } from './shell.ts';

/** The part of Trix's element API this page uses. */
interface TrixElement extends HTMLElement {
  toolbarElement: HTMLElement | null;
  editor: {
    getDocument(): { toString(): string };
    loadHTML(html: string): void;
  };
}

void startChat(async (mount, send) => {
  const element = document.createElement('trix-editor') as TrixElement;
  element.id = 'prompt';
  element.setAttribute('aria-labelledby', 'editor-label');
  // Capture on the mount: before Trix's own keydown handler on the element.
  mount.addEventListener(
    'keydown',
    (event) => {
      if (isSendKey(event)) {
        event.preventDefault();
        event.stopPropagation();
        send();
      }
    },
    { capture: true },
  );
  const ready = new Promise<void>((resolve) => {
    element.addEventListener('trix-initialize', () => resolve(), { once: true });
  });
  mount.append(element);
  await ready;
  // A chat composer: no formatting toolbar (hidden, not removed: Trix keeps a reference to it).
  if (element.toolbarElement) element.toolbarElement.style.display = 'none';
  return {
    // Trix's document always ends with a newline; the shell trims it.
    getText: () => element.editor.getDocument().toString(),
    clear: () => element.editor.loadHTML(''),
    focus: () => element.focus(),
  };
});
