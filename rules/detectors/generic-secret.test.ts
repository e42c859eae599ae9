import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import {
  decodeBase64,
  entropyFloor,
  isPlaceholderToken,
  looksRandom,
  shannonEntropy,
} from '../secret-util.ts';
import { genericSecret } from './generic-secret.ts';

function found(text: string) {
  return scanWith([genericSecret], text).map((f) => ({
    value: text.slice(f.start, f.end),
    type: f.type,
    score: f.score,
  }));
}

function values(text: string): string[] {
  return found(text).map((f) => f.value);
}

describe('secret-util', () => {
  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(entropyFloor(16)).toBeCloseTo(3.2);
    expect(entropyFloor(64)).toBe(3.5);
  });

  it('tells random tokens from words and stand-ins', () => {
    expect(looksRandom('Qz8Lm2Xv7Kc4Nw9Rb1Td')).toBe(true);
    expect(looksRandom('access_token_expires')).toBe(false);
    expect(isPlaceholderToken('AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(isPlaceholderToken('xxxxxxxxxxxxxxxxxxxx')).toBe(true);
    expect(isPlaceholderToken('abcdefghij0123456789')).toBe(true);
    expect(isPlaceholderToken('Qz8Lm2Xv7Kc4Nw9Rb1Td')).toBe(false);
  });

  it('decodes base64 and base64url, with or without padding', () => {
    expect(decodeBase64('aGVsbG8=')).toBe('hello');
    expect(decodeBase64('aGVsbG8')).toBe('hello');
    expect(decodeBase64('-_8')).toBe('\xfb\xff');
    expect(decodeBase64('+/8=')).toBe('\xfb\xff');
    expect(decodeBase64('a')).toBeNull();
    expect(decodeBase64('ab$c')).toBeNull();
  });
});

describe('generic-secret', () => {
  it.each([
    ['api_key: Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3', 'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3'],
    ['"apiKey": "Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3"', 'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3'],
    ['const appSecret = "Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3";', 'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3'],
    ['--token Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3', 'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3'],
    ['?access_token=Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3&x=1', 'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3'],
    ['Authorization: token Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3', 'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3'],
    ['DATADOG_API_KEY=3f9a1c7e5b2d4f8a0c6e1b9d7f3a5c2e', '3f9a1c7e5b2d4f8a0c6e1b9d7f3a5c2e'],
    ["SECRET_KEY = 'k7#Qz(8Lm2^Xv7Kc4!Nw9Rb1Td6Hp3'", 'k7#Qz(8Lm2^Xv7Kc4!Nw9Rb1Td6Hp3'],
    ['log: "{\\"api_key\\":\\"Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3\\",\\"n\\":1}"', 'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3'],
  ])('%j -> %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('reports Basic credentials as a password when they decode to user:password', () => {
    const basic = 'Authorization: Basic YWxpY2U6U3VtbWVyMjAyNCE=';
    expect(found(basic)).toEqual([
      { value: 'YWxpY2U6U3VtbWVyMjAyNCE=', type: 'PASSWORD', score: 0.85 },
    ]);
    expect(values('Authorization: Basic Zm9vYmFyYmF6cXV4MTIz')).toEqual([]);
  });

  it('takes a UUID as a key only beside a strong keyword', () => {
    const uuid = 'c303db55-2d83-4405-899a-7ab761aab9f9';
    expect(found(`HEROKU_API_KEY=${uuid}`)).toEqual([{ value: uuid, type: 'API_KEY', score: 0.6 }]);
    expect(values(`auth: ${uuid}`)).toEqual([]);
    expect(values(`trace id ${uuid}`)).toEqual([]);
  });

  it('leaves hashes beside hash words alone', () => {
    const sha = '9fceb02d0ae598e95dc970b74767f19372d61af8';
    expect(values(`token: ${sha} (commit)`)).toEqual([]);
    expect(values(`checksum token ${sha}`)).toEqual([]);
    expect(values(`api_key=${sha}`)).toEqual([sha]);
  });

  it('scores hex and loose matches below mixed tokens after a keyword', () => {
    const [mixed] = found('api_key=Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3');
    const [hex] = found('api_key=3f9a1c7e5b2d4f8a0c6e1b9d7f3a5c2e');
    const [loose] = found('the key we use is now Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3 for prod');
    expect(mixed!.score).toBeGreaterThan(hex!.score);
    expect(hex!.score).toBeGreaterThan(loose!.score);
    expect(loose!.score).toBeGreaterThanOrEqual(0.5);
  });
});
