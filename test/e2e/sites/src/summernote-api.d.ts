// The part of jQuery and Summernote the fixture page uses (no @types for either is installed).
declare module 'jquery' {
  interface SummernoteOptions {
    toolbar?: unknown[];
    height?: number;
    disableResizeEditor?: boolean;
    callbacks?: {
      onKeydown?: (event: { originalEvent?: KeyboardEvent; preventDefault(): void }) => void;
    };
  }
  interface Selection {
    summernote(options: SummernoteOptions): Selection;
    summernote(command: 'code'): string;
    summernote(command: 'reset' | 'focus'): Selection;
  }
  const $: (element: HTMLElement) => Selection;
  export default $;
}
declare module 'summernote/dist/summernote-lite.js';
