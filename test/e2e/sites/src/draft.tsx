/** @jsxImportSource react */
// Draft.js on React 18. Draft.js is archived (last release 0.11.7, 2020) and predates React 19;
// slate-react accepts React 18 too (peer react >=18.2), so both pages share one React.
import { ContentState, Editor, EditorState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { isSendKey, startChat, type ChatEditor } from './shell.ts';

void startChat(
  (mount, send) =>
    new Promise<ChatEditor>((resolve) => {
      function Composer() {
        const [state, setState] = useState(() => EditorState.createEmpty());
        // The shell reads and clears outside React, so it needs the latest state, not a stale one.
        const latest = useRef(state);
        latest.current = state;
        const editorRef = useRef<Editor>(null);
        useEffect(() => {
          // Draft.js has no id prop; the tests and the label find the editable by this id.
          mount.querySelector('[contenteditable=true]')?.setAttribute('id', 'prompt');
          resolve({
            getText: () => latest.current.getCurrentContent().getPlainText('\n'),
            clear: () => {
              const empty = EditorState.push(
                latest.current,
                ContentState.createFromText(''),
                'remove-range',
              );
              latest.current = EditorState.moveFocusToEnd(empty);
              // Rendered now: the shell focuses next, and Draft's focus() re-sends the editor
              // state it was last rendered with, which would bring the cleared text back.
              flushSync(() => setState(latest.current));
            },
            focus: () => editorRef.current?.focus(),
          });
        }, []);
        return (
          <Editor
            ref={editorRef}
            editorState={state}
            onChange={(next) => {
              latest.current = next;
              setState(next);
            }}
            ariaLabelledBy="editor-label"
            ariaMultiline
            handleReturn={(event) => {
              if (!isSendKey(event.nativeEvent)) return 'not-handled';
              send();
              return 'handled';
            }}
          />
        );
      }
      createRoot(mount).render(<Composer />);
    }),
);
