// A composer inside a CLOSED shadow root (a web component that keeps its insides private, as
// some design systems do). Seen from outside, every event in it comes from its host element:
// only an extension can look in (chrome.dom.openOrClosedShadowRoot). The point of this page.
import { isSendKey, startChat } from './shell.ts';

declare global {
  interface Window {
    /** The composer's text, for the tests (the page's own code can reach its component). */
    __composerText?: () => string;
  }
}

class FixtureComposer extends HTMLElement {
  readonly field: HTMLTextAreaElement;
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'closed', delegatesFocus: true });
    this.field = document.createElement('textarea');
    this.field.rows = 4;
    this.field.style.width = '100%';
    this.field.setAttribute('aria-label', 'Message');
    root.append(this.field);
  }
}
customElements.define('fixture-composer', FixtureComposer);

void startChat((mount, send) => {
  const composer = new FixtureComposer();
  composer.id = 'prompt';
  mount.append(composer);
  const field = composer.field;
  field.addEventListener('keydown', (event) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    send();
  });
  window.__composerText = () => field.value;
  return {
    getText: () => field.value,
    clear: () => {
      field.value = '';
    },
    focus: () => field.focus(),
  };
});
