/**
 * Input and output for the CLI, passed in (not read from globals) so that the commands can be
 * driven by tests and by other tools alike.
 */
import { accessSync, constants, createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Io {
  readonly stdin: NodeJS.ReadableStream;
  /** Writes to stdout. Each call goes out at once (one answer a line in --jsonl mode). */
  out(s: string): void;
  /** Writes to stderr. */
  err(s: string): void;
}

/** An input that cannot be used (missing, a directory, too large, unreadable); exit 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Largest input read whole (plain mode, --mask, edm-hash). */
export const MAX_WHOLE_INPUT = 64 * 1024 * 1024;

/** How an input is named in messages and output prefixes. */
export function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

function errorCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function describe(file: string, err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOENT':
      return `${file}: no such file`;
    case 'EACCES':
    case 'EPERM':
      return `${file}: permission denied`;
    case 'EISDIR':
      return `${file}: is a directory`;
    default:
      return `${file}: cannot read (${err instanceof Error ? err.message : String(err)})`;
  }
}

/**
 * Checks that `file` can be read, before anything is written, so a typo in the third file
 * name does not leave the first two files' findings looking like a complete result.
 * `maxBytes` applies to inputs read whole.
 */
export function checkInput(file: string, maxBytes?: number): void {
  if (file === '-') return;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`${file}: is a directory`);
    if (maxBytes !== undefined && stat.size > maxBytes) {
      throw new InputError(
        `${file}: larger than ${Math.round(maxBytes / 1048576)} MB; split it or use --jsonl, which streams`,
      );
    }
    accessSync(file, constants.R_OK);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describe(file, err));
  }
}

/** Reads a whole input as UTF-8 (at most `maxBytes`). */
export async function readWhole(file: string, io: Io, maxBytes = MAX_WHOLE_INPUT): Promise<string> {
  if (file !== '-') {
    checkInput(file, maxBytes);
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      throw new InputError(describe(file, err));
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > maxBytes) {
      throw new InputError(
        `<stdin>: larger than ${Math.round(maxBytes / 1048576)} MB; split it or use --jsonl, which streams`,
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The lines of an input, streamed (a line is yielded as soon as it is complete). */
export async function* readLines(file: string, io: Io): AsyncGenerator<string> {
  let input: NodeJS.ReadableStream;
  if (file === '-') {
    input = io.stdin;
  } else {
    checkInput(file);
    input = createReadStream(file, { encoding: 'utf8' });
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (err) {
    throw new InputError(describe(displayName(file), err));
  } finally {
    lines.close();
  }
}
