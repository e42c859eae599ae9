import { sha256Block } from '../hash.ts';
import { near } from '../context.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { anyOf, hasAlnumRun, matchesAtRuns, matchesOf } from '../scan-util.ts';

// Legacy (P2PKH, starts with 1) and script (P2SH, starts with 3) addresses in base58, which has
// no 0, O, I or l; Litecoin's start with L and M (or 3). The guards keep a longer run of word characters (a key, a hash) from
// yielding a slice; the 32-bit checksum takes care of everything else, so an address inside a
// URL path or after a slash still counts.
const LEGACY_LENGTHS = [26, 27, 28, 29, 30, 31, 32, 33, 34, 35];
// TRON's (USDT on TRC-20 moves there) start with T and are always 34 characters.
const BASE58_ADDRESS = /(?<!\w)[13LMT][1-9A-HJ-NP-Za-km-z]{25,34}(?!\w)/g;
// SegWit (bech32) and Taproot (bech32m) addresses: "bc1" (Litecoin: "ltc1") and 11 to 71 data
// characters.
const BECH32_ADDRESS = /(?<!\w)(?:bc1|BC1|ltc1|LTC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?!\w)/g;

const CRYPTO_WORDS =
  /\b(?:btc|bitcoin|ltc|litecoin|tron|trx|trc20|usdt|wallet|address|send|sent|receive|deposit|withdraw|crypto|sats?|satoshis?|ledger|exchange)\b/;

/**
 * Words that make a wallet-shaped string a wallet address even when its checksum fails: a
 * typo, or an address copied with a character missing, is still the customer's.
 */
const WALLET_WORDS = /\b(?:btc|bitcoin|ltc|litecoin|wallet|crypto|satoshis?)\b/;
/**
 * A random base58 string has letters of both cases after its first character, and a digit
 * unless it is long (one of 30 characters has none about once in twenty).
 */
const MIXED = /^.(?=.*[a-z])(?=.*[A-Z])(?:(?=.*[2-9])|.{29})/;

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Decodes base58 (Bitcoin alphabet) into bytes; null on a character outside the alphabet. */
function base58Decode(s: string): Uint8Array | null {
  const bytes: number[] = []; // little-endian while accumulating
  for (const ch of s) {
    let carry = BASE58.indexOf(ch);
    if (carry < 0) return null;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  // Each leading '1' stands for a leading zero byte.
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/**
 * The first character each mainnet version byte encodes as: Bitcoin P2PKH (0x00) and P2SH
 * (0x05, also Litecoin's old one), Litecoin P2PKH (0x30) and P2SH (0x32).
 */
const VERSION_FIRST: Readonly<Record<number, string>> = {
  0x00: '1',
  0x05: '3',
  0x30: 'L',
  0x32: 'M',
  0x41: 'T',
};

/** Base58check with a mainnet Bitcoin or Litecoin P2PKH or P2SH version byte, or TRON's. */
export function isBase58Address(s: string): boolean {
  const raw = base58Decode(s);
  if (raw === null || raw.length !== 25) return false;
  // The version must agree with the first character.
  if (VERSION_FIRST[raw[0]!] !== s[0]) return false;
  const check = sha256Block(sha256Block(raw.subarray(0, 21)));
  for (let i = 0; i < 4; i++) if (check[i] !== raw[21 + i]) return false;
  return true;
}

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32M_CONST = 0x2bc830a3;

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i]!;
  }
  return chk >>> 0;
}

/**
 * A mainnet segwit address (BIP 173 / BIP 350) of Bitcoin ("bc1") or Litecoin ("ltc1"): bech32
 * checksum for witness version 0 with a 20- or 32-byte program, bech32m for versions 1 to 16
 * with a 2- to 40-byte program.
 */
export function isBech32Address(address: string): boolean {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return false;
  const s = address.toLowerCase();
  const ltc = s.startsWith('ltc1');
  if (s.length > 90 || !(ltc || s.startsWith('bc1'))) return false;
  const data: number[] = [];
  for (const ch of s.slice(ltc ? 4 : 3)) {
    const v = CHARSET.indexOf(ch);
    if (v < 0) return false;
    data.push(v);
  }
  if (data.length < 7) return false;
  // The human-readable part ("bc", "ltc") expanded: high bits, a zero, low bits.
  const c = polymod([...(ltc ? [3, 3, 3, 0, 12, 20, 3] : [3, 3, 0, 2, 3]), ...data]);
  const version = data[0]!;
  if (version > 16) return false;
  if (c !== (version === 0 ? 1 : BECH32M_CONST)) return false;
  // Regroup the 5-bit program into bytes; leftover bits must be fewer than 5 and zero.
  let acc = 0;
  let bits = 0;
  let bytes = 0;
  for (const v of data.slice(1, -6)) {
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes++;
    }
  }
  if (bits >= 5 || (acc & ((1 << bits) - 1)) !== 0) return false;
  if (bytes < 2 || bytes > 40) return false;
  return version !== 0 || bytes === 20 || bytes === 32;
}

/**
 * Bitcoin and Litecoin addresses: base58check (1..., 3..., L..., M...) and bech32/bech32m
 * (bc1..., ltc1...), checksums verified.
 */
