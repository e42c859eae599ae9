/**
 * `hush scan`: plain findings, masked text, or a JSON-lines conversation.
 *
 * Failure policy. Everything that can be checked before output starts (options, the policy,
 * that every input exists and is readable) is checked first, so a mistake never leaves a
 * partial result on stdout. In --jsonl mode a bad line is reported on stderr with its line
 * number and gets no answer; the good lines are still answered (a caller holding the CLI
 * open must not lose the conversation over one bad request), and the exit status is 2 so a
 * batch caller knows the output is incomplete.
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  PolicyError,
  compilePolicy,
  scanWithPolicy,
  type CompiledPolicy,
  type Finding,
  type ScanOptions,
  TokenVault,
  mask,
} from '../rules/api.ts';
import type { ScanCommand } from './args.ts';
import { maskedContext } from './context.ts';
import {
  InputError,
  MAX_WHOLE_INPUT,
  checkInput,
  displayName,
  readLines,
  readWhole,
  type Io,
} from './io.ts';

/** A JSON.parse failure without the input: V8 quotes part of the text, which may be a secret. */
export function jsonErrorSummary(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (/end of JSON input/i.test(message)) return 'invalid JSON (unexpected end)';
  return position !== undefined ? `invalid JSON (at position ${position})` : 'invalid JSON';
}

/** Reads and compiles `--policy FILE`; throws InputError with the file and the problem. */
export function loadPolicy(file: string | undefined, io: Io): CompiledPolicy {
  if (file === undefined) return compilePolicy({});
  const name = `--policy ${file}`;
  let raw: string;
  try {
    checkInput(file, MAX_WHOLE_INPUT);
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`--policy: ${err instanceof Error ? err.message : String(err)}`);
  }
  let json: unknown;
  try {
    // Windows editors save UTF-8 with a byte order mark, which JSON.parse refuses.
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`${name}: ${jsonErrorSummary(err)}`);
  }
  try {
    const compiled = compilePolicy(json);
    for (const w of compiled.warnings) io.err(`hush: warning: ${name}: ${w}\n`);
    return compiled;
  } catch (err) {
    if (err instanceof PolicyError) throw new InputError(`${name}: ${err.message}`);
    throw err;
  }
}

interface Scanner {
  scan(text: string): Finding[];
  mask(text: string, findings: Finding[]): string;
}

function scanner(cmd: ScanCommand, io: Io): Scanner {
  const policy = loadPolicy(cmd.policy, io);
  const options: ScanOptions = { names: cmd.names };
  if (cmd.threshold !== undefined) options.threshold = cmd.threshold;
  // One vault for the run: a value gets the same token in every line and file. Its seed is
  // random so synthetic stand-ins cannot be mapped back by trying values.
  const vault = new TokenVault({ seed: randomInt(2 ** 32) });
  const strategy = cmd.mask;
  return {
    scan: (text) => scanWithPolicy(text, policy, options),
    mask: (text, findings) => (strategy ? mask(text, findings, { strategy, vault }).text : text),
  };
}

/** Runs `hush scan`; returns the exit status. */
export async function runScan(cmd: ScanCommand, io: Io): Promise<number> {
  const s = scanner(cmd, io);
  for (const file of cmd.files) checkInput(file, cmd.jsonl ? undefined : MAX_WHOLE_INPUT);
  const status = cmd.jsonl ? await jsonl(cmd, s, io) : await plain(cmd, s, io);
  if (status.errors > 0) return 2;
  return cmd.failOnFindings && status.findings > 0 ? 1 : 0;
}

interface Status {
  findings: number;
  errors: number;
}

async function plain(cmd: ScanCommand, s: Scanner, io: Io): Promise<Status> {
  const status: Status = { findings: 0, errors: 0 };
  const prefixed = cmd.files.length > 1;
  for (const file of cmd.files) {
    const text = await readWhole(file, io);
    const findings = s.scan(text);
    status.findings += findings.length;
    if (cmd.mask) {
      io.out(s.mask(text, findings));
      continue;
    }
    const prefix = prefixed ? `${displayName(file)}: ` : '';
    const lines = findings.map(
      (f, i) =>
        `${prefix}${f.type} ${f.start}-${f.end} ${f.score} ${JSON.stringify(maskedContext(text, findings, i))}\n`,
    );
    if (lines.length > 0) io.out(lines.join(''));
  }
  return status;
}

type Request = { id: unknown; text: string } | { problem: string };

function parseRequest(line: string): Request {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { problem: jsonErrorSummary(err) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'expected a JSON object {"id": ..., "text": "..."}' };
  }
  if (!('text' in value)) return { problem: '"text" is missing' };
  const { text } = value;
  if (typeof text !== 'string') {
    return {
      problem: `"text" must be a string (got ${text === null ? 'null' : Array.isArray(text) ? 'array' : typeof text})`,
    };
  }
  return { id: 'id' in value ? value.id : null, text };
}

async function jsonl(cmd: ScanCommand, s: Scanner, io: Io): Promise<Status> {
  const status: Status = { findings: 0, errors: 0 };
  for (const file of cmd.files) {
    let lineNo = 0;
    for await (const raw of readLines(file, io)) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const request = parseRequest(line);
      if ('problem' in request) {
        status.errors++;
        io.err(`hush: ${displayName(file)}:${lineNo}: ${request.problem}; line skipped\n`);
        continue;
      }
      const findings = s.scan(request.text);
      status.findings += findings.length;
      const answer = cmd.mask
        ? { id: request.id, text: s.mask(request.text, findings) }
        : {
            id: request.id,
            findings: findings.map(({ start, end, type, detector, score }) => ({
              start,
              end,
              type,
              detector,
              score,
            })),
          };
      io.out(`${JSON.stringify(answer)}\n`);
    }
  }
  return status;
}
