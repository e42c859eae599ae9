/**
 * The engine's shipped size: rules/index.ts bundled and minified by esbuild, then gzipped.
 * Without names, every module under rules/names/ and rules/detectors/person-name.ts is
 * replaced by a stub (an inert person-name detector), which is what a build without the name
 * pass would ship.
 *
 * Run on its own for the figures, a per-module breakdown and the bundle's start-up time:
 *
 *   npx tsx test/bench/bundle.ts [--analyse] [--startup]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';

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
              "export const personName = { id: 'person-name', types: ['PERSON'], stage: 'nlp', detect: () => [] };",
          };
        }
        // Nothing else should import these, but an empty CommonJS module satisfies any import.
        return { loader: 'js', contents: 'module.exports = {};' };
      });
    },
  };
}

function options(root: string, names: boolean): BuildOptions {
  return {
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
  };
}

const gzip = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).byteLength;

/** The minified bundle of the engine (optionally without the name pass). */
export async function engineBundle(root: string, names: boolean): Promise<Uint8Array> {
  const result = await build(options(root, names));
  return result.outputFiles?.[0]?.contents ?? new Uint8Array();
}

/** Bundles the engine (optionally without the name pass) and measures it. */
export async function engineSize(root: string, names: boolean): Promise<BundleSize> {
  const code = await engineBundle(root, names);
  return { minified: code.byteLength, gzip: gzip(code) };
}

/** One module's share of the engine bundle. */
export interface ModuleShare {
  /** Path relative to the root. */
  module: string;
  /** Its code alone, minified. */
  minified: number;
  /** Its code alone, minified and gzipped. */
  gzip: number;
  /**
   * What it adds to the whole bundle's gzip size: the bundle's gzip size minus that of the
   * bundle without it. This is the figure to rank by, since gzip shares strings across modules.
   */
  marginal: number;
}

/**
 * Splits the bundle into its modules and measures each one, largest marginal share first.
 * esbuild's metafile gives only minified bytes per input, not what each costs after gzip, so
 * the bundle is built without whitespace minification (which keeps esbuild's `// path` comment
 * at each module's start), cut at those comments, and each piece is then minified alone.
 */
export async function engineBreakdown(root: string, names: boolean): Promise<ModuleShare[]> {
  const result = await build({
    ...options(root, names),
    minify: false,
    minifyIdentifiers: true,
    minifySyntax: true,
  });
  // The closing `export { ... }` names every module's exports, so no piece could be left out of
  // a bundle that keeps it; it is dropped before measuring (a few hundred bytes).
  const text = (result.outputFiles?.[0]?.text ?? '').replace(/\nexport \{[^}]*\};\s*$/, '\n');
  const parts: { module: string; code: string }[] = [];
  let current = { module: '(runtime)', lines: [] as string[] };
  for (const line of text.split('\n')) {
    const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(line);
    if (m) {
      parts.push({ module: current.module, code: current.lines.join('\n') });
      current = { module: m[1] ?? '', lines: [] };
    } else current.lines.push(line);
  }
  parts.push({ module: current.module, code: current.lines.join('\n') });
  // A piece may not parse alone (a statement cut at a comment); it is then measured unminified.
  const squeeze = async (code: string): Promise<string> => {
    try {
      return (await transform(code, { loader: 'js', minifyWhitespace: true })).code;
    } catch {
      return code;
    }
  };
  // Each piece is minified once; the bundle without a piece is the other pieces joined, which
  // is what leaving that module out would ship (to within a few bytes of joining).
  const squeezed = await Promise.all(parts.map((p) => squeeze(p.code)));
  const total = gzip(squeezed.join('\n'));
  const shares: ModuleShare[] = parts.map((part, i) => {
    const own = squeezed[i] ?? '';
    const rest = squeezed.filter((_, j) => j !== i).join('\n');
    const module = part.module.startsWith('(')
      ? part.module
      : relative(root, resolve(root, part.module));
    return {
      module,
      minified: Buffer.byteLength(own),
      gzip: gzip(own),
      marginal: total - gzip(rest),
    };
  });
  return shares.sort((a, b) => b.marginal - a.marginal);
}

/** Time to import the bundle and run the first scan, in a fresh Node process. */
export interface Startup {
  /** Milliseconds to import the bundled engine (parse and module-level work). */
  importMs: number;
  /** Milliseconds for the first scan of a short text (lazy work done on first use). */
  firstScanMs: number;
  /** Milliseconds for the first scan of a ~2 KB ticket (ticketText): a page's first paste. */
  firstTicketMs: number;
  /** The same scan after the warm-up a page runs once an editor has focus (rules/warm.ts). */
  warmTicketMs: number;
  /** Milliseconds the warm-up itself took (spread over idle callbacks in a page). */
  warmUpMs: number;
}

