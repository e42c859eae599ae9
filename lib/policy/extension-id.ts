/**
 * The extension's id in Chrome and Edge, fixed by the public key in wxt.config.ts. IT's
 * force-install lists and managed policies name it; lib/policy/manifest.test.ts recomputes it
 * from the key, so the two cannot drift apart.
 */
export const EXTENSION_ID = 'pgianfnkfbenaoicloklnneaodpbmggj';

/** Chrome's id for a public key (DER bytes): the first 128 bits of its SHA-256, as letters a-p. */
export async function extensionIdOf(der: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(der)));
  let id = '';
  for (const byte of digest.subarray(0, 16)) {
    id += String.fromCharCode(97 + (byte >> 4), 97 + (byte & 15));
  }
  return id;
}
