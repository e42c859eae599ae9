// The part of Quill 1's API the fixture page uses. Quill 1 ships no types; "quill" is Quill 2
// here, and this one is installed as an alias.
declare module 'quill1' {
  interface Binding {
    key: number | string;
    shiftKey?: boolean;
    handler: () => boolean | void;
  }
  interface Options {
    theme?: string;
    modules?: { toolbar?: boolean; keyboard?: { bindings?: Record<string, Binding> } };
  }
  class Quill {
    constructor(container: HTMLElement, options?: Options);
    root: HTMLElement;
    getText(): string;
    setText(text: string): void;
    focus(): void;
  }
  export default Quill;
}
declare module 'quill1/dist/quill.snow.css';
