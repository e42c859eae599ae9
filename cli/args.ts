/**
 * Command-line parsing for `hush`. Hand-written rather than node:util parseArgs so that every
 * mistake gets one clear line naming the option (`--threshold: expected a number between 0
 * and 1, got "high"`), and so `-` (stdin) and `--no-names` work on Node 20.
 */
import { ENTITY_TYPES, MASK_STRATEGIES, type EntityType, type MaskStrategy } from '../rules/api.ts';

/** A mistake in the command line; the CLI prints the message and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ScanCommand {
  readonly kind: 'scan';
  readonly jsonl: boolean;
  readonly mask: MaskStrategy | undefined;
  readonly policy: string | undefined;
  readonly names: boolean;
  readonly threshold: number | undefined;
  readonly failOnFindings: boolean;
  /** Inputs in order; `-` is stdin. Never empty (stdin when none were given). */
  readonly files: readonly string[];
}

export interface EdmHashCommand {
  readonly kind: 'edm-hash';
  readonly salt: string;
  readonly id: string;
  readonly type: EntityType | undefined;
  readonly lengths: boolean;
  /** `-` is stdin. */
  readonly file: string;
}

export type Command =
  | { readonly kind: 'help'; readonly topic: 'main' | 'scan' | 'edm-hash' }
  | { readonly kind: 'version' }
  | ScanCommand
  | EdmHashCommand;

export const USAGE = `Usage:
  hush scan [--jsonl] [--mask STRATEGY] [--policy FILE] [--no-names] [--threshold N]
            [--fail-on-findings] [FILE...]
  hush edm-hash --salt SALT [--id ID] [--type TYPE] [--no-lengths] [FILE]
  hush --help | hush --version

hush finds sensitive data (names, cards, ids, secrets...) in text, locally.

scan      Reads each FILE (or stdin when there is none; "-" is stdin too) and prints one line
          per finding: TYPE START-END SCORE "CONTEXT". Offsets are UTF-16 indices, END
          exclusive; the context shows the text around the finding with every found value
          replaced by [TYPE]: plain output never contains a matched value. With several
          files each line starts with "FILE: ".
  --jsonl   Input lines are {"id": ..., "text": "..."}; each answer is one line
            {"id": ..., "findings": [{"start", "end", "type", "detector", "score"}]}, written
            as soon as its line is read (a program can keep hush open and ask line by line).
            Blank lines are skipped. A bad line gets a message on stderr with its line number
            and no answer; the other lines are still answered and hush exits with 2.
  --mask STRATEGY   Print the text with the findings masked instead of the findings:
            ${MASK_STRATEGIES.join(' | ')}. With --jsonl, answers are {"id": ..., "text": ...}.
  --policy FILE     An engine policy (JSON): threshold, levels, disabledDetectors,
            customDetectors (regex, dictionary, edm).
  --no-names        Skip the name pass (faster; no PERSON findings from it).
  --threshold N     Minimum score, 0..1 (default 0.5, or the policy's).
  --fail-on-findings  Exit with 1 when anything was found (for CI).

edm-hash  Reads values one a line from FILE (or stdin) and prints a customDetectors entry
          for exact data match: salted SHA-256 hashes of the normalised values. The values
          never appear in the output. Use a random salt per list, e.g.
          --salt "$(openssl rand -hex 16)".
  --id ID       Detector id (default "exact-data").
  --type TYPE   Entity type of a match (default CUSTOM).
  --no-lengths  Leave out the value lengths (slower scans, tells a policy reader less).

Exit status: 0 done, 1 findings with --fail-on-findings, 2 bad usage or input.`;

function parseThreshold(raw: string): number {
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(
      `--threshold: expected a number between 0 and 1, got ${JSON.stringify(raw)}`,
    );
  }
  return n;
}

function parseStrategy(raw: string): MaskStrategy {
  const found = MASK_STRATEGIES.find((s) => s === raw);
  if (found === undefined) {
    throw new UsageError(
      `--mask: unknown strategy ${JSON.stringify(raw)} (expected ${MASK_STRATEGIES.join(', ')})`,
    );
  }
  return found;
}

function parseType(raw: string): EntityType {
  const found = ENTITY_TYPES.find((t) => t === raw);
  if (found === undefined) {
    throw new UsageError(
      `--type: unknown type ${JSON.stringify(raw)} (expected one of ${ENTITY_TYPES.join(', ')})`,
    );
  }
  return found;
}

