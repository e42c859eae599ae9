import { Inflate } from 'fflate';
import { ExtractError, spend, type Budget } from './errors.ts';

/**
 * Input is fed to the inflater in slices this size. DEFLATE expands at most about 1032:1, so one
 * slice can produce at most ~4 MB before the budget check runs; a one-shot `inflateSync` would
 * expand a whole bomb (or spin through it, if given a fixed output buffer) before we could stop.
 */
const SLICE = 4096;

export interface InflateOptions {
  /** Data is zlib-wrapped (PDF FlateDecode) rather than raw DEFLATE (zip). */
  zlib?: boolean;
  /** Most bytes this one stream may produce (a zip entry's declared size); more is corruption. */
  limit?: number;
  /**
   * Keep what was inflated before a truncated or damaged stream ended instead of failing. PDF
   * writers leave such streams often enough that readers (and so AI sites) show their text.
   */
  lenient?: boolean;
}

/** Inflates `data`, charging every output byte to `budget`. */
export function inflateCapped(
  data: Uint8Array,
  budget: Budget,
  options: InflateOptions = {},
): Uint8Array {
  let input = data;
  if (options.zlib) {
    // RFC 1950 header: CMF (method 8 = deflate) and FLG, whose check bits make the pair a multiple
    // of 31; FDICT streams need a preset dictionary no PDF supplies.
    const cmf = data[0] ?? 0;
    const flg = data[1] ?? 0;
    const isZlib = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0 && !(flg & 0x20);
    if (isZlib) input = data.subarray(2);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    if (!chunk.length) return;
    total += chunk.length;
    if (options.limit !== undefined && total > options.limit) {
      throw new ExtractError('unreadable', 'compressed entry is larger than its header says');
    }
    spend(budget, chunk.length, 'compressed content');
    chunks.push(chunk);
  });
  try {
    if (!input.length) inflater.push(input, true);
    for (let at = 0; at < input.length; at += SLICE) {
      const end = Math.min(at + SLICE, input.length);
      inflater.push(input.subarray(at, end), end === input.length);
    }
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    if (!options.lenient || !total) {
      throw new ExtractError('unreadable', `damaged compressed data (${String(error)})`);
    }
  }
  return concat(chunks, total);
}

export function concat(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total ?? chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
