/**
 * The hashes the engine's checksums need, at the smallest cost to the shipped bundle.
 *
 * Keccak-256 (Ethereum's original Keccak padding, not SHA3-256) is only ever asked for the
 * 40-character hex body of an address (EIP-55), which fits in one block; SHA-256 only for a
 * Bitcoin base58check checksum: SHA-256 twice, over 21 and then 32 bytes, each one block.
 * @noble/hashes brings its streaming hashers, argument checks and helpers along for those
 * (about 3.3 KB gzipped together). One block of each is a few lines of its standard (FIPS 202,
 * FIPS 180-4), with every table derived rather than spelled out, and rules/hash.test.ts
 * compares both with @noble/hashes on every length they accept.
 */

/** Keccak-256's rate in bytes: the longest message that fits in one block, less the padding. */
const RATE = 136;

/**
 * Writes the 64-bit lane (lo, hi) rotated left by `n` (1 to 63) into `out` at `at` (low word)
 * and `at + 1` (high word).
 */
function rotl64(out: Uint32Array, at: number, lo: number, hi: number, n: number): void {
  if (n >= 32) {
    const t = lo;
    lo = hi;
    hi = t;
    n -= 32;
  }
  out[at] = n === 0 ? lo : (lo << n) | (hi >>> (32 - n));
  out[at + 1] = n === 0 ? hi : (hi << n) | (lo >>> (32 - n));
}

// keccak256Block's working arrays, reused: it runs per candidate address in a scan and does not
// call itself, and three typed arrays a call were most of what it allocated.
const KECCAK_STATE = new Uint32Array(50);
const KECCAK_C = new Uint32Array(10);
const KECCAK_D = new Uint32Array(2);

/** XORs byte `b` into byte `i` of the Keccak state `s`. */
function xorByte(s: Uint32Array, i: number, b: number): void {
  s[i >> 2]! ^= b << ((i & 3) * 8);
}

/**
 * Keccak-256 of `bytes` (at most 135 bytes: one block). Throws a RangeError on a longer input,
 * which no caller in the engine gives.
 */
export function keccak256Block(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= RATE) throw new RangeError(`keccak256Block takes at most ${RATE - 1} bytes`);
  // The state is 25 lanes of two 32-bit words, low word first, each little-endian. Bytes are
  // packed by shifting, not through a byte view, so this holds on any host.
  const s = KECCAK_STATE.fill(0);
  for (let i = 0; i < bytes.length; i++) xorByte(s, i, bytes[i]!);
  // Keccak's pad10*1 with the 0x01 domain byte (SHA3-256 would use 0x06).
  xorByte(s, bytes.length, 0x01);
  xorByte(s, RATE - 1, 0x80);
  // Keccak-f[1600], FIPS 202 section 3: 24 rounds of theta, rho and pi, chi, iota. Word i of
  // the state is word i & 1 of lane i >> 1. `c` holds the column parities, then a row.
  const c = KECCAK_C;
  const d = KECCAK_D;
  let lfsr = 1;
  for (let round = 0; round < 24; round++) {
    for (let i = 0; i < 10; i++) c[i] = s[i]! ^ s[i + 10]! ^ s[i + 20]! ^ s[i + 30]! ^ s[i + 40]!;
    for (let x = 0; x < 10; x += 2) {
      rotl64(d, 0, c[(x + 2) % 10]!, c[(x + 3) % 10]!, 1);
      for (let i = x; i < 50; i += 10) {
        s[i]! ^= c[(x + 8) % 10]! ^ d[0]!;
        s[i + 1]! ^= c[(x + 9) % 10]! ^ d[1]!;
      }
    }
    // Rho and pi together: walk the lanes (x, y) -> (y, 2x + 3y) from (1, 0); the t-th step
    // moves the previous lane there rotated by the (t + 1)-th triangular number.
    let x = 1;
    let y = 0;
    let lo = s[2]!;
    let hi = s[3]!;
    for (let t = 0; t < 24; t++) {
      const nextX = y;
      y = (2 * x + 3 * y) % 5;
      x = nextX;
      const w = 2 * (x + 5 * y);
      const nextLo = s[w]!;
      const nextHi = s[w + 1]!;
      rotl64(s, w, lo, hi, (((t + 1) * (t + 2)) / 2) % 64);
      lo = nextLo;
      hi = nextHi;
    }
    // Chi, row by row (ten words: word i pairs with words i + 2 and i + 4 of the same row).
    for (let row = 0; row < 50; row += 10) {
      for (let i = 0; i < 10; i++) c[i] = s[row + i]!;
      for (let i = 0; i < 10; i++) s[row + i] = c[i]! ^ (~c[(i + 2) % 10]! & c[(i + 4) % 10]!);
    }
    // Iota: the round constant's bits 2^j - 1 come from the rc() LFSR (feedback mask 0x71).
    for (let j = 0; j < 7; j++) {
      lfsr = ((lfsr << 1) ^ ((lfsr >> 7) * 0x71)) & 0xff;
      const bit = (1 << j) - 1;
      if (lfsr & 2) s[bit >> 5]! ^= 1 << (bit & 31);
    }
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = (s[i >> 2]! >>> ((i & 3) * 8)) & 0xff;
  return out;
}

