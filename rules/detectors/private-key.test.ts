import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanWith } from '../engine.ts';
import { privateKey } from './private-key.ts';

// Keys are generated here, at test time, so no key material is committed to the repository.
const rsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa = rsaPair.privateKey;
const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
const pkcs1 = rsa.export({ type: 'pkcs1', format: 'pem' }).toString().trim();
const pkcs8 = rsa.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
const encrypted = rsa
  .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'unit-test' })
  .toString()
  .trim();
const sec1 = ec.export({ type: 'sec1', format: 'pem' }).toString().trim();

function spans(text: string) {
  return scanWith([privateKey], text).map((f) => ({
    value: text.slice(f.start, f.end),
    score: f.score,
  }));
}

describe('private-key', () => {
  it.each([
    ['PKCS#1 RSA', pkcs1],
    ['PKCS#8', pkcs8],
    ['encrypted PKCS#8', encrypted],
    ['SEC1 P-384', sec1],
  ])('covers a whole %s block, BEGIN through END', (_name, pem) => {
    const text = `Here is the key from the server:\n\n${pem}\n\nWhat is wrong with it?`;
    expect(spans(text)).toEqual([{ value: pem, score: 0.97 }]);
  });

  it('covers a block with CRLF line ends', () => {
    const pem = pkcs1.replace(/\n/g, '\r\n');
    expect(spans(`key:\r\n${pem}\r\n`).map((s) => s.value)).toEqual([pem]);
  });

  it('covers a block escaped inside a JSON string', () => {
    const escaped = pkcs8.replace(/\n/g, '\\n');
    const text = `{"private_key": "${escaped}\\n", "client_email": "svc@p.iam.gserviceaccount.com"}`;
    expect(spans(text).map((s) => s.value)).toEqual([escaped]);
  });

  it('covers a block pasted onto one line', () => {
    const oneLine = pkcs1.replace(/\n/g, ' ');
    expect(spans(`see ${oneLine} thanks`).map((s) => s.value)).toEqual([oneLine]);
  });

  it('reports a truncated block up to where the paste stops', () => {
    const lines = pkcs1.split('\n');
    const cut = lines.slice(0, 6).join('\n');
    const found = spans(`${cut}\n\nthe rest did not fit`);
    expect(found).toEqual([{ value: cut, score: 0.85 }]);
  });

  it.each([
    ['PKCS#1 RSA', pkcs1],
    ['PKCS#8', pkcs8],
    ['SEC1 P-384', sec1],
  ])('finds an unarmoured %s body by its DER opening', (_name, pem) => {
    const body = pem.split('\n').slice(1, -1).join('\n');
    expect(spans(`key body:\n${body}\nend`).map((s) => s.value)).toEqual([body]);
  });

  it('does not read beyond 16 KB for one block', () => {
    const text = `-----BEGIN PRIVATE KEY-----\n${'QUJD'.repeat(6000)}`;
    for (const s of spans(text)) expect(s.value.length).toBeLessThanOrEqual(16 * 1024 + 64);
  });

  it('leaves public keys and certificates alone', () => {
    const pub = rsaPair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const pkcs1Pub = rsaPair.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(spans(`${pub}\n${pkcs1Pub}`)).toEqual([]);
  });
});
