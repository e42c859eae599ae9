import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { keccak256Block, sha256Block } from './hash.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('keccak256Block', () => {
  it('gives the published Keccak-256 digests', () => {
    expect(hex(keccak256Block(new Uint8Array()))).toBe(
      'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
    );
    expect(hex(keccak256Block(new TextEncoder().encode('abc')))).toBe(
      '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45',
    );
  });

  it('equals @noble/hashes keccak_256 on every length of one block', () => {
    // Deterministic bytes, so a failure can be replayed.
    let seed = 7;
    for (let len = 0; len < 136; len++) {
      const bytes = new Uint8Array(len);
      for (let i = 0; i < len; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
      expect(hex(keccak256Block(bytes)), `length ${len}`).toBe(hex(keccak_256(bytes)));
    }
  });

  it('refuses input longer than one block', () => {
    expect(() => keccak256Block(new Uint8Array(136))).toThrow(RangeError);
  });
});

describe('sha256Block', () => {
  it('gives the published SHA-256 digests', () => {
    expect(hex(sha256Block(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(sha256Block(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('equals @noble/hashes sha256 on every length of one block, hashed once and twice', () => {
    let seed = 11;
    for (let round = 0; round < 20; round++) {
      for (let len = 0; len <= 55; len++) {
        const bytes = new Uint8Array(len);
        for (let i = 0; i < len; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
        expect(hex(sha256Block(bytes)), `length ${len}`).toBe(hex(sha256(bytes)));
        if (len === 21) {
          expect(hex(sha256Block(sha256Block(bytes)))).toBe(hex(sha256(sha256(bytes))));
        }
      }
    }
  });

  it('refuses input longer than one block', () => {
    expect(() => sha256Block(new Uint8Array(56))).toThrow(RangeError);
  });
});
