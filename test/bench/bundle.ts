/**
 * The engine's shipped size: rules/index.ts bundled and minified by esbuild, then gzipped.
 * Without names, every module under rules/names/ and rules/detectors/person-name.ts is
 * replaced by a stub (an inert person-name detector), which is what a build without the name
 * pass would ship.
 */
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';

export interface BundleSize {
  minified: number;
  gzip: number;
}

function stubNames(root: string): Plugin {
  const namesDir = join(root, 'rules', 'names') + sep;
  const personName = join(root, 'rules', 'detectors', 'person-name.ts');
  return {
    name: 'stub-names',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const abs = resolve(dirname(args.importer), args.path);
        if (abs === personName || abs.startsWith(namesDir)) return { path: abs, namespace: 'stub' };
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => {
        if (args.path === personName) {
          return {
            loader: 'js',
            contents:
              "export const personName = { id: 'person-name', types: ['PERSON'], description: 'stub', stage: 'nlp', detect: () => [], examples: { match: [], noMatch: [] } };",
          };
        }
        // Nothing else should import these, but an empty CommonJS module satisfies any import.
        return { loader: 'js', contents: 'module.exports = {};' };
      });
    },
  };
}

/** Bundles the engine (optionally without the name pass) and measures it. */
export async function engineSize(root: string, names: boolean): Promise<BundleSize> {
  const result = await build({
    entryPoints: [join(root, 'rules/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    plugins: names ? [] : [stubNames(root)],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}
