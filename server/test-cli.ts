/**
 * How tests run `hush-server`: `node <bundle> ARGS`, where the bundle is server/cli.ts built once
 * per test process with esbuild (packages stay imports from node_modules). It is the same source
 * `npm run server` runs through tsx, without tsx loading and compiling every module again on each
 * run: about 0.6 s a command against 1.6 s, and the CLI suites run dozens of commands.
 */
import { buildSync } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

let bundle: string | undefined;

/** The arguments after `node` that run `hush-server ARGS` from the current source. */
export function serverCli(...args: string[]): string[] {
  bundle ??= build();
  return [bundle, ...args];
}

function build(): string {
  // Two folders below the root, as server/routes/ is: what the server finds beside its own
  // module (the dashboard's dist/, at ../../dist/dashboard/) resolves to the same place.
  const dir = join(ROOT, '.tmp', 'server-cli');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'cli.mjs');
  const { outputFiles } = buildSync({
    entryPoints: [join(ROOT, 'server/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    write: false,
  });
  // Test processes build side by side, all from the same source: each writes its own file and
  // renames it into place, so a command never starts from a half-written bundle.
  const partial = `${outfile}.${process.pid}`;
  writeFileSync(partial, outputFiles[0]!.contents);
  renameSync(partial, outfile);
  return outfile;
}
