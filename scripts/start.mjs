// `npm start`: build the extension for Chrome and Firefox, start the backend (issue 5) on an
// embedded SQLite file on 127.0.0.1, and say how to load the extension. The backend also serves
// the dashboard (issue 6), built here too.
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
// The dashboard (issue 6): a Preact app the backend serves under /dashboard/.
run('npx', ['vite', 'build', '--config', 'server/dashboard/vite.config.ts']);

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

/**
 * One-time links to create the first admin of each tenant that has none (people/cli.ts
 * `setup-links`), made by a separate CLI run so that the links never pass through the server's
 * log. Each start withdraws the previous unused link and prints a fresh one (valid 24 hours).
 */
function setupLinks(url) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', 'setup-links', '--base', url],
    { encoding: 'utf8', env: { HUSH_HOST: '127.0.0.1', ...process.env } },
  );
  if (r.status !== 0) return `  (could not make setup links: ${r.stderr.trim()})`;
  const { links } = JSON.parse(r.stdout);
  if (links.length === 0) {
    return `  People: every tenant has an admin; sign in at ${url}/login
    (no tenant yet? npm run server -- tenant create "Your company", then
     npm run server -- tenant admin-link TENANT prints the first-admin link)`;
  }
  return links
    .map(
      (l) => `  First admin of "${l.name}" (ONE-TIME link, valid until ${l.expiresAt}):
    ${l.link}`,
    )
    .join('\n');
}

function announce(url, database) {
  const out = process.env.HUSH_OUT_DIR ?? '.output';
  const chrome = resolve(out, 'chrome-mv3');
  const firefox = resolve(out, 'firefox-mv2');
  console.log(`
Hush is built and its backend is running.

  Backend:   ${url}  (${database}; API description at ${url}/api/v1/openapi.json)
${setupLinks(url)}
  Sign in:   ${url}/login   (password and authenticator code)
  Dashboard: ${url}/dashboard/   (overview, devices, users and roles, audit log)
  Tenants and policies are managed with the CLI for now:
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
