// The part of CodeMirror 5's API the fixture page uses. @types/codemirror describes the package
// under its own name, "codemirror", which is CodeMirror 6 here; this one is installed as an alias.
declare module 'codemirror5' {
  interface Editor {
    getValue(): string;
    setValue(value: string): void;
    focus(): void;
    getInputField(): HTMLTextAreaElement;
  }
  interface Options {
    value?: string;
    lineWrapping?: boolean;
    inputStyle?: 'textarea' | 'contenteditable';
    extraKeys?: Record<string, string | ((editor: Editor) => unknown)>;
  }
  const CodeMirror: (host: HTMLElement, options?: Options) => Editor;
  export default CodeMirror;
}
