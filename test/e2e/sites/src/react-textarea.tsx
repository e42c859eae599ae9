/** @jsxImportSource react */
// A React-controlled <textarea>, the composer of many AI chat sites: the message lives in React
// state, fed by the textarea's input events, and the send reads that state, never the DOM. React
// tracks the value it last rendered, so a script that only sets `value` changes the box but not
// the state: what is sent would be the text before the change.
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { isSendKey, startChat, type ChatEditor } from './shell.ts';

void startChat(
  (mount, send) =>
    new Promise<ChatEditor>((resolve) => {
      function Composer() {
        const [text, setText] = useState('');
        // The shell reads and clears outside React, so it needs the latest state, not a stale one.
        const latest = useRef(text);
        latest.current = text;
        const area = useRef<HTMLTextAreaElement>(null);
        useEffect(() => {
          resolve({
            getText: () => latest.current,
            clear: () => {
              latest.current = '';
              setText('');
            },
            focus: () => area.current?.focus(),
          });
        }, []);
        return (
          <textarea
            id="prompt"
            ref={area}
            rows={4}
            aria-labelledby="editor-label"
            value={text}
            onChange={(event) => {
              latest.current = event.target.value;
              setText(event.target.value);
            }}
            onKeyDown={(event) => {
              if (!isSendKey(event.nativeEvent)) return;
              event.preventDefault();
              send();
            }}
          />
        );
      }
      createRoot(mount).render(<Composer />);
    }),
);
