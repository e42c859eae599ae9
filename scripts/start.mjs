// `npm start`: build the extension for Chrome and Firefox and say how to load it.
// The backend and dashboard (issues 5 and 6) are not built yet; this script will start them on
// an embedded SQLite file when they are, and says so plainly until then.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\nhush: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

run('npx', ['wxt', 'build']);
run('npx', ['wxt', 'build', '-b', 'firefox']);
run('node', ['scripts/build-engine.mjs']);

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv2');
console.log(`
Hush is built.

  Chrome / Edge / Chromium: open chrome://extensions, turn on Developer mode,
    "Load unpacked" and choose ${chrome}
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on" and choose
    ${existsSync(firefox) ? firefox : '(the firefox build)'}/manifest.json

  Scan text from the command line:  echo "call +44 20 7946 0958" | npx hush scan
  Backend and dashboard: not yet available (issues 5 and 6); the extension works without them.
`);
