/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30-second steps, the authenticator-app default)
 * through the `otpauth` package. A code is accepted from the current step or one step either side
 * (clock drift), and never twice: the user's row keeps the last accepted step, and the update that
 * records a new step only succeeds when it is later, so two instances cannot both accept one code.
 */
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../db/index.ts';

const PERIOD_S = 30;
const ISSUER = 'Hush';

/** A new random 160-bit secret (RFC 4226's recommended size), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://totp/...` URI an authenticator app imports (as a QR code or pasted). */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** The code for `secret` at `now` (tests and the CLI's self-check use it). */
export function totpCode(secret: string, now: number): string {
  return totp(secret, 'x').generate({ timestamp: now });
}

/** The time step a code belongs to, or null when it matches none within one step of `now`. */
export function totpStep(secret: string, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret, 'x').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_S) + delta;
}

/** Whether a base32 string is a usable TOTP secret (at least 128 bits). */
export function isTotpSecret(secret: string): boolean {
  return /^[A-Z2-7]{26,64}$/.test(secret);
}

/**
 * Checks a user's code and consumes it: true only for a valid code from a later step than any code
 * accepted before. Safe with several instances (one conditional UPDATE).
 */
export async function useTotpCode(
  db: Db,
  user: { id: string; totp_secret: string | null },
  code: string,
  now: number,
): Promise<boolean> {
  if (!user.totp_secret) return false;
  const step = totpStep(user.totp_secret, code, now);
  if (step === null) return false;
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
