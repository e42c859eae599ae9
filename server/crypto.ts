/**
 * Secrets, hashes and signatures.
 *
 * Enrollment tokens and device credentials are 32 random bytes (256 bits) made here, never chosen
 * by a person, so they are stored as plain SHA-256: a slow password hash (scrypt, argon2) defends
 * guessable secrets against offline guessing, and nothing can guess 2^256. SHA-256 keeps every
 * device-authenticated request at microseconds instead of the tens of milliseconds scrypt costs.
 */
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
} from 'node:crypto';

/** A random secret of `bytes` bytes, base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of UTF-8 `text`, hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export interface SigningKeyPair {
  /** SHA-256 of the public key's DER, first 16 hex digits. */
  id: string;
  /** SubjectPublicKeyInfo DER, base64: what IT pins in managed policy. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
}

/** Makes a new Ed25519 key pair. */
export function newSigningKey(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    id: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKey: spki.toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** Signs `data` with an Ed25519 PKCS#8 key (base64); the signature is base64. */
export function signEd25519(privateKeyPkcs8: string, data: Uint8Array): string {
  const key = createPrivateKey({
    key: Buffer.from(privateKeyPkcs8, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return sign(null, data, key).toString('base64');
}
