import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What the shipped engine must not carry: the tests' examples (each detector file exports them
// for rules/detectors.test.ts only) and @noble/hashes (rules/hash.ts does the one-block hashes
// the checksums need). Both slipped in once without any test noticing, adding about 3.7 KB
// gzipped; the size itself is measured by test/bench/bundle.ts.
describe('the engine bundle', () => {
  it('leaves out the detector examples and @noble/hashes', async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const result = await build({
      entryPoints: [join(root, 'rules/index.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code.length).toBeGreaterThan(10_000);
    // Every examples object has a noMatch list; nothing else in the engine uses that name.
    expect(code).not.toContain('noMatch');
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => p.includes('@noble/hashes'))).toEqual([]);
  }, 30_000);
});
