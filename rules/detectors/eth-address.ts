import { near } from '../context.ts';
import { keccak256Block } from '../hash.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { hasAlnumRun, matchesAtRuns } from '../scan-util.ts';

// 0x and exactly 40 hex digits: a 64-digit transaction hash or a longer blob never yields one.
const ETH = /(?<![\w$])0[xX][0-9a-fA-F]{40}(?!\w)/g;

// "from" and "to" count only as JSON keys of a transaction; in prose they are everywhere.
const WALLET_WORDS =
  /\b(?:wallets?|eth|ether|ethereum|address|addr|send|sent|receive|deposit|withdraw|metamask|ledger|erc-?20|erc-?721|usdt|usdc|polygon|matic|bsc|bnb|arbitrum|optimism|crypto|nft|recipient|sender|beneficiary|payee|contract|owner)\b|"(?:from|to)"\s?:/;
// 40 hex digits also name hashes, commits and keys; beside these words a lower-case one is one.
const NOT_AN_ADDRESS =
  /\b(?:sha|sha1|sha-1|hash|digest|commit|checksum|fingerprint|git|revision|rev|ripemd|hmac|key id|kid|etag|signature|sig)\b/;

// A key right before the value, as logs, JSON and forms write it.
const KEY_BEFORE =
  /(?<![A-Za-z])(?:(?:to|from|recipient|sender|payee|beneficiary|wallet|deposit|withdrawal|destination|owner)[_ -]?(?:address|addr|wallet)?|address|addr|wallet|(?:token[_ -]?)?contract(?:[_ -]?address)?)["']?[ \t]*[:=][ \t]*["']?$/i;

/** EIP-55: a letter is upper case exactly when the matching nibble of keccak256 is 8 or more. */
export function isEip55(address: string): boolean {
  const hex = address.slice(2);
  const lower = hex.toLowerCase();
  const bytes = new Uint8Array(40);
  for (let i = 0; i < 40; i++) bytes[i] = lower.charCodeAt(i);
  const hash = keccak256Block(bytes);
  for (let i = 0; i < 40; i++) {
    const c = hex.charCodeAt(i);
    if (c < 65) continue; // a digit carries no case
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    const upper = c <= 70;
    if (upper !== nibble >= 8) return false;
  }
  return true;
}

/** Ethereum (and EVM-chain) addresses: EIP-55 checksum when mixed case, the form otherwise. */
export const ethAddress: Detector = {
  id: 'eth-address',
  types: ['CRYPTO_WALLET'],
  // An address is a whole 42-character token: most texts have none.
  prefilter: { test: (text) => hasAlnumRun(text, 42) },
  detect(text) {
    const out: Candidate[] = [];
    // Every match is a whole 42-character token: it is only tried at those.
    for (const m of matchesAtRuns(text, ETH, [42])) {
      const value = m[0];
      const start = m.index;
      const end = start + value.length;
      const hex = value.slice(2);
      const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
      let score: number;
      let reason: string;
      if (mixed) {
        // A mixed-case string that fails the checksum is a typo or not an address at all.
        if (!isEip55(value)) continue;
        score = 0.9;
        reason = 'checksum';
      } else if (near(text, start, end, WALLET_WORDS)) {
        score = 0.75;
        reason = 'context';
      } else {
        // "0x" and forty hex digits is how EVM addresses are written; hashes of that size
        // (SHA-1, RIPEMD-160) go without the "0x", and the words that name them sink it below.
        score = 0.55;
        reason = 'format';
      }
      // A key that names an account right before the value ("to_address=", `"recipient":`)
      // says what it is, whatever a neighbouring line's hash says; a token's contract is a
      // program's address, no one's wallet.
      const key = KEY_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
      if (key !== null && /contract/i.test(key[0])) {
        score = Math.min(score, 0.3);
        reason += ', contract';
      } else if (key === null && near(text, start, end, NOT_AN_ADDRESS)) {
        score -= mixed ? 0.2 : 0.45;
        reason += ', negative context';
      }
      out.push({ start, end, type: 'CRYPTO_WALLET', score, reason });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // All lower case carries no checksum, but "0x" and forty hex digits is an address's form.
    {
      text: 'Please refund to 0x9fceb02d0ae598e95dc970b74767f19372d61af8 today',
      value: '0x9fceb02d0ae598e95dc970b74767f19372d61af8',
    },
    '0x32f04c350d50F0674C859b7EFa67b3d6CF68E4Ea',
    {
      text: 'send to 0xF893079D7865ECf047d0dA091DbD79da93141725 on mainnet',
      value: '0xF893079D7865ECf047d0dA091DbD79da93141725',
    },
    {
      text: 'My ETH wallet: 0xbf365618e57380d779400020c466f7155b2cab68',
      value: '0xbf365618e57380d779400020c466f7155b2cab68',
    },
    {
      text: 'USDT (ERC-20) deposit address 0X85D8A4E2BF3589131E8FBA1D26E6BF6CE1656A59',
      value: '0X85D8A4E2BF3589131E8FBA1D26E6BF6CE1656A59',
    },
    // Its key decides beside a transaction's hash on the next line.
    {
      text: '  to_address=0xd1297656899aecc672fbb9c9d213cdcf092db0d5\n  tx_hash=0x8c7cd3d7f16893b2bb09998cd8385aaa12de4d5d7e3608acaa792d1a5a7a9d16',
      value: '0xd1297656899aecc672fbb9c9d213cdcf092db0d5',
    },
    {
      text: 'Recipient: 0x85D8A4e2BF3589131e8fBa1d26e6bF6Ce1656a59.',
      value: '0x85D8A4e2BF3589131e8fBa1d26e6bF6Ce1656a59',
    },
    {
      text: '{"from":"0x32f04c350d50f0674c859b7efa67b3d6cf68e4ea"}',
      value: '0x32f04c350d50f0674c859b7efa67b3d6cf68e4ea',
    },
  ],
  noMatch: [
    // A token's contract (USDC's), under its key.
    '  contract=0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48 (USDC)',
    // Mixed case with one letter's case flipped: fails EIP-55.
    '0x32f04c350d50f0674C859b7EFa67b3d6CF68E4Ea',
    'commit 0x9fceb02d0ae598e95dc970b74767f19372d61af8',
    'tx 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b',
    'sha1: 9fceb02d0ae598e95dc970b74767f19372d61af8',
    'hash 0x32f04c350d50f0674c859b7efa67b3d6cf68e4ea of the file',
    'color 0x32f04c350d50f0674c859b7efa67b3d6cf68e4ea12',
  ],
};