/** The first `n` primes, from which SHA-256 derives its constants. */
function primes(n: number): number[] {
  const out: number[] = [];
  for (let c = 2; out.length < n; c++) if (out.every((p) => c % p !== 0)) out.push(c);
  return out;
}

// FIPS 180-4 defines the round constants as the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes, and the initial state as those of the square roots of the
// first 8. Deriving them (doubles carry ample precision for 32 bits) ships a line instead of 72
// incompressible numbers; the test against @noble/hashes proves every one. They are built on
// first use, so loading the engine does no work for them.
let K: Uint32Array | undefined;
let IV: Uint32Array | undefined;
const frac32 = (x: number): number => ((x - Math.floor(x)) * 2 ** 32) >>> 0;

type Eight = [number, number, number, number, number, number, number, number];

/** SHA-256's rate in bytes, less the padding byte and the 8-byte length. */
const SHA256_MAX = 55;

/**
 * SHA-256 of `bytes` (at most 55 bytes: one block). Throws a RangeError on a longer input,
 * which no caller in the engine gives.
 */
export function sha256Block(bytes: Uint8Array): Uint8Array {
  if (bytes.length > SHA256_MAX) {
    throw new RangeError(`sha256Block takes at most ${SHA256_MAX} bytes`);
  }
  if (!K || !IV) {
    const p = primes(64);
    K = Uint32Array.from(p, (q) => frac32(Math.cbrt(q)));
    IV = Uint32Array.from(p.slice(0, 8), (q) => frac32(Math.sqrt(q)));
  }
  // The padded block: message, 0x80, zeros, and the length in bits as a big-endian 64-bit
  // number (at most 440, so its low byte pair is enough).
  const block = new Uint8Array(64);
  block.set(bytes);
  block[bytes.length] = 0x80;
  const bits = bytes.length * 8;
  block[62] = bits >>> 8;
  block[63] = bits & 0xff;
  const w = new Uint32Array(64);
  for (let i = 0; i < 16; i++) {
    w[i] =
      (block[4 * i]! << 24) |
      (block[4 * i + 1]! << 16) |
      (block[4 * i + 2]! << 8) |
      block[4 * i + 3]!;
  }
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15]!;
    const b = w[i - 2]!;
    w[i] =
      (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)) +
      w[i - 7]! +
      (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) +
      w[i - 16]!;
  }
  // The working variables, named as in the standard.
  let [a, b, c, d, e, f, g, h] = Array.from(IV) as Eight;
  for (let i = 0; i < 64; i++) {
    const t1 =
      (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  const v = [a, b, c, d, e, f, g, h];
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = ((IV[i >> 2]! + v[i >> 2]!) >>> (24 - (i & 3) * 8)) & 0xff;
  return out;
}
