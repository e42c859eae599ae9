/**
 * Password hashing with scrypt (node:crypto). People choose passwords, so unlike the server's own
 * random secrets (crypto.ts) they can be guessed offline from a stolen database; scrypt makes each
 * guess cost memory and time. Every hash carries its own random salt and its parameters, so the
 * defaults can be raised later: a hash made with weaker parameters still verifies, and
 * `needsRehash` tells the sign-in path to store a stronger one.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters: N = 2^logN, block size r, parallelisation p. */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/**
 * The defaults: OWASP's equivalent of N=2^17 r=8 p=1 that needs 32 MiB rather than 128 MiB per
 * hash (N=2^15, r=8, p=3), about a third of a second on this project's 2-core machine, so a sign-in
 * storm cannot exhaust the server's memory.
 */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 15, r: 8, p: 3 };

/** Cheap parameters for tests only: stored with the hash, so they verify like any other. */
export const TEST_SCRYPT: ScryptParams = { logN: 10, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

/** The shortest and longest password accepted (NIST SP 800-63B: at least 8, allow long ones). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      // maxmem must exceed 128 * N * r; twice that leaves room for p.
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** Hashes a password: `scrypt$<logN>$<r>$<p>$<salt b64url>$<hash b64url>`. */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.logN,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

const FORMAT =
  /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{40,})$/;

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = FORMAT.exec(stored);
  if (!m) return null;
  const params = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.logN < 10 || params.logN > 20 || params.r < 1 || params.p < 1) return null;
  return { params, salt: Buffer.from(m[4]!, 'base64url'), key: Buffer.from(m[5]!, 'base64url') };
}

/** Whether `password` matches `stored`, compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const p = parse(stored);
  if (!p) return false;
  const key = await derive(password, p.salt, p.params);
  return key.length === p.key.length && timingSafeEqual(key, p.key);
}

/** Whether `stored` was made with weaker parameters than `params` (then store a new hash). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const p = parse(stored);
  if (!p) return true;
  return p.params.logN < params.logN || p.params.r < params.r || p.params.p < params.p;
}

/** A hash of a random password, verified against when the account does not exist (equal timing). */
let decoy: Promise<string> | null = null;
export function decoyHash(params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'), params);
  return decoy;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const n = [...password].length;
  if (n < PASSWORD_MIN) return `the password must have at least ${PASSWORD_MIN} characters`;
  if (n > PASSWORD_MAX) return `the password must have at most ${PASSWORD_MAX} characters`;
  return null;
}
