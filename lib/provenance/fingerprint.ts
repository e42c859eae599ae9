/**
 * The fingerprint of a piece of text for copy provenance (issue 7): overlapping word shingles,
 * each hashed, never the text. The content script computes these unsalted SHA-256 pre-hashes and
 * hands them to the background, which keys them with a secret only it holds (store.ts), so what
 * is kept can be compared with a later paste but not turned back into words.
 *
 * Normalising first (NFKC, lower case, words only) makes the same message match whatever its
 * whitespace, case, line wrapping or punctuation: a ticket copied from Zendesk's HTML view and
 * pasted as plain text still has the same shingles.
 */

/** Words per shingle: long enough that common phrases match rarely, short enough to survive edits. */
export const SHINGLE_WORDS = 5;
/** At most this many shingles are kept per text, so a huge copy costs bounded memory and time. */
export const MAX_SHINGLES = 4_000;
/** Bytes of SHA-256 kept per shingle pre-hash (128 bits: collisions are not a concern). */
const PREHASH_BYTES = 16;

/** The words of `text` after NFKC and lower-casing; punctuation and spacing are dropped. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The distinct shingles of `text` (each `SHINGLE_WORDS` words joined by one space), in order of
 * first appearance, at most MAX_SHINGLES. A text of fewer words has none: a short phrase says
 * nothing about where the text came from.
 */
export function shingles(text: string): string[] {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= w.length && out.size < MAX_SHINGLES; i++) {
    out.add(w.slice(i, i + SHINGLE_WORDS).join(' '));
  }
  return [...out];
}

const encoder = new TextEncoder();

/** Base64 of bytes (btoa exists in pages, workers and Node). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Base64 back to bytes; throws on anything that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A pre-hash as it travels: base64 of 16 bytes. */
export const PREHASH = /^[A-Za-z0-9+/]{22}==$/;

/**
 * The unsalted pre-hashes of `text`'s shingles (base64 of the first 16 bytes of SHA-256 each).
 * They are what a content script sends; only the background's keyed hash of them is ever kept.
 */
export async function prehashes(
  text: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<string[]> {
  return Promise.all(
    shingles(text).map(async (s) => {
      const digest = await subtle.digest('SHA-256', encoder.encode(s));
      return toBase64(new Uint8Array(digest, 0, PREHASH_BYTES));
    }),
  );
}
