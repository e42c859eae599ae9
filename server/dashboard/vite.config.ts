/**
 * Builds the dashboard (issue 6) into dist/dashboard/, which the backend serves under /dashboard/
 * (server/routes/dashboard.ts). `npm run build:dashboard`; `npm start` and `npm test` run it.
 *
 * No inline script or style ends up in index.html (the server's CSP allows only same-origin
 * files), and no module-preload polyfill is injected: every browser the dashboard supports has
 * module preloading.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/dashboard/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // The Policy page runs the engine and the extension's policy reader (rules/, lib/policy/) in
  // the page; they import each other as `@/...`, as in the extension and the server.
  resolve: { alias: { '@': fileURLToPath(new URL('../../', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // Inlined assets would become data: URLs; the CSP allows them for images only, so keep files.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
