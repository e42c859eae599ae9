/**
 * A small zip reader over fflate's inflater. fflate's own `unzipSync` trusts each entry's declared
 * size and inflates in one call; reading the directory ourselves lets us check sizes, encryption
 * and the decompression budget before and while inflating (OOXML files are zips: ECMA-376 part 2).
 */
import { ExtractError, spend, type Budget } from './errors.ts';
import { inflateCapped } from './inflate.ts';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const names = new TextDecoder('utf-8');

export function isZip(bytes: Uint8Array): boolean {
  // A local header first, or (an empty archive) the end record.
  const sig = u32(bytes, 0);
  return bytes.length >= 22 && (sig === LOCAL || sig === EOCD);
}

/** Reads the central directory; throws `unreadable` when the archive is cut short or damaged. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  // The end record is in the last 22 + 65535 (longest comment) bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(bytes, at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ExtractError('unreadable', 'zip end record missing (truncated file?)');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) {
    // Zip64 only matters past 4 GB or 65535 entries, far beyond any upload we accept.
    throw new ExtractError('unreadable', 'zip64 archives are not read');
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) {
      throw new ExtractError('unreadable', 'zip central directory is damaged');
    }
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > bytes.length) throw new ExtractError('unreadable', 'zip central directory is cut');
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    });
    at = next;
  }
  return entries;
}

/**
 * The entry's bytes. Declared sizes are charged to the budget before inflating (an honest bomb
 * fails at once); output beyond the declared size is treated as damage (a lying one fails early).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Uint8Array {
  if (entry.encrypted) throw new ExtractError('encrypted', `zip entry ${entry.name} is encrypted`);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) {
    throw new ExtractError('unreadable', `zip entry ${entry.name} is missing`);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ExtractError('unreadable', `zip entry ${entry.name} is cut`);
  const data = bytes.subarray(start, end);
  spend(budget, entry.size, `zip entry ${entry.name}`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) {
    throw new ExtractError(
      'unreadable',
      `zip entry ${entry.name} uses compression ${entry.method}`,
    );
  }
  // The declared size was charged already; give it back so inflateCapped can charge real bytes.
  budget.remaining += entry.size;
  return inflateCapped(data, budget, { limit: entry.size });
}
