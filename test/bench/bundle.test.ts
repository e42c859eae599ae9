import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DESCRIPTIONS } from '../../rules/descriptions.ts';
import { engineBreakdown, engineBundle, engineSize } from './bundle.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('engine bundle', () => {
  it('ships no detector description (they live in rules/descriptions.ts)', async () => {
    const code = new TextDecoder().decode(await engineBundle(root, false));
    // esbuild escapes non-ASCII characters, so compare an ASCII prefix of each sentence.
    const leaked = Object.entries(DESCRIPTIONS)
      .filter(([, text]) => code.includes(text.slice(0, 30).replace(/[^\x20-\x7e].*$/, '')))
      .map(([id]) => id);
    expect(leaked).toEqual([]);
  });

  it('measures the build without names smaller than the one with names', async () => {
    const without = await engineSize(root, false);
    const withNames = await engineSize(root, true);
    expect(without.gzip).toBeGreaterThan(0);
    expect(without.gzip).toBeLessThan(without.minified);
    expect(withNames.gzip).toBeGreaterThan(without.gzip);
  });

  it('breaks the bundle down by module, without the name pass when asked', async () => {
    const shares = await engineBreakdown(root, false);
    const modules = shares.map((s) => s.module);
    expect(modules).toContain('rules/engine.ts');
    expect(modules).toContain('rules/address/scan.ts');
    expect(modules.filter((m) => m.startsWith('rules/names/'))).toEqual([]);
    // Ranked by what each module adds to the gzip size.
    for (let i = 1; i < shares.length; i++) {
      expect(shares[i]!.marginal).toBeLessThanOrEqual(shares[i - 1]!.marginal);
    }
    // About 2 s of CPU; the wall-clock bound leaves room for a busy machine.
  }, 120_000);
});
