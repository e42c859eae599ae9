import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { btcAddress, isBase58Address, isBech32Address } from './btc-address.ts';

// Test vectors from BIP 173 and BIP 350 (mainnet only) and the Bitcoin wiki's base58 examples.
const VALID_BECH32 = [
  'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
  'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3',
  'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
  'BC1SW50QGDZ25J',
];
const INVALID_BECH32 = [
  // bech32 checksum where bech32m is required (witness version 1 and 16), and the reverse.
  'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd',
  'BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL',
  'bc1qw508d6qejxtdg4c5r3zarvary0c5xw7kemeawh',
  // Witness version 17, a one-byte program, an empty data part.
  'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R',
  'bc1pw5dgrnzv',
  'bc1gmk9yu',
  // Mixed case.
  'bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
];

describe('btc-address', () => {
  it('accepts the BIP 173 / BIP 350 valid vectors', () => {
    for (const v of VALID_BECH32) expect(isBech32Address(v), v).toBe(true);
  });

  it('rejects the BIP 173 / BIP 350 invalid vectors', () => {
    for (const v of INVALID_BECH32) expect(isBech32Address(v), v).toBe(false);
  });

  it('checks base58check and the version byte', () => {
    expect(isBase58Address('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toBe(true);
    expect(isBase58Address('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toBe(true);
    expect(isBase58Address('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3')).toBe(false);
    // A valid P2SH payload re-prefixed with '1' does not decode to version 0.
    expect(isBase58Address('1J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toBe(false);
  });

  it('finds addresses inside URLs and quotes but not inside longer tokens', () => {
    const text =
      'see https://explorer.example/address/1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 and "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"';
    expect(scanWith([btcAddress], text)).toHaveLength(2);
    expect(scanWith([btcAddress], 'x1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toEqual([]);
  });
});
