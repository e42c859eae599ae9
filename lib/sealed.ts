/**
 * Encryption at rest for local stores that hold more than counts (issue 4): the incident queue's
 * override reasons. AES-GCM with a 256-bit key made by WebCrypto as NOT extractable, kept in
 * IndexedDB as the CryptoKey object itself (structured clone keeps the key material inside the
 * browser's crypto implementation), so nothing in the profile's files or in a page can read the
 * raw key: only this extension's origin can ask WebCrypto to use it.
 *
 * Each sealed value carries a fresh 96-bit random IV, and the record id is bound in as additional
 * data, so a sealed reason cannot be moved onto another record without failing to open.
 *
 * What this protects against: a copy of the profile's IndexedDB files (a backup, a stolen disk
 * image without the OS keyring). What it does not: code running in the extension itself.
 */

/** A value as it is stored: format version, IV and ciphertext (with the GCM tag). */
export interface Sealed {
  v: 1;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** A sealed value could not be opened (wrong key, damaged, or moved to another record). */
export class SealError extends Error {
  override name = 'SealError';
}

const ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const IV_BYTES = 12;

/** A new non-extractable AES-GCM key for sealing and opening. */
export function newSealingKey(subtle: SubtleCrypto = crypto.subtle): Promise<CryptoKey> {
  return subtle.generateKey(ALGORITHM, false, ['encrypt', 'decrypt']);
}

/** True when `key` is a usable sealing key as this module makes them (validation on read). */
export function isSealingKey(key: unknown): key is CryptoKey {
  if (typeof CryptoKey === 'undefined' || !(key instanceof CryptoKey)) return false;
  return (
    key.algorithm.name === 'AES-GCM' &&
    !key.extractable &&
    key.usages.includes('encrypt') &&
    key.usages.includes('decrypt')
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Encrypts `text`, bound to `context` (the record id), with a fresh random IV. */
export async function seal(
  key: CryptoKey,
  text: string,
  context: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(text),
  );
  return { v: 1, iv, data };
}

/** Decrypts a sealed value made with the same key and context; throws SealError otherwise. */
export async function unseal(
  key: CryptoKey,
  sealed: Sealed,
  context: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<string> {
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(context) },
      key,
      sealed.data,
    );
    return decoder.decode(plain);
  } catch (error) {
    throw new SealError('a sealed value could not be opened (wrong key or damaged)', {
      cause: error,
    });
  }
}

/** A stored sealed value, validated (STYLE.md principle 7); null when it is not one. */
export function parseSealed(value: unknown): Sealed | null {
  if (typeof value !== 'object' || value === null) return null;
  const { v, iv, data } = value as Record<string, unknown>;
  if (v !== 1) return null;
  if (!(iv instanceof Uint8Array) || iv.byteLength !== IV_BYTES) return null;
  if (!(data instanceof ArrayBuffer) || data.byteLength < 16) return null;
  // A copy, so the IV is backed by a plain ArrayBuffer whatever the stored view was.
  return { v: 1, iv: new Uint8Array(iv), data };
}
