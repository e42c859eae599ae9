/**
 * Builds the fixture chat pages into dist/: one <page>.html and <page>.js (+ .css) per editor,
 * Monaco's editor worker (monaco.worker.js, which the page starts by URL), plus TinyMCE's and
 * CKEditor 4's own scripts and skins copied from node_modules (they load them at run time, so
 * they cannot be bundled). Everything comes from node_modules: the build needs no network.
 *
 *   node test/e2e/sites/build.mjs
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');

/** Where serve.ts serves the built assets from, on whatever host the page pretends to be. */
export const ASSET_PREFIX = '/_fixture/';

/**
 * Every page: its file name (also the `editor` option of serveChatSite), its entry and the
 * library name shown in the title.
 */
export const PAGES = [
  { name: 'textarea', entry: 'textarea.ts', label: 'textarea' },
  { name: 'contenteditable', entry: 'contenteditable.ts', label: 'contenteditable div' },
  { name: 'prosemirror', entry: 'prosemirror.ts', label: 'ProseMirror' },
  { name: 'tiptap', entry: 'tiptap.ts', label: 'TipTap' },
  { name: 'lexical', entry: 'lexical.ts', label: 'Lexical' },
  { name: 'quill', entry: 'quill.ts', label: 'Quill' },
  { name: 'slate', entry: 'slate.tsx', label: 'Slate' },
  { name: 'draft', entry: 'draft.tsx', label: 'Draft.js' },
  { name: 'ckeditor', entry: 'ckeditor.ts', label: 'CKEditor 5' },
  { name: 'tinymce', entry: 'tinymce.ts', label: 'TinyMCE' },
  { name: 'ckeditor4', entry: 'ckeditor4.ts', label: 'CKEditor 4' },
  { name: 'codemirror', entry: 'codemirror.ts', label: 'CodeMirror' },
  { name: 'codemirror5', entry: 'codemirror5.ts', label: 'CodeMirror 5' },
  { name: 'monaco', entry: 'monaco.ts', label: 'Monaco' },
  { name: 'ace', entry: 'ace.ts', label: 'Ace' },
  { name: 'trix', entry: 'trix.ts', label: 'Trix' },
  { name: 'editorjs', entry: 'editorjs.ts', label: 'Editor.js' },
  { name: 'squire', entry: 'squire.ts', label: 'Squire' },
  { name: 'jodit', entry: 'jodit.ts', label: 'Jodit' },
  { name: 'summernote', entry: 'summernote.ts', label: 'Summernote' },
  { name: 'react-textarea', entry: 'react-textarea.tsx', label: 'React-controlled textarea' },
  { name: 'tinymce-inline', entry: 'tinymce-inline.ts', label: 'TinyMCE inline' },
  { name: 'quill1', entry: 'quill1.ts', label: 'Quill 1' },
  { name: 'keyup-send', entry: 'keyup-send.ts', label: 'contenteditable, sends on keyup' },
  { name: 'keypress-send', entry: 'keypress-send.ts', label: 'contenteditable, sends on keypress' },
  { name: 'closed-shadow', entry: 'closed-shadow.ts', label: 'closed shadow root' },
  { name: 'script-send', entry: 'script-send.ts', label: 'script send' },
  { name: 'upload', entry: 'upload.ts', label: 'upload' },
];

