import { describe, expect, it } from 'vitest';
import { isSealingKey, newSealingKey, parseSealed, seal, SealError, unseal } from './sealed.ts';

describe('sealing at rest', () => {
  it('round-trips text under its context, with a fresh IV each time', async () => {
    const key = await newSealingKey();
    const a = await seal(key, 'the agent’s masked reason: [EMAIL]', 'record-1');
    const b = await seal(key, 'the agent’s masked reason: [EMAIL]', 'record-1');
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(await unseal(key, a, 'record-1')).toBe('the agent’s masked reason: [EMAIL]');
    expect(new TextDecoder().decode(a.data)).not.toContain('reason');
  });

  it('refuses another context, another key and a changed byte', async () => {
    const key = await newSealingKey();
    const sealed = await seal(key, 'text', 'record-1');
    await expect(unseal(key, sealed, 'record-2')).rejects.toBeInstanceOf(SealError);
    await expect(unseal(await newSealingKey(), sealed, 'record-1')).rejects.toBeInstanceOf(
      SealError,
    );
    const bytes = new Uint8Array(sealed.data.slice(0));
    bytes[0] = bytes[0]! ^ 1;
    await expect(unseal(key, { ...sealed, data: bytes.buffer }, 'record-1')).rejects.toThrow(
      /could not be opened/,
    );
  });

  it('makes keys that cannot be exported', async () => {
    const key = await newSealingKey();
    expect(isSealingKey(key)).toBe(true);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    const extractable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
      'encrypt',
      'decrypt',
    ]);
    expect(isSealingKey(extractable)).toBe(false);
    expect(isSealingKey('key')).toBe(false);
  });

  it('validates a stored sealed value', async () => {
    const sealed = await seal(await newSealingKey(), 'x', 'c');
    expect(parseSealed(sealed)).toEqual(sealed);
    expect(parseSealed(structuredClone(sealed))).toEqual(sealed);
    expect(parseSealed({ ...sealed, v: 2 })).toBeNull();
    expect(parseSealed({ ...sealed, iv: new Uint8Array(8) })).toBeNull();
    expect(parseSealed({ ...sealed, data: 'text' })).toBeNull();
    expect(parseSealed(null)).toBeNull();
  });
});