/**
 * Splits `args` into options (with their values) and operands. `--name=value` and
 * `--name value` are both accepted for options that take a value; `--` ends the options.
 */
type Token =
  { readonly operand: string } | { readonly option: string; readonly value?: string | undefined };

function* tokens(args: readonly string[], withValue: ReadonlySet<string>): Generator<Token> {
  let onlyOperands = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyOperands || arg === '-' || !arg.startsWith('-')) {
      yield { operand: arg };
      continue;
    }
    if (arg === '--') {
      onlyOperands = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!withValue.has(name)) {
      if (eq > 0) throw new UsageError(`${name}: takes no value`);
      yield { option: name };
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
    if (eq < 0) {
      i++;
      if (value === undefined) throw new UsageError(`${name}: needs a value`);
    }
    yield { option: name, value: value ?? '' };
  }
}

function parseScan(args: readonly string[]): Command {
  let jsonl = false;
  let mask: MaskStrategy | undefined;
  let policy: string | undefined;
  let names = true;
  let threshold: number | undefined;
  let failOnFindings = false;
  const files: string[] = [];
  for (const t of tokens(args, new Set(['--mask', '--policy', '--threshold']))) {
    if ('operand' in t) {
      files.push(t.operand);
      continue;
    }
    switch (t.option) {
      case '--jsonl':
        jsonl = true;
        break;
      case '--mask':
        mask = parseStrategy(t.value ?? '');
        break;
      case '--policy':
        policy = t.value;
        if (!policy) throw new UsageError('--policy: needs a file name');
        break;
      case '--no-names':
        names = false;
        break;
      case '--threshold':
        threshold = parseThreshold(t.value ?? '');
        break;
      case '--fail-on-findings':
        failOnFindings = true;
        break;
      case '--help':
      case '-h':
        return { kind: 'help', topic: 'scan' };
      default:
        throw new UsageError(`unknown option ${t.option} for scan`);
    }
  }
  if (files.length === 0) files.push('-');
  if (mask !== undefined && !jsonl && files.length > 1) {
    throw new UsageError(
      '--mask: give one input (or use --jsonl), the masked texts would run together',
    );
  }
  return { kind: 'scan', jsonl, mask, policy, names, threshold, failOnFindings, files };
}

const DETECTOR_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

function parseEdmHash(args: readonly string[]): Command {
  let salt: string | undefined;
  let id = 'exact-data';
  let type: EntityType | undefined;
  let lengths = true;
  const files: string[] = [];
  for (const t of tokens(args, new Set(['--salt', '--id', '--type']))) {
    if ('operand' in t) {
      files.push(t.operand);
      continue;
    }
    switch (t.option) {
      case '--salt':
        salt = t.value;
        break;
      case '--id':
        id = t.value ?? '';
        if (!DETECTOR_ID.test(id)) {
          throw new UsageError(
            `--id: must be 2-63 lower-case letters, digits or dashes, starting with a letter or digit (got ${JSON.stringify(id)})`,
          );
        }
        break;
      case '--type':
        type = parseType(t.value ?? '');
        break;
      case '--no-lengths':
        lengths = false;
        break;
      case '--help':
      case '-h':
        return { kind: 'help', topic: 'edm-hash' };
      default:
        throw new UsageError(`unknown option ${t.option} for edm-hash`);
    }
  }
  if (!salt)
    throw new UsageError(
      'edm-hash: --salt SALT is required (a random string, e.g. from `openssl rand -hex 16`)',
    );
  if (files.length > 1) throw new UsageError('edm-hash: give at most one FILE');
  return { kind: 'edm-hash', salt, id, type, lengths, file: files[0] ?? '-' };
}

/** Parses the arguments after `hush`. Throws UsageError. */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
      throw new UsageError('no command given (try hush --help)');
    case '--help':
    case '-h':
    case 'help':
      return { kind: 'help', topic: 'main' };
    case '--version':
    case '-V':
    case 'version':
      return { kind: 'version' };
    case 'scan':
      return parseScan(rest);
    case 'edm-hash':
      return parseEdmHash(rest);
    default:
      throw new UsageError(
        first.startsWith('-')
          ? `unknown option ${first} (try hush --help)`
          : `unknown command ${JSON.stringify(first)} (expected scan or edm-hash)`,
      );
  }
}
