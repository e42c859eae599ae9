import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';
import { decodeBase64, holds, isBase64Code } from '../secret-util.ts';

/** The longest block this detector reads: an RSA-8192 PEM is about 6.5 KB. */
const MAX_BLOCK = 16 * 1024;

// PEM armour of every private-key kind: PKCS#1 (RSA), SEC1 (EC), DSA, OpenSSH, PKCS#8 (plain and
// ENCRYPTED) and PGP secret-key blocks.
const BEGIN =
  /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |ANY |SSH2 ENCRYPTED )?)PRIVATE KEY( BLOCK)?-----/g;
const END = /-----END [A-Z0-9 ]{0,20}PRIVATE KEY(?: BLOCK)?-----/g;

// The base64 body of a key pasted without its armour. These are the DER openings of the common
// kinds: PKCS#1 RSA (MII..IBAAK), PKCS#8 RSA, SEC1 P-256 and P-384, PKCS#8 P-256, PKCS#8
// Ed25519, and the OpenSSH container ("openssh-key-v1\0"). They are long and exact, so text
// that is not a key never contains them.
const HEADERLESS =
  /(?<![A-Za-z0-9+/])(?:MII[A-Za-z0-9+/]{3}IBAAK[BC]|MII[A-Za-z0-9+/]{3}IBADANBgkqhkiG9w0BAQEFAAS|MHcCAQEEI|MIGkAgEBBD|MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg|MC4CAQAwBQYDK2VwBCIEI|b3BlbnNzaC1rZXktdjEAAAAA)/g;

// "-----BEGIN" in base64, then the rest of a block's characters (bounded: a PEM key is < 16 KB).
const B64_BEGIN = 'LS0tLS1CRUdJTi';
const B64_PEM = /(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{80,21800}={0,2}/g;
const B64_PEM_HEAD = /^-----BEGIN [A-Z0-9 ]{0,24}PRIVATE KEY/;

const PUTTY = /PuTTY-User-Key-File-[23]: [\w-]{3,40}/g;
const PUTTY_MAC = /Private-MAC: [0-9a-fA-F]{40,64}/g;
const PUTTY_LINES = /Private-Lines: \d{1,3}/g;
// RFC 1421 and PGP armour headers ("Proc-Type: 4,ENCRYPTED", "Version: GnuPG v2").
const HEADER_LINE = /(?:\\n|\r?\n)?[A-Za-z-]{3,20}: [^\n\\]{0,120}/y;
const BREAKS = /(?:\\n|\\r\\n|\r?\n|[ \t]){1,4}/y;

/**
 * Reads lines of base64 from `pos` (64-character PEM lines, broken by newlines, by the literal
 * `\n` of a JSON string, or by single spaces when pasted onto one line). The first line sets
 * the width; a shorter line is the last one. Returns where the body ends and how many base64
 * characters it has.
 */
function walkBase64(text: string, pos: number): { end: number; count: number } {
  const limit = Math.min(text.length, pos + MAX_BLOCK);
  let i = pos;
  let end = pos;
  let count = 0;
  let width = 0;
  while (i < limit) {
    let j = i;
    while (j < limit && isBase64Code(text.charCodeAt(j))) j++;
    while (j < limit && text[j] === '=') j++;
    const run = j - i;
    if (run === 0) break;
    if (i > pos) {
      // Lines after the first have the first line's width, except the last, which is
      // shorter. A short line must still look like base64 (a digit, + / or padding, or both
      // cases) and end the paste; otherwise it is prose after the key ("end", "thanks").
      if (run > width) break;
      if (run < width) {
        const line = text.slice(i, j);
        const b64ish = /[0-9+/=]/.test(line) || (/[a-z]/.test(line) && /[A-Z]/.test(line));
        const next = j < text.length ? text[j]! : '';
        const closes = next === '' || '\n\r"\'-\\'.includes(next);
        if (!b64ish || !closes || (run < 8 && !/[0-9+/=]/.test(line))) break;
      }
    } else {
      width = run;
    }
    count += run;
    end = j;
    if (run < width || run < 40) break;
    let k = j;
    if (text.startsWith('\\r\\n', k)) k += 4;
    else if (text.startsWith('\\n', k)) k += 2;
    else if (text.startsWith('\r\n', k)) k += 2;
    else if (text[k] === '\n' || text[k] === ' ') k += 1;
    else break;
    i = k;
  }
  return { end, count };
}

/** Skips up to four line breaks (real or the escaped `\\n` of a JSON string) and blanks. */
function skipBreaks(text: string, pos: number): number {
  BREAKS.lastIndex = pos;
  const m = BREAKS.exec(text);
  return m === null ? pos : pos + m[0].length;
}

/** The first match starting at or after `pos`, by binary search over matches sorted by index. */
function firstAtOrAfter(
  list: readonly RegExpExecArray[],
  pos: number,
): RegExpExecArray | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.index < pos) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

