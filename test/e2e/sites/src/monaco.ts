// Monaco (VS Code's editor), plain text. It edits through a hidden input (an EditContext element
// in Chromium, else a textarea) and draws only a virtual view of its model, so the text a user
// sees is not in the element that has focus: the point of this page.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { isSendKey, startChat } from './shell.ts';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

// Monaco runs its language services in a worker; build.mjs bundles the editor's own one.
window.MonacoEnvironment = {
  getWorker: () => new Worker('/_fixture/monaco.worker.js', { type: 'module' }),
};

void startChat((mount, send) => {
  const host = document.createElement('div');
  host.style.height = '8rem';
  mount.append(host);
  const editor = monaco.editor.create(host, {
    value: '',
    language: 'plaintext',
    ariaLabel: 'Message',
    automaticLayout: true,
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    // No soft wrap: the tests compare the drawn text with the message, and a wrapped row would
    // draw as a line of its own (the guard's reading of wrapped rows is unit-tested).
    wordWrap: 'off',
    renderLineHighlight: 'none',
    // A chat box: nothing pops up or closes brackets while the message is typed.
    quickSuggestions: false,
    suggestOnTriggerCharacters: false,
    wordBasedSuggestions: 'off',
    autoClosingBrackets: 'never',
    autoClosingQuotes: 'never',
    autoIndent: 'none',
    links: false,
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
  });
  const model = editor.getModel();
  if (!model) throw new Error('Monaco did not create a model');
  model.setEOL(monaco.editor.EndOfLineSequence.LF);
  // Before Monaco's own keybindings (Shift+Enter still reaches its newline handling).
  editor.onKeyDown((event) => {
    if (isSendKey(event.browserEvent)) {
      event.preventDefault();
      event.stopPropagation();
      send();
    }
  });
  // The rendered lines are what the user sees and clicks: they are this page's #prompt.
  const lines = host.querySelector<HTMLElement>('.view-lines');
  if (!lines) throw new Error('Monaco has no view lines');
  lines.id = 'prompt';
  return {
    getText: () => model.getValue(monaco.editor.EndOfLinePreference.LF),
    clear: () => model.setValue(''),
    focus: () => editor.focus(),
  };
});
