/** @jsxImportSource react */
// Slate with slate-react on React 18. The page reads the message from editor.children.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, Node, Transforms, createEditor, type Descendant } from 'slate';
import { Editable, ReactEditor, Slate, withReact } from 'slate-react';
import { isSendKey, startChat } from './shell.ts';

const initialValue: Descendant[] = [{ children: [{ text: '' }] } as Descendant];

void startChat(
  (mount, send) =>
    new Promise((resolve) => {
      const editor = withReact(createEditor());
      function Composer() {
        const [value] = useState(initialValue);
        return (
          <Slate editor={editor} initialValue={value}>
            <Editable
              id="prompt"
              aria-labelledby="editor-label"
              placeholder="Message"
              onKeyDown={(event) => {
                if (isSendKey(event.nativeEvent)) {
                  event.preventDefault();
                  send();
                }
              }}
            />
          </Slate>
        );
      }
      createRoot(mount).render(<Composer />);
      // Rendering is asynchronous in React 18; the editable exists after the first commit.
      const poll = (): void => {
        if (mount.querySelector('[data-slate-editor]')) {
          resolve({
            getText: () => editor.children.map((node) => Node.string(node)).join('\n'),
            clear: () => {
              Transforms.delete(editor, {
                at: { anchor: Editor.start(editor, []), focus: Editor.end(editor, []) },
              });
            },
            focus: () => ReactEditor.focus(editor),
          });
        } else requestAnimationFrame(poll);
      };
      poll();
    }),
);
