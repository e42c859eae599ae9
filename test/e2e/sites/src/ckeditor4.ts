// CKEditor 4.22 (its last open-source release, still the editor of many older help desks and
// CMSs), classic mode. Its editable is the <body> of an about:blank iframe that it writes with
// document.open(), which erases every event listener of that frame, Hush's too: the point of
// this page. It loads its skin, language and plugins at run time from CKEDITOR_BASEPATH, where
// build.mjs copies them.
import { isSendKey, startChat } from './shell.ts';

interface CkEvent {
  data: { $: KeyboardEvent; preventDefault(): void };
  cancel(): void;
}
interface CkEditor {
  on(name: 'instanceReady' | 'contentDom', listener: () => void): void;
  editable(): {
    on(
      name: 'keydown',
      listener: (event: CkEvent) => void,
      scope: null,
      data: null,
      priority: number,
    ): void;
  };
  document: { getBody(): { $: HTMLElement } };
  setData(html: string): void;
  focus(): void;
}
declare global {
  interface Window {
    CKEDITOR_BASEPATH?: string;
    CKEDITOR?: {
      disableAutoInline: boolean;
      replace(element: HTMLTextAreaElement, config: Record<string, unknown>): CkEditor;
    };
  }
}

const BASE = '/_fixture/ckeditor4/';

void startChat(
  (mount, send) =>
    new Promise((resolve, reject) => {
      window.CKEDITOR_BASEPATH = BASE;
      const script = document.createElement('script');
      script.src = `${BASE}ckeditor.js`;
      script.onerror = () => reject(new Error('CKEditor 4 did not load'));
      script.onload = () => {
        const ck = window.CKEDITOR!;
        ck.disableAutoInline = true;
        const area = document.createElement('textarea');
        mount.append(area);
        const editor = ck.replace(area, {
          toolbar: [],
          // No spell check: its plugins call a web service.
          removePlugins: 'elementspath,scayt,wsc',
          language: 'en',
          resize_enabled: false,
          versionCheck: false,
          title: 'Message',
        });
        // setData() writes the frame's document anew, so the body changes: it is looked up, and
        // given its id and Enter handler, each time CKEditor has (re)built its content.
        const body = (): HTMLElement => editor.document.getBody().$;
        editor.on('contentDom', () => {
          body().id = 'prompt';
          // Enter sends; Shift+Enter is left to CKEditor (a <br>). Priority 1 runs before its own.
          editor.editable().on(
            'keydown',
            (event) => {
              if (!isSendKey(event.data.$)) return;
              event.data.preventDefault();
              event.cancel();
              send();
            },
            null,
            null,
            1,
          );
        });
        editor.on('instanceReady', () => {
          resolve({
            // The filling characters CKEditor keeps at the caret are not text.
            getText: () => body().innerText.replace(/\u200b/g, ''),
            clear: () => editor.setData(''),
            focus: () => editor.focus(),
          });
        });
      };
      document.head.append(script);
    }),
);