export const btcAddress: Detector = {
  id: 'btc-address',
  types: ['CRYPTO_WALLET'],
  // A legacy address lies in a run of at least 26 letters and digits (most texts have none),
  // a segwit one starts with bc1 (ltc1).
  prefilter: anyOf({ test: (text) => hasAlnumRun(text, 26, 99) }, /bc1|BC1|ltc1|LTC1/),
  detect(text) {
    const out: Candidate[] = [];
    const push = (start: number, end: number, valid: boolean) => {
      if (!valid) {
        // The shape alone, beside a word that names a wallet.
        if (near(text, start, end, WALLET_WORDS, 40)) {
          out.push({
            start,
            end,
            type: 'CRYPTO_WALLET',
            score: 0.6,
            reason: 'wallet shape, context',
          });
        }
        return;
      }
      // A checksum-valid address is unmistakable; context only adds a little.
      const ctx = near(text, start, end, CRYPTO_WORDS);
      out.push({
        start,
        end,
        type: 'CRYPTO_WALLET',
        score: ctx ? 0.95 : 0.9,
        reason: ctx ? 'checksum, context' : 'checksum',
      });
    };
    // Every match is a whole token of 26 to 35 characters: it is only tried at those.
    for (const m of matchesAtRuns(text, BASE58_ADDRESS, LEGACY_LENGTHS)) {
      const valid = isBase58Address(m[0]);
      // (A TRON address counts only with its checksum: many words and ids start with T.)
      if (m[0][0] === 'T' && !valid) continue;
      if (valid || MIXED.test(m[0])) push(m.index, m.index + m[0].length, valid);
    }
    if (/bc1|ltc1/i.test(text)) {
      for (const m of matchesOf(text, BECH32_ADDRESS)) {
        const a = m[0];
        // Bech32 is written in one case; its data part is at least a 20-byte program long.
        const oneCase = a === a.toLowerCase() || a === a.toUpperCase();
        const valid = isBech32Address(a);
        if (valid || (oneCase && a.length >= 42)) push(m.index, m.index + a.length, valid);
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // A TRON address (USDT on TRC-20), its base58check valid.
    {
      text: '收款地址（USDT-TRC20）：TMFPs2GeHY6eUD68fNhVY97qvEvypMruwf',
      value: 'TMFPs2GeHY6eUD68fNhVY97qvEvypMruwf',
    },
    '1K6YnLVfCS3AxaA8cXn2jdywyhQtpz2umj',
    {
      text: 'Send 0.01 BTC to 1DmxLBzQLiM6ux5Nut7Bm3ScvPj4qsyEhD please',
      value: '1DmxLBzQLiM6ux5Nut7Bm3ScvPj4qsyEhD',
    },
    {
      text: 'multisig: 39KvCVqQdGcarmZDTBEi4ybDwA1a9CBvQ1.',
      value: '39KvCVqQdGcarmZDTBEi4ybDwA1a9CBvQ1',
    },
    {
      text: 'wallet bc1qmuyuc9p03fv2e9sn00g65lgwl553w65knsppau',
      value: 'bc1qmuyuc9p03fv2e9sn00g65lgwl553w65knsppau',
    },
    {
      text: 'P2WSH (bc1q5645yqlm83psrwtkuau7l4697d99chsskl44w8he4xkh3ac9kl3q58dx8e)',
      value: 'bc1q5645yqlm83psrwtkuau7l4697d99chsskl44w8he4xkh3ac9kl3q58dx8e',
    },
    {
      text: 'taproot: bc1pd38xjkg2h3vznzaf6kl39r3fmumnk34quqn3u7cexlftlwmmkkgqgacdtc',
      value: 'bc1pd38xjkg2h3vznzaf6kl39r3fmumnk34quqn3u7cexlftlwmmkkgqgacdtc',
    },
    'BC1QMUYUC9P03FV2E9SN00G65LGWL553W65KNSPPAU',
    // Litecoin: base58check with its own version bytes (L..., M...), bech32 with "ltc".
    'LRitZKvKiXXqF8AHomevSobPY1gBRpbuPA',
    {
      text: 'Send 2 LTC to MV3BXYFJU98Z51ALGKqgNKaE4TRAWG8TEL please',
      value: 'MV3BXYFJU98Z51ALGKqgNKaE4TRAWG8TEL',
    },
    'ltc1quj2ucx0ydwfyup4hlr48z8fdw5lzpd4rttsnjp',
    // The checksum fails, but the text says it is a wallet.
    {
      text: 'Pay to wallet 1puWxtGpAJ8GjgscVVDmtw4bBf6L95WiP today',
      value: '1puWxtGpAJ8GjgscVVDmtw4bBf6L95WiP',
    },
    {
      text: 'my bitcoin address: bc1rp93dn7s39t7njx93rsxx08myykxnehmkxxey65',
      value: 'bc1rp93dn7s39t7njx93rsxx08myykxnehmkxxey65',
    },
  ],
  noMatch: [
    // The same with its last character changed: no TRON address, whatever the words near.
    'USDT wallet TMFPs2GeHY6eUD68fNhVY97qvEvypMruwg',
    // One character changed: the checksum fails.
    '1K6YnLVfCS3AxaA8cXn2jdywyhQtpz2umk',
    'bc1qmuyuc9p03fv2e9sn00g65lgwl553w65knsppav',
    'LRitZKvKiXXqF8AHomevSobPY1gBRpbuPB',
    'ltc1quj2ucx0ydwfyup4hlr48z8fdw5lzpd4rttsnjq',
    // Mixed case is never a valid bech32 string.
    'bc1qmuyuc9p03fv2e9sn00g65lgwl553w65KNSPPAU',
    // Inside a longer token (an API key, a hash).
    'key_1K6YnLVfCS3AxaA8cXn2jdywyhQtpz2umj',
    'sk_live_1K6YnLVfCS3AxaA8cXn2jdywyhQtpz2umjQ',
    'multisig 39KvCVqQdGcarmZDTBEi4ybDwA1a9CBvQ2 (typo)',
    'Order 1234567890123456789012345678 shipped',
    // Beside a wallet word, but not a wallet's shape: no mixed case, or too short for bech32.
    'wallet id 1234567890123456789012345678',
    'wallet backup code bc1qxy2kgdygjrsqtzq2n0yrf',
  ],
};
