// `npm start`: build the extension for Chrome and Firefox, start the backend (issue 5) on an
// embedded SQLite file on 127.0.0.1, and say how to load the extension. The dashboard (issue 6)
// is not built yet, and this says so plainly.
import { spawn, spawnSync } from 'node:child_process';
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

// The backend: its JSON log lines pass through; the first "listening" line gives the URL.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'start'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { HUSH_HOST: '127.0.0.1', ...process.env },
});
let announced = false;
let pending = '';
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (announced) return;
  pending += chunk.toString();
  const m = /"msg":"listening","url":"([^"]+)","database":"([^"]+)"/.exec(pending);
  if (m) {
    announced = true;
    announce(m[1], m[2]);
  }
});
server.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

function announce(url, database) {
  const out = process.env.HUSH_OUT_DIR ?? '.output';
  const chrome = resolve(out, 'chrome-mv3');
  const firefox = resolve(out, 'firefox-mv2');
  console.log(`
Hush is built and its backend is running.

  Backend:   ${url}  (${database}; API description at ${url}/api/v1/openapi.json)
  Dashboard: not yet available (issue 6); manage tenants and policies with the CLI for now:
    npm run server -- tenant create "Your company"     prints the tenant id, enrollment token and
                                                        the policy-signing public key to pin
    npm run server -- policy publish TENANT policy.json
    (see docs/server.md)

  Chrome / Edge / Chromium: open chrome://extensions, turn on Developer mode,
    "Load unpacked" and choose ${chrome}
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on" and choose
    ${existsSync(firefox) ? firefox : '(the firefox build)'}/manifest.json

  Scan text from the command line:  echo "call +44 20 7946 0958" | npx hush scan
  Stop the backend with Ctrl-C.
`);
}
