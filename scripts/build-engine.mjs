// Builds the engine (rules/) into dist/engine/index.js and the CLI into dist/cli.js, so that
// `import ... from 'hush/engine'`, the backend, the benchmarks and `npx hush` run the very same
// code. Runs in postinstall: both files exist right after `npm ci`.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

await build({
  ...common,
  entryPoints: [join(root, 'rules/api.ts')],
  outfile: join(root, 'dist/engine/index.js'),
  platform: 'neutral',
  mainFields: ['module', 'main'],
});

await build({
  ...common,
  entryPoints: [join(root, 'cli/hush.ts')],
  outfile: join(root, 'dist/cli.js'),
  platform: 'node',
  // The CLI uses the engine bundle built above, not a second copy of it.
  plugins: [
    {
      name: 'engine-external',
      setup(b) {
        b.onResolve({ filter: /rules\/api\.ts$/ }, () => ({
          path: './engine/index.js',
          external: true,
        }));
      },
    },
  ],
});