/** Base64 characters between two offsets (header lines such as DEK-Info add a few; harmless). */
function countB64(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isBase64Code(text.charCodeAt(i))) n++;
  return n;
}

/** A finding: `score` and `reason` when it holds a key, else 0.25 and `fake`. */
function found(
  start: number,
  end: number,
  real: boolean,
  score: number,
  reason: string,
  fake = 'header only',
): Candidate {
  return {
    start,
    end,
    type: 'PRIVATE_KEY',
    score: real ? score : 0.25,
    reason: real ? reason : fake,
  };
}

const HEX_KEY_WORD = /(?:private|priv|secret)[ _-]?key/gi;
const HEX_KEY = /(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z])/g;
/** The key's name shortly before it, on its line, with no hash's name after it. */
const HEX_KEY_LABEL =
  /(?:private|priv|secret)[ _-]?key(?![ _-]?(?:id|hash|fingerprint))(?:(?!\b(?:hash|sha\d*|checksum|digest|txid|fingerprint)\b)[^\n]){0,48}$/i;

/** Private keys: PEM blocks, PuTTY files, unarmoured DER bodies and wallets' raw hex keys. */
export const privateKey: Detector = {
  id: 'private-key',
  types: ['PRIVATE_KEY'],
  // PRIVATE KEY, PuTTY-User-Key-File, the DER openings MII, MHcCAQEE, MIGkAgEB, MIGHAgEA,
  // MC4CAQAw and b3BlbnNzaC1rZXkt, each found from a character rare in prose; and a PEM block
  // in base64.
  prefilter: holds(
    B64_BEGIN,
    ['K', /(?<=PRIVATE )KEY|(?<=PuTTY-User-)Key-File/y],
    ['M', /M(?:II|HcCAQEE|IGkAgEB|IGHAgEA|C4CAQAw)/y],
    ['X', /(?<=b3BlbnNzaC1rZ)Xkt/y],
    ['k', /(?<=(?:private|priv|secret)[ _-]?)key/y],
  ),
  detect(text) {
    const out: Candidate[] = [];
    // END lines are collected once and looked up by position, so a text full of BEGIN lines
    // and no END costs one pass, not one 16 KB search per BEGIN.
    const ends = text.includes('-----END') ? [...matchesOf(text, END)] : [];
    let covered = 0;
    for (const m of matchesOf(text, BEGIN)) {
      const start = m.index;
      if (start < covered) continue;
      const bodyStart = start + m[0].length;
      const end = firstAtOrAfter(ends, bodyStart);
      if (end !== undefined && end.index - bodyStart <= MAX_BLOCK) {
        const stop = end.index + end[0].length;
        // Documentation shows the armour around "..." or "<key>": no body, no key.
        const real = countB64(text, bodyStart, end.index) >= 40;
        out.push(found(start, stop, real, 0.97, 'pem', 'placeholder'));
        covered = stop;
        continue;
      }
      // No END line: a truncated paste. Skip the optional RFC 1421 / PGP header lines, then
      // read the body.
      let pos = bodyStart;
      for (let n = 0; n < 4; n++) {
        HEADER_LINE.lastIndex = pos;
        const h = HEADER_LINE.exec(text);
        if (h === null) break;
        pos += h[0].length;
      }
      const body = walkBase64(text, skipBreaks(text, pos));
      const real = body.count >= 64;
      out.push(found(start, real ? body.end : bodyStart, real, 0.85, 'truncated pem'));
      if (real) covered = body.end;
    }
    // Armoured blocks found above, in order: a DER opening inside one is already covered.
    const blocks = out.filter((c) => c.score > 0.5);
    let b = 0;
    for (const m of matchesOf(text, HEADERLESS)) {
      while (b < blocks.length && blocks[b]!.end <= m.index) b++;
      if (b < blocks.length && blocks[b]!.start <= m.index) continue;
      const body = walkBase64(text, m.index);
      if (body.count < 60) continue;
      out.push(found(m.index, body.end, true, 0.85, 'der opening'));
    }
    // A whole PEM block encoded again in base64, as Kubernetes secrets and kubeconfigs hold it
    // ("client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo..."): its first bytes
    // decode to the armour.
    if (text.includes(B64_BEGIN)) {
      for (const m of matchesOf(text, B64_PEM)) {
        const head = decodeBase64(m[0].slice(0, 64));
        if (head === null || !B64_PEM_HEAD.test(head)) continue;
        const end = m.index + m[0].length;
        out.push({
          start: m.index,
          end,
          type: 'PRIVATE_KEY',
          score: 0.95,
          reason: 'pem in base64',
        });
      }
    }
    // A wallet's raw key: 64 hex digits after "private key" ("here is my private key: 0x28e8...").
    // A hash of a transaction or a file is named so ("tx hash", "sha256") and is not taken.
    // Read only after each of the key's names (a megabyte of hex is no cost then).
    let after = 0;
    for (const w of matchesOf(text, HEX_KEY_WORD)) {
      const from = Math.max(after, w.index + w[0].length);
      const window = text.slice(from, w.index + w[0].length + 48 + 66);
      HEX_KEY.lastIndex = 0;
      const m = HEX_KEY.exec(window);
      if (m === null) continue;
      const start = from + m.index;
      const before = text.slice(Math.max(0, start - 64), start);
      if (!HEX_KEY_LABEL.test(before) || /^(?:0x)?(.)\1+$/.test(m[0])) continue;
      after = start + m[0].length;
      out.push({ start, end: after, type: 'PRIVATE_KEY', score: 0.85, reason: 'hex key' });
    }
    if (text.includes('PuTTY-User-Key-File')) {
      const macs = [...matchesOf(text, PUTTY_MAC)];
      const privateLines = [...matchesOf(text, PUTTY_LINES)];
      let done = 0;
      for (const m of matchesOf(text, PUTTY)) {
        const start = m.index;
        if (start < done) continue;
        const mac = firstAtOrAfter(macs, start);
        const lines = firstAtOrAfter(privateLines, start);
        let end = start + m[0].length;
        let real = false;
        if (mac !== undefined && mac.index - start <= MAX_BLOCK) {
          end = mac.index + mac[0].length;
          real = true;
        } else if (lines !== undefined && lines.index - start <= MAX_BLOCK) {
          // Cut before the MAC: take the private lines that are there.
          const body = walkBase64(text, skipBreaks(text, lines.index + lines[0].length));
          real = body.count >= 40;
          if (real) end = body.end;
        }
        out.push(found(start, end, real, 0.95, 'ppk'));
        done = end;
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // A PEM block encoded again in base64 (a kubeconfig's client-key-data).
    {
      text: 'client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUVZU3Y1TC9MRllTb1RiY09YUUhwREEzSGhSWDNISjRvKzVSSmozaHZGdHJOR3YzYVBWd0NlcDcKakZDQm5RTWhRM0JxTlRsOGZ4TlhKK0d2Uks0Q1crby9OaUJFNWExelhGUVZkbWJ5dC9LczE3bzNhRTV0eW5oMAo0UVRBV2szMHZkNkNuVFU3c3JvTUd0Q2ZHVS9OCi0tLS0tRU5EIEVDIFBSSVZBVEUgS0VZLS0tLS0=',
      value:
        'LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCk1IY0NBUUVFSUVZU3Y1TC9MRllTb1RiY09YUUhwREEzSGhSWDNISjRvKzVSSmozaHZGdHJOR3YzYVBWd0NlcDcKakZDQm5RTWhRM0JxTlRsOGZ4TlhKK0d2Uks0Q1crby9OaUJFNWExelhGUVZkbWJ5dC9LczE3bzNhRTV0eW5oMAo0UVRBV2szMHZkNkNuVFU3c3JvTUd0Q2ZHVS9OCi0tLS0tRU5EIEVDIFBSSVZBVEUgS0VZLS0tLS0=',
    },
    // A wallet's raw key after its name.
    {
      text: 'here is my private key if you need to check the wallet: 0x28e8e7cc06e6d8b0f7c6fb629b60e24a38db55e3d5b99e242ecac35af27cbfbb',
      value: '0x28e8e7cc06e6d8b0f7c6fb629b60e24a38db55e3d5b99e242ecac35af27cbfbb',
    },
    // An unarmoured P-256 PKCS#8 body (its opening was missing from the prefilter).
    {
      text: 'the key body: MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgG1bgR7f89wY6xAWXmJUgNYG4gVqsrJLw1V7X3evCb/OhRANCAATotvmR5oXBqMV/XCMAQr8xHeafuLFWodKozTjF0hKf end',
      value:
        'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgG1bgR7f89wY6xAWXmJUgNYG4gVqsrJLw1V7X3evCb/OhRANCAATotvmR5oXBqMV/XCMAQr8xHeafuLFWodKozTjF0hKf',
    },
    '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA2KXS2axXuPjLpOJ9aOly+LjXJsKelHNMhLLTB5HdehoAoGCCqGSM49\nAwEHoUQDQgAE73n5j8L0e1P0WMudEOUD4RkkSTUMYMvd0e0ATHR+DibvBq6b6y4t\nl3x6r227Km7Rx/o6pCH2F7mM9MKmPiVH7A==\n-----END EC PRIVATE KEY-----',
    {
      text: '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEINCqe0dh9NRk0qIzs9cTG4B45gZUTbW1lNTk8HiDqRrf\\n-----END PRIVATE KEY-----\\n", "client_email": "svc@demo.iam.gserviceaccount.com"}',
      value:
        '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEINCqe0dh9NRk0qIzs9cTG4B45gZUTbW1lNTk8HiDqRrf\\n-----END PRIVATE KEY-----',
    },
    {
      text: 'my key (cut off):\n-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgG1bgR7f89wY6xAWX\nmJUgNYG4gVqsrJLw1V7X3evCb/OhRANCAATotvmR5oXBqMV/XCMAQr8xHeafuLFW\nodKozTjF0hKf',
      value:
        '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgG1bgR7f89wY6xAWX\nmJUgNYG4gVqsrJLw1V7X3evCb/OhRANCAATotvmR5oXBqMV/XCMAQr8xHeafuLFW\nodKozTjF0hKf',
    },
    {
      text: 'ed25519 der: MC4CAQAwBQYDK2VwBCIEICYB3mzL3BGDK16LaBOpOA3FCz0eanoDlrIhbgt+G0cc please help',
      value: 'MC4CAQAwBQYDK2VwBCIEICYB3mzL3BGDK16LaBOpOA3FCz0eanoDlrIhbgt+G0cc',
    },
    {
      text: 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240101\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIDk2x8Q3rT7vWmN0pLk5yZc4hJ8uV2sF6gH1jK9lM3nP\nPrivate-Lines: 1\nAAAAIFx9Zr3kQ8wN2mT5yV7bH4jL6pC1dF0gS9aE3uK8oI2r\nPrivate-MAC: 9f17e41b8f4138aac9ea07d11d40d7af3dc71f029f17e41b8f4138aac9ea07d1',
      value:
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240101\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIDk2x8Q3rT7vWmN0pLk5yZc4hJ8uV2sF6gH1jK9lM3nP\nPrivate-Lines: 1\nAAAAIFx9Zr3kQ8wN2mT5yV7bH4jL6pC1dF0gS9aE3uK8oI2r\nPrivate-MAC: 9f17e41b8f4138aac9ea07d11d40d7af3dc71f029f17e41b8f4138aac9ea07d1',
    },
    {
      text: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACAQVt3Rm4NE0CE7IKJZANoD4we5LpM0c8JixO32FYXFWncfK2rMfAKV2D21\n-----END OPENSSH PRIVATE KEY-----\n\nwhy does ssh say invalid format?',
      value:
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACAQVt3Rm4NE0CE7IKJZANoD4we5LpM0c8JixO32FYXFWncfK2rMfAKV2D21\n-----END OPENSSH PRIVATE KEY-----',
    },
  ],
  noMatch: [
    // A certificate in base64 is no key.
    'client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJzekNDQVZtZ0F3SUJBZ0lVUVc1a1pYSnpiMjRnWlhoaGJYQnNaU0JqWlhKMElHWnZjaUIwWlhOMGN3PT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQ==',
    // A hash named after the key's name; a transaction's hash.
    'private key sha256: 28e8e7cc06e6d8b0f7c6fb629b60e24a38db55e3d5b99e242ecac35af27cbfbb',
    'tx hash 0x28e8e7cc06e6d8b0f7c6fb629b60e24a38db55e3d5b99e242ecac35af27cbfbb',
    '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
    'The file must start with -----BEGIN OPENSSH PRIVATE KEY----- and end with the END line.',
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE73n5j8L0e1P0WMudEOUD4RkkSTUMYMvd0e0ATHR+DibvBq6b6y4tl3x6r227Km7Rx/o6pCH2F7mM9MKmPiVH7A==\n-----END PUBLIC KEY-----',
    '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQVt3Rm4NE0CE7IKJZANoD4we5LpM0c8JixO32FYXFWncfK2rMfAKV2D211iIQVPd3gg6tl\n-----END CERTIFICATE-----',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDk2x8Q3rT7vWmN0pLk5yZc4hJ8uV2sF6gH1jK9lM3nP user@laptop',
    'PuTTY-User-Key-File-3 is the header of a .ppk file',
    'Paste your key between -----BEGIN PRIVATE KEY----- and -----END PRIVATE KEY----- markers.',
  ],
};