/**
 * About `size` characters of ticket text: the first records of test/corpus/tickets.jsonl joined
 * by blank lines, cut at a line end. Generated, fake data; not the warm-up's own sample.
 */
export function ticketText(root: string, size = 2048): string {
  const records = readFileSync(join(root, 'test/corpus/tickets.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  let text = '';
  for (const r of records) {
    if (text.length >= size) break;
    text += r + '\n\n';
  }
  const cut = text.lastIndexOf('\n', size);
  return text.slice(0, cut > size * 0.9 ? cut : size);
}

/**
 * Measures start-up of the minified bundle: the median of `runs` fresh processes, since the
 * cost is paid once per content script or service worker start, not per scan. The 2 KB ticket
 * figures take `ticketRuns` processes each (cold, and after the warm-up), since they are slower.
 */
export async function engineStartup(
  root: string,
  names: boolean,
  runs = 7,
  ticketRuns = 3,
): Promise<Startup> {
  const dir = mkdtempSync(join(tmpdir(), 'hush-startup-'));
  try {
    const file = join(dir, 'engine.mjs');
    writeFileSync(file, await engineBundle(root, names));
    // The warm-up's sample ships with the guard, not in the engine's bundle: a module of its own.
    const warmFile = join(dir, 'warm.mjs');
    const warmBuild = await build({
      ...options(root, names),
      entryPoints: [join(root, 'rules/warm.ts')],
    });
    writeFileSync(warmFile, warmBuild.outputFiles?.[0]?.contents ?? new Uint8Array());
    // One probe, three modes: `short` scans a short text, `ticket` the 2 KB ticket, `warm` runs
    // the warm-up's rounds (all steps at once) and then scans the ticket.
    const probe = `
      const mode = process.argv.at(-1);
      const t0 = performance.now();
      const m = await import(${JSON.stringify(pathToFileURL(file).href)});
      const t1 = performance.now();
      const scan = (text) => m.scan(text, { names: ${names} });
      if (mode === 'short') {
        scan('Call Jane Doe on +44 20 7946 0958 or mail jane@example.com, 10 Downing Street, London SW1A 2AA.');
      } else if (mode === 'warm') {
        const w = await import(${JSON.stringify(pathToFileURL(join(dir, 'warm.mjs')).href)});
        const step = w.warmUp(scan, w.WARM_ROUNDS);
        while (step() > 0);
      }
      const t2 = performance.now();
      if (mode !== 'short') scan(${JSON.stringify(ticketText(root))});
      const t3 = performance.now();
      console.log(JSON.stringify([t1 - t0, t2 - t1, t3 - t2]));`;
    const sample = (mode: string, n: number): [number, number, number][] => {
      const out: [number, number, number][] = [];
      for (let i = 0; i < n; i++) {
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe, mode], {
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`start-up probe failed: ${r.stderr.trim()}`);
        out.push(JSON.parse(r.stdout) as [number, number, number]);
      }
      return out;
    };
    const median = (xs: number[]): number =>
      xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const short = sample('short', runs);
    const cold = sample('ticket', ticketRuns);
    const warm = sample('warm', ticketRuns);
    return {
      importMs: median(short.map((s) => s[0])),
      firstScanMs: median(short.map((s) => s[1])),
      firstTicketMs: median(cold.map((s) => s[2])),
      warmTicketMs: median(warm.map((s) => s[2])),
      warmUpMs: median(warm.map((s) => s[1])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const kb = (n: number): string => (n / 1024).toFixed(1);
  for (const names of [false, true]) {
    const s = await engineSize(root, names);
    console.log(
      `${names ? 'with names   ' : 'without names'}  ${kb(s.minified)} KB minified  ${kb(s.gzip)} KB gzip`,
    );
  }
  if (process.argv.includes('--startup')) {
    for (const names of [false, true]) {
      const s = await engineStartup(root, names);
      console.log(
        `start-up ${names ? 'with names   ' : 'without names'}  import ${s.importMs.toFixed(1)} ms  first scan ${s.firstScanMs.toFixed(1)} ms  first 2 KB scan ${s.firstTicketMs.toFixed(1)} ms  after warm-up ${s.warmTicketMs.toFixed(1)} ms (warm-up ${s.warmUpMs.toFixed(0)} ms)`,
      );
    }
  }
  if (process.argv.includes('--analyse')) {
    const names = process.argv.includes('--names');
    console.log(
      `\nModules ${names ? 'with' : 'without'} names, by what each adds to the gzip size (bytes):`,
    );
    console.log('marginal   gzip  minified  module');
    for (const s of await engineBreakdown(root, names)) {
      console.log(
        `${String(s.marginal).padStart(8)} ${String(s.gzip).padStart(6)} ${String(s.minified).padStart(9)}  ${s.module}`,
      );
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
