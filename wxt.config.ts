import { defineConfig } from 'wxt';

// The manifest lives here. Permissions stay minimal until a feature needs one (issue 3 adds
// host access for the guard, issue 4 the managed-storage schema and the stable key).
export default defineConfig({
  // HUSH_OUT_DIR lets several builds (parallel test runs, a benchmark beside a test) use their own
  // output folder; the e2e fixtures read the same variable.
  outDir: process.env.HUSH_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Hush',
    description:
      'Keeps customer data out of unapproved AI tools: finds sensitive data in the page and masks it before it leaves.',
    permissions: ['storage'],
  },
});
