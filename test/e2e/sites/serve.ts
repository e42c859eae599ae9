/**
 * Serves a fixture chat page at a real chat site's address inside a Playwright context, so the
 * extension's content scripts match it exactly as they would the real site, and records what the
 * page sends. Nothing leaves the machine: every request to the host is answered here.
 *
 *   const site = await serveChatSite(context, { host: 'https://chatgpt.com', editor: 'prosemirror' });
 *   await page.goto(site.url);
 *   ...
 *   expect(site.sentTexts()).toEqual(['hello']);
 */
import type { BrowserContext, Route } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pages build.mjs makes; keep in step with its PAGES list. */
export const EDITORS = [
  'textarea',
  'contenteditable',
  'prosemirror',
  'tiptap',
  'lexical',
  'quill',
  'slate',
  'draft',
  'ckeditor',
  'tinymce',
  'ckeditor4',
  'codemirror',
  'codemirror5',
  'monaco',
  'ace',
  'trix',
  'editorjs',
  'squire',
  'jodit',
  'summernote',
  'react-textarea',
  'tinymce-inline',
  'quill1',
  'keyup-send',
  'keypress-send',
] as const;
export type Editor = (typeof EDITORS)[number];

export type Page = Editor | 'closed-shadow' | 'script-send' | 'upload';
/** Editors whose #prompt is a <textarea>: their text is its value, not rendered text. */
export const TEXTAREA_EDITORS: readonly Page[] = ['textarea', 'react-textarea'];
/** Editors whose editable is the body of an iframe of theirs (`#editor iframe`, `body#prompt`). */
export const FRAME_EDITORS: readonly Page[] = ['tinymce', 'ckeditor4'];

/** One request the page sent to /api/send or /api/beacon. */
export interface CapturedRequest {
  url: string;
  method: string;
  /** The raw body as sent (JSON for fetch, XHR and beacons; form-encoded for the form post). */
  body: string;
  contentType: string;
}

export interface ChatSite {
  /** The page's address, e.g. https://chatgpt.com/ ; navigate here. */
  url: string;
  /** Every request to /api/send and /api/beacon, in the order the route saw them. */
  requests: CapturedRequest[];
  /** The "text" field of each JSON body sent to /api/send (fetch and XHR). */
  sentTexts(): string[];
  /** Forgets the requests seen so far, for the next step on the same page. */
  forget(): void;
  /** Removes the routes this call added. */
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Origin to pretend to be, e.g. 'https://chatgpt.com' (no path, no trailing slash). */
  host: string;
  editor: Page;
  /** Path of the chat page on that host; default '/'. Any other document path serves it too. */
  path?: string;
  /** Built pages; default dist/ beside this file (see build.mjs). */
  distDir?: string;
}

const ASSET_PREFIX = '/_fixture/';
const API_PATHS = new Set(['/api/send', '/api/beacon']);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.json': 'application/json',
};

const defaultDist =
  process.env.HUSH_SITES_DIST ?? join(dirname(fileURLToPath(import.meta.url)), 'dist');

/** Routes `host` in `context` to the built fixture page for `editor`. */
export async function serveChatSite(
  context: BrowserContext,
  options: ServeOptions,
): Promise<ChatSite> {
  const origin = new URL(options.host).origin;
  const dist = resolve(options.distDir ?? defaultDist);
  const pageFile = join(dist, `${options.editor}.html`);
  if (!existsSync(pageFile)) {
    throw new Error(`${pageFile} is missing: run node test/e2e/sites/build.mjs (or buildSites())`);
  }
  const requests: CapturedRequest[] = [];
  const pattern = `${origin}/**`;

  const handler = async (route: Route): Promise<void> => {
    const request = route.request();
    const { pathname } = new URL(request.url());
    if (API_PATHS.has(pathname)) {
      requests.push({
        url: request.url(),
        method: request.method(),
        body: request.postData() ?? '',
        contentType: (await request.headerValue('content-type')) ?? '',
      });
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}' });
      return;
    }
    if (pathname.startsWith(ASSET_PREFIX)) {
      const file = resolve(dist, decodeURIComponent(pathname.slice(ASSET_PREFIX.length)));
      if (file.startsWith(dist + sep) && existsSync(file)) {
        await route.fulfill({
          status: 200,
          contentType: TYPES[extname(file)] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
        return;
      }
    } else if (request.resourceType() === 'document' && request.method() === 'GET') {
      await route.fulfill({
        status: 200,
        contentType: TYPES['.html'],
        body: readFileSync(pageFile),
      });
      return;
    }
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  };
  await context.route(pattern, handler);

  return {
    url: `${origin}${options.path ?? '/'}`,
    requests,
    sentTexts: () =>
      requests
        .filter((r) => new URL(r.url).pathname === '/api/send' && r.contentType.includes('json'))
        .map((r) => (JSON.parse(r.body) as { text: string }).text),
    forget: () => {
      requests.length = 0;
    },
    close: () => context.unroute(pattern, handler),
  };
}
