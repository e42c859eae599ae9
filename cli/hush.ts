/**
 * `hush`: the engine on the command line. `hush --help` for usage. Built into dist/cli.js by
 * scripts/build-engine.mjs and run by bin/hush.mjs.
 *
 * Exit status: 0 done, 1 findings with --fail-on-findings, 2 bad usage or input (the message
 * is one line on stderr, and stdout holds nothing that looks like a complete result).
 */
import { readFileSync } from 'node:fs';
import { USAGE, UsageError, parseCommandLine } from './args.ts';
import { runEdmHash } from './edm-hash.ts';
import { InputError, type Io } from './io.ts';
import { runScan } from './scan.ts';

/** The package version: package.json sits one level up from both cli/ and dist/. */
function version(): string {
  try {
    const pkg: unknown = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    );
    if (
      typeof pkg === 'object' &&
      pkg !== null &&
      'version' in pkg &&
      typeof pkg.version === 'string'
    ) {
      return pkg.version;
    }
  } catch {
    // Fall through: a missing package.json is not worth failing --version over.
  }
  return 'unknown';
}

/** Runs the CLI with `argv` (the arguments after `hush`); returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const cmd = parseCommandLine(argv);
    switch (cmd.kind) {
      case 'help':
        io.out(`${USAGE}\n`);
        return 0;
      case 'version':
        io.out(`hush ${version()}\n`);
        return 0;
      case 'scan':
        return await runScan(cmd, io);
      case 'edm-hash':
        return await runEdmHash(cmd, io);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.err(`hush: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

// A reader that goes away (`hush scan big.txt | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const io: Io = {
  stdin: process.stdin,
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

main(process.argv.slice(2), io).then(
  (status) => {
    // exitCode, not exit(): pending writes to a pipe are flushed first.
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(
      `hush: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 2;
  },
);
