#!/usr/bin/env node
// `npx hush ...`: the CLI is built into dist/ by `npm ci` (postinstall).
import('../dist/cli.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('hush: the CLI is not built; run `npm ci` or `npm run build:engine` first.');
    process.exit(2);
  }
  throw err;
});
