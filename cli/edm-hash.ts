/**
 * `hush edm-hash`: turns a list of values (one a line) into a `customDetectors` entry for exact
 * data match. It uses the engine's own normalisation and hash (rules/custom/edm.ts), so what
 * it prints is exactly what the extension matches. Values are never printed, not even in
 * warnings: those name line numbers only.
 */
import {
  DETECTORS,
  PolicyError,
  compilePolicy,
  MAX_EDM_WORDS,
  edmWordCount,
  hashValue,
  normaliseEdmValue,
} from '../rules/api.ts';
import type { EdmHashCommand } from './args.ts';
import { InputError, readWhole, type Io } from './io.ts';

/** Runs `hush edm-hash`; returns the exit status. */
export async function runEdmHash(cmd: EdmHashCommand, io: Io): Promise<number> {
  if (DETECTORS.some((d) => d.id === cmd.id)) {
    throw new InputError(`--id: "${cmd.id}" is the id of a built-in detector; choose another`);
  }
  const text = await readWhole(cmd.file, io);
  const hashes = new Set<string>();
  const lengths = new Set<number>();
  let maxWords = 1;
  let skipped = 0;
  let values = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const normalised = normaliseEdmValue(line);
    if (normalised === '') {
      skipped++;
      io.err(
        `hush: warning: line ${i + 1}: nothing left after normalisation (only punctuation); skipped\n`,
      );
      return;
    }
    const words = edmWordCount(line);
    if (words > MAX_EDM_WORDS) {
      skipped++;
      io.err(
        `hush: warning: line ${i + 1}: ${words} words; exact data match covers at most ${MAX_EDM_WORDS}; skipped\n`,
      );
      return;
    }
    values++;
    maxWords = Math.max(maxWords, words);
    lengths.add(normalised.length);
    hashes.add(hashValue(cmd.salt, line));
  });
  if (hashes.size === 0) throw new InputError('edm-hash: no values to hash (one value a line)');

  const entry = {
    id: cmd.id,
    kind: 'edm',
    ...(cmd.type ? { type: cmd.type } : {}),
    salt: cmd.salt,
    maxWords,
    ...(cmd.lengths ? { lengths: [...lengths].sort((a, b) => a - b) } : {}),
    // Sorted, so the order of the source list (alphabetical, by customer age...) is not kept.
    hashes: [...hashes].sort(),
  };
  // The entry must load: check it the way the engine loads a policy.
  try {
    compilePolicy({ customDetectors: [entry] });
  } catch (err) {
    if (err instanceof PolicyError)
      throw new InputError(`edm-hash: produced an invalid entry (${err.message})`);
    throw err;
  }
  // One hash a line reads well in a policy file; the lengths fit on one line.
  const json = JSON.stringify(entry, null, 2).replace(
    /"lengths": \[[\d,\s]*\]/,
    `"lengths": ${JSON.stringify(entry.lengths ?? []).replace(/,/g, ', ')}`,
  );
  io.out(`${json}\n`);
  const duplicates = values - hashes.size;
  io.err(
    `hush: ${hashes.size} values hashed` +
      (duplicates > 0 ? `, ${duplicates} duplicate${duplicates > 1 ? 's' : ''} merged` : '') +
      (skipped > 0 ? `, ${skipped} line${skipped > 1 ? 's' : ''} skipped` : '') +
      '\n',
  );
  return 0;
}
