import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import {
  decodeBase64,
  entropyFloor,
  holds,
  isPlaceholderToken,
  keywordStarts,
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

  it('sums entropy in the order characters first occur, as a map of counts does', () => {
    // The table-based count must give the same float to the last bit: scores are compared with
    // thresholds, and the golden recording compares them rounded.
    const reference = (s: string) => {
      const counts = new Map<number, number>();
      for (let i = 0; i < s.length; i++) {
        counts.set(s.charCodeAt(i), (counts.get(s.charCodeAt(i)) ?? 0) + 1);
      }
      let h = 0;
      for (const k of counts.values()) h -= (k / s.length) * Math.log2(k / s.length);
      return h;
    };
    for (const s of ['Qz8Lm2Xv7Kc4Nw9Rb1Td', 'aé中aé中b', 'x\u{1F600}y\u{1F600}z', 'ééééAé']) {
      expect(shannonEntropy(s)).toBe(reference(s));
    }
  });

  it('finds where password and secret keywords start, overlapping ones included', () => {
    const text = 'the PASSWORD and a secretoken; Passwort: x, clave';
    const starts = keywordStarts(text);
    for (const word of ['PASSWORD', 'secret', 'token', 'Passwort', 'clave']) {
      expect(starts).toContain(text.indexOf(word));
    }
    // Memoised on the text: the same answer, not recomputed.
    expect(keywordStarts(text)).toBe(starts);
  });

  it('tests a prefilter part from a rare character or as a plain string', () => {
    const test = holds(['J', /(?<=ey)J/y], 'GR1348941');
    expect(test.test('jwt: eyJhbGciOiJub25lIn0')).toBe(true);
    expect(test.test('token GR1348941abc')).toBe(true);
    expect(test.test('Jane eyes the JSON')).toBe(false);
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

  it('finds a keyword whose secret word is far into it, and prefixed tokens with no keyword', () => {
    expect(values('personal_access_token = Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3')).toEqual([
      'Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3',
    ]);
    const tokens = [
      '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',
      'AGE-SECRET-KEY-1QZ8LM2XV7KC4NW9RB1TD6HP3QZ8LM2XV7KC4NW9RB1TD6HP3QZ8LM2XV7K',
      'dapi3f9a1c7e5b2d4f8a0c6e1b9d7f3a5c2e',
      'xai-Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3Qz8Lm2Xv',
      'sq0atp-Qz8Lm2Xv7Kc4Nw9Rb1Td6Hp3',
    ];
    for (const t of tokens) expect(values(`see ${t} here`)).toEqual([t]);
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
