/**
 * The countries whose plans the phone detector tries for a number written without "+" or "00".
 * Only these are ever asked with a default country, so only their international (IDD) prefixes
 * are read: scripts/build-phone-metadata.mjs ships the others' as "00" (its DIALLED_FROM must
 * hold every country here; rules/phone/metadata.test.ts checks it).
 */

/**
 * Countries whose national numbers are written with a leading trunk "0" (or, for Italy, whose
 * landlines keep it); a national number without the 0 is never meant for them.
 */
export const WITH_ZERO: readonly string[] = [
  'GB',
  'FR',
  'DE',
  'NL',
  'BE',
  'IT',
  'AU',
  'CH',
  'AT',
  'IN',
  'BR',
];

/** Countries whose national numbers are written without a leading 0. */
export const WITHOUT_ZERO: readonly string[] = ['US', 'CA', 'ES', 'IT', 'IN', 'BR', 'MX'];