/** Scripts a page loads by URL at run time (not pages): output name and entry. */
const WORKERS = [
  { name: 'monaco.worker', entry: 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js' },
];

const SHELL_CSS = `
body { font: 16px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 48rem; }
#sent { min-height: 2rem; white-space: pre-wrap; }
#composer { display: grid; gap: .5rem; }
#editor { border: 1px solid #888; border-radius: 6px; min-height: 4rem; }
#editor textarea, #editor > [contenteditable] { box-sizing: border-box; width: 100%; min-height: 4rem; }
#prompt { outline: none; padding: .5rem; white-space: pre-wrap; }
button[data-testid=send] { justify-self: end; }
`;

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function chatBody(label) {
  return `<main>
  <h1>Fixture chat (${escape(label)})</h1>
  <h2 id="sent-heading">Sent messages</h2>
  <ol id="sent" aria-labelledby="sent-heading" aria-live="polite"></ol>
  <section id="composer" aria-label="Composer">
    <label id="editor-label" for="prompt">Message</label>
    <div id="editor"></div>
    <button type="button" data-testid="send" aria-label="Send">Send</button>
  </section>
  <div id="status" role="status">loading</div>
</main>`;
}

function scriptSendBody() {
  const button = (id, text) => `<button type="button" data-testid="${id}">${text}</button>`;
  return `<main>
  <h1>Fixture page that sends from script</h1>
  <p>Each button sends the hidden field's text (a fixed text when it is empty) without any editor.</p>
  <input type="hidden" id="script-text">
  ${button('send-fetch', 'Send with fetch')}
  ${button('send-xhr', 'Send with XMLHttpRequest')}
  ${button('send-beacon', 'Send with sendBeacon')}
  ${button('send-form', 'Send with a form')}
  ${button('send-ws', 'WebSocket message')}
  ${button('send-ws-blob', 'WebSocket Blob message')}
  ${button('send-multipart', 'Multipart upload with a text file')}
  ${button('send-multipart-xhr', 'Multipart form by XHR')}
  ${button('send-blob', 'Blob body by fetch')}
  ${button('send-blob-xhr', 'Blob body by XHR')}
  ${button('send-bytes-xhr', 'Byte array by XHR')}
  ${button('send-request', 'Request object by fetch')}
  ${button('send-beacon-blob', 'Beacon with a Blob')}
  ${button('send-urlencoded', 'URL-encoded body by fetch')}
  ${button('send-stream', 'Streamed body by fetch')}
  ${button('send-large', 'Oversized body by fetch')}
  ${button('send-frame', 'Fetch from a new frame')}
  <h2 id="log-heading">What the page saw</h2>
  <ol id="log" aria-labelledby="log-heading"></ol>
  <form id="script-form" method="post" action="/api/send" target="form-sink" hidden>
    <label>Text <input name="text"></label>
  </form>
  <iframe name="form-sink" title="Form response" hidden></iframe>
  <div id="status" role="status">loading</div>
</main>`;
}

/** A page that receives files: a file input, a drop zone, a paste target and a form post. */
function uploadBody() {
  return `<main>
  <h1>Fixture upload page</h1>
  <p><label for="file">Attach files</label> <input type="file" id="file" multiple></p>
  <div id="dropzone" data-testid="dropzone" style="border: 2px dashed #888; padding: 2rem">Drop files here</div>
  <p><label for="composer">Message</label><br><textarea id="composer" rows="4" cols="60"></textarea></p>
  <form id="upload-form" method="post" action="/api/send" enctype="multipart/form-data" target="form-sink">
    <label>Attachment <input type="file" name="attachment" id="form-file"></label>
    <input type="hidden" name="note" value="form upload">
    <button type="submit" data-testid="form-submit">Upload with the form</button>
  </form>
  <iframe name="form-sink" title="Form response" hidden></iframe>
  <h2 id="received-heading">Received files</h2>
  <ol id="received" aria-labelledby="received-heading"></ol>
  <div id="status" role="status">loading</div>
</main>`;
}

function html(page, hasCss) {
  const asset = (file) => `${ASSET_PREFIX}${file}`;
  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>Hush fixture: ${escape(page.label)}</title>`,
    `<style>${SHELL_CSS}</style>`,
    hasCss ? `<link rel="stylesheet" href="${asset(`${page.name}.css`)}">` : '',
    page.name.startsWith('tinymce')
      ? `<script src="${asset('tinymce/tinymce.min.js')}"></script>`
      : '',
    `<script type="module" src="${asset(`${page.name}.js`)}"></script>`,
  ].filter(Boolean);
  const body =
    page.name === 'script-send'
      ? scriptSendBody()
      : page.name === 'upload'
        ? uploadBody()
        : chatBody(page.label);
  return `<!doctype html>\n<html lang="en">\n<head>\n${head.join('\n')}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/**
 * Editors that load parts of themselves at run time, from a base URL under ASSET_PREFIX: what
 * each page asks for, copied from the package into a folder of the package's name.
 */
const RUNTIME_PARTS = {
  // TinyMCE: its theme, model, icons and skins, from base_url.
  tinymce: [
    'tinymce.min.js',
    'models/dom',
    'themes/silver',
    'icons/default',
    'skins/ui/oxide',
    'skins/content/default',
  ],
  // CKEditor 4: its skin, language and plugin styles, from CKEDITOR_BASEPATH (ckeditor4.ts
  // removes the spell-check plugins, which call a web service).
  ckeditor4: [
    'ckeditor.js',
    'config.js',
    'styles.js',
    'contents.css',
    'lang/en.js',
    'skins/moono-lisa',
    'plugins/dialog/styles',
    'plugins/tableselection/styles',
  ],
};

function copyRuntimeParts(outdir) {
  for (const [pkg, parts] of Object.entries(RUNTIME_PARTS)) {
    for (const part of parts) {
      cpSync(join(root, 'node_modules', pkg, part), join(outdir, pkg, part), { recursive: true });
    }
  }
}

/** Builds started in this process, by folder. */
const builds = new Map();

/**
 * Builds every page from scratch into `outdir` (default: $HUSH_SITES_DIST, else dist/ beside
 * this file; parallel runs give each its own folder), once per process and folder. Playwright's
 * global setup builds it before any worker starts; every e2e spec also calls this in its
 * beforeAll, which then answers at once (see BUILT_ENV). (Monaco alone takes about 2 s to bundle.)
 * @param {{ outdir?: string }} [options]
 * @returns {Promise<{ outdir: string, ms: number }>}
 */
export function buildSites(options = {}) {
  const outdir = options.outdir ?? process.env.HUSH_SITES_DIST ?? join(here, 'dist');
  // Playwright's global setup built this folder before any worker started (see
  // test/e2e/global-setup.ts): a worker that built it again would delete the pages under
  // another worker's feet.
  if (process.env[BUILT_ENV] === outdir) return Promise.resolve({ outdir, ms: 0 });
  let built = builds.get(outdir);
  if (!built) {
    built = buildInto(outdir);
    // A failed build is tried again by the next caller rather than remembered.
    built.catch(() => builds.delete(outdir));
    builds.set(outdir, built);
  }
  return built;
}

/** Set by the global setup to the folder it built, for the workers it starts. */
export const BUILT_ENV = 'HUSH_SITES_BUILT';

/** @param {string} outdir */
async function buildInto(outdir) {
  const started = performance.now();
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries([
      ...PAGES.map((p) => [p.name, join(here, 'src', p.entry)]),
      ...WORKERS.map((w) => [w.name, join(root, w.entry)]),
    ]),
    outdir,
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'react',
    // React, fbjs and Draft.js read these Node globals.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: {
      '.svg': 'dataurl',
      '.woff': 'file',
      '.woff2': 'file',
      '.ttf': 'file',
      '.eot': 'file',
      '.png': 'file',
    },
    assetNames: 'assets/[name]-[hash]',
  });
  for (const page of PAGES) {
    const hasCss = existsSync(join(outdir, `${page.name}.css`));
    writeFileSync(join(outdir, `${page.name}.html`), html(page, hasCss));
  }
  copyRuntimeParts(outdir);
  return { outdir, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outdir, ms } = await buildSites();
  console.log(`fixture sites built into ${outdir} in ${ms} ms`);
}
