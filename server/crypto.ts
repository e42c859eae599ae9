/**
 * Secrets, hashes and signatures.
 *
 * Enrollment tokens and device credentials are 32 random bytes (256 bits) made here, never chosen
 * by a person, so they are stored as plain SHA-256: a slow password hash (scrypt, argon2) defends
 * guessable secrets against offline guessing, and nothing can guess 2^256. SHA-256 keeps every
 * device-authenticated request at microseconds instead of the tens of milliseconds scrypt costs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createCipheriv,
  createDecipheriv,
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

// --- Signing keys at rest ---------------------------------------------------------------------
//
// Tenants' private signing keys are stored encrypted with AES-256-GCM under a key from the
// environment (HUSH_SECRET_KEY) or, for the embedded SQLite default, a key file generated beside
// the database. A copy of the database (or a backup) alone then cannot sign policies. The key id
// is the additional authenticated data, so a ciphertext moved to another key's row does not
// decrypt. Format: `enc:v1:` + base64(12-byte IV | ciphertext | 16-byte tag).

const ENC_PREFIX = 'enc:v1:';

/** Whether a stored private key is already encrypted. */
export function isEncryptedKey(stored: string): boolean {
  return stored.startsWith(ENC_PREFIX);
}

/**
 * Parses a 256-bit secret given as 64 hex digits or base64/base64url (43 or 44 characters);
 * null when it is neither.
 */
export function parseSecretKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return b.length === 32 ? b : null;
  }
  return null;
}

/** Encrypts a PKCS#8 private key (base64) for storage in the row of key `keyId`. */
export function encryptPrivateKey(pkcs8: string, keyId: string, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const body = Buffer.concat([cipher.update(Buffer.from(pkcs8, 'base64')), cipher.final()]);
  return ENC_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/**
 * A stored secret that this server cannot open: HUSH_SECRET_KEY is missing or is not the key
 * it was stored with. An operator's problem, not a client's: the app answers 503 with this
 * message (which names the row, never a secret) instead of an opaque 500.
 */
export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** Opens an `enc:v1:` value sealed for `aad`; throws SecretKeyError naming `what`. */
function openSealed(stored: string, aad: string, secret: Buffer | undefined, what: string): Buffer {
  if (!secret) throw new SecretKeyError(`${what} is encrypted and no HUSH_SECRET_KEY is set`);
  const raw = Buffer.from(stored.slice(ENC_PREFIX.length), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  } catch {
    throw new SecretKeyError(
      `${what} does not decrypt: HUSH_SECRET_KEY is not the key it was stored with`,
    );
  }
}

/**
 * The PKCS#8 key (base64) from a stored value: decrypted when encrypted (a row written before
 * encryption was switched on passes through until `encryptStoredKeys` has run). Throws a clear
 * SecretKeyError when the secret is missing or wrong.
 */
export function decryptPrivateKey(
  stored: string,
  keyId: string,
  secret: Buffer | undefined,
): string {
  if (!isEncryptedKey(stored)) return stored;
  return openSealed(stored, keyId, secret, `signing key ${keyId}`).toString('base64');
}

/**
 * Reads the secret key file, or creates it (32 random bytes, hex, mode 0600) when it does not
 * exist; returns the key and whether it was created.
 */
export function loadOrCreateSecretKeyFile(file: string): { key: Buffer; created: boolean } {
  if (existsSync(file)) {
    const key = parseSecretKey(readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a 256-bit key (64 hex digits)`);
    return { key, created: false };
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process wrote a moment ago.
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}

// --- Other secrets at rest --------------------------------------------------------------------
//
// Secrets the service must use in the clear later (webhook signing secrets) are encrypted the
// same way as signing keys, under the same HUSH_SECRET_KEY, with the owning row's id as the
// additional authenticated data. `encryptPrivateKey` takes base64 DER; these take UTF-8 text.

/** Encrypts UTF-8 `plain` for storage in the row `rowId` (AES-256-GCM, `enc:v1:` format). */
export function encryptText(plain: string, rowId: string, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from(rowId, 'utf8'));
  const body = Buffer.concat([cipher.update(Buffer.from(plain, 'utf8')), cipher.final()]);
  return ENC_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/**
 * The text from a stored value: decrypted when encrypted, passed through when stored in the
 * clear by an older version. `what` names the secret in errors ("webhook 1234 secret"); throws
 * a clear error when the key is missing or is not the one the value was stored with.
 */
export function decryptText(
  stored: string,
  rowId: string,
  secret: Buffer | undefined,
  what: string,
): string {
  if (!isEncryptedKey(stored)) return stored;
  return openSealed(stored, rowId, secret, what).toString('utf8');
}
