/**
 * `npm run bench`: the engine's speed and size, printed beside its targets and beside the npm
 * peers openredaction and redact-pii, in one process on the same texts.
 *
 * 1. Throughput (MB/s) and latency (p50/p99) on 2 KB, 100 KB and 1 MB of realistic ticket
 *    text assembled from test/corpus, for Hush with and without the name pass and for the
 *    peers (default options, their own APIs: no span recovery is timed). Beside the p99 of all
 *    runs, the slowest text's median: what the costliest prompt takes when the machine does
 *    not interrupt (a busy 2-core machine adds pauses of several ms to ~2% of runs, whatever
 *    the text). The targets table shows both. At 2 KB, Hush is measured twice: early in the
 *    process (runs 129-528, while V8 still compiles and re-optimises the engine) and in the
 *    steady state after 2.5 s of scanning; the latency targets are read on the steady state.
 *    The peers are warmed up for as long before they are measured (2 KB in this process; 1 MB
 *    in a worker), so the throughput ratio compares optimised code with optimised code. At
 *    1 MB both get one untimed run of that size first; Hush then has five timed runs, a peer
 *    up to three (the median counts; one run alone swung the 1 MB ratio by a third).
 *    A page's first scans are section 4's figures.
 * 2. Each detector's cost on the corpus records (ScanOptions.onTiming), ranked, with how often
 *    its prefilter skipped it.
 * 3. Each detector's worst time on the 1 MB adversarial inputs (adversarial.ts).
 * 4. The engine's size, minified and gzipped, without and with the name pass, and its start-up
 *    in fresh processes: import and first scan of a short text (median of 7), and the first
 *    scan of a 2 KB ticket cold and after the guard's warm-up (rules/warm.ts; median of 3).
 *
 * Figures only, no assertions: it exits 0 unless something crashes. Each measurement runs
 * until a count or a time budget is reached, so the whole bench stays within a few minutes
 * even on a slow machine; sample counts are printed beside percentiles. A peer's 1 MB runs
 * happen in a worker thread that is stopped after PEER_1MB_TIMEOUT_MS (openredaction grows
 * faster than linearly with input size).
 *
 *   npm run bench -- [--no-peers]
 *   npm run bench -- --size     (section 4 only, in seconds; per-module breakdown:
 *                                npx tsx test/bench/bundle.ts --analyse)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OpenRedaction } from 'openredaction';
import { DETECTORS, scan, scanWith } from '../../rules/index.ts';
import { ADVERSARIAL } from './adversarial.ts';
import { engineSize, engineStartup } from './bundle.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const PEER_1MB_TIMEOUT_MS = 20_000;
/** Timed 1 MB runs of a peer after its warm-up run (Hush has five). */
const PEER_1MB_RUNS = 3;

const TARGETS = {
  p99_2kb_nonames: 1,
  p99_2kb_names: 5,
  ms_1mb_names: 300,
  peerRatio: 10,
  gzipKb: 60,
};

// ---------------------------------------------------------------------------------------------
// Texts

function corpusTexts(): string[] {
  const read = (f: string) =>
    readFileSync(join(root, 'test/corpus', f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
  return [...read('tickets.jsonl'), ...read('negatives.jsonl')];
}

/**
 * `count` texts of about `size` characters: corpus records (mostly tickets, some benign text)
 * joined by blank lines from different starting points, cut at a line end where possible.
 */
function assemble(records: string[], size: number, count: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    let i = (k * 7919) % records.length;
    while (s.length < size) {
      s += (records[i] as string) + '\n\n';
      i = (i + 613) % records.length;
    }
    const cut = s.lastIndexOf('\n', size);
    out.push(s.slice(0, cut > size * 0.9 ? cut : size));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Sample {
  /** Milliseconds per run. */
  times: number[];
  /** Which text each run scanned (its index in the texts given to `measure`). */
  texts?: number[];
  bytes: number;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** Runs `fn` over `texts` in turn until `maxRuns` runs or `budgetMs`, at least `minRuns`. */
async function measure(
  texts: string[],
  fn: (t: string) => unknown,
  opts: { maxRuns: number; minRuns: number; budgetMs: number; warmup: number },
): Promise<Sample> {
  for (let i = 0; i < opts.warmup; i++) await fn(texts[i % texts.length] as string);
  const times: number[] = [];
  const which: number[] = [];
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < opts.maxRuns; i++) {
    if (i >= opts.minRuns && performance.now() - start > opts.budgetMs) break;
    const t = texts[i % texts.length] as string;
    const t0 = performance.now();
    await fn(t);
    times.push(performance.now() - t0);
    which.push(i % texts.length);
    bytes += utf8(t);
  }
  return { times, texts: which, bytes };
}

/**
 * Hush's speed over a peer's, from runs that take turns on the same texts (hush, peer, hush,
 * peer...): the peer's total time over Hush's. Load that comes and goes hits both alike.
 */
function pairedRatio(
  texts: string[],
  own: (t: string) => unknown,
  peer: (t: string) => unknown,
  opts: { maxRuns: number; minRuns: number; budgetMs: number; warmup: number },
): number {
  for (let i = 0; i < opts.warmup; i++) {
    own(texts[i % texts.length] as string);
    peer(texts[i % texts.length] as string);
  }
  let ownMs = 0;
  let peerMs = 0;
  const start = performance.now();
  for (let i = 0; i < opts.maxRuns; i++) {
    if (i >= opts.minRuns && performance.now() - start > 2 * opts.budgetMs) break;
    const t = texts[i % texts.length] as string;
    const t0 = performance.now();
    own(t);
    const t1 = performance.now();
    peer(t);
    peerMs += performance.now() - t1;
    ownMs += t1 - t0;
  }
  return peerMs / ownMs;
}

/**
 * Scans `texts` in turn, with and without the name pass, for `ms` milliseconds: long enough for
 * V8 to have compiled and optimised what these texts use. Returns how many scans that took.
 */
function warmUntil(texts: string[], ms: number): number {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) {
    const t = texts[n % texts.length] as string;
    scan(t, { names: Math.floor(n / texts.length) % 2 === 0 });
    n++;
  }
  return n;
}

/** Runs a peer over `texts` in turn for `ms` milliseconds (see warmUntil); returns the runs. */
function warmPeer(texts: string[], run: (t: string) => unknown, ms: number): number {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) run(texts[n++ % texts.length] as string);
  return n;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] as number;
}

/**
 * The slowest text's typical time: each text's median over its runs, then the largest of those.
 * The p99 of all runs also holds moments when the machine, not the text, was slow (another
 * process, a background compile, a GC pause that a run merely happened to meet); this figure
 * says what the slowest prompt costs. NaN unless every text was scanned at least three times.
 */
function worstText(s: Sample): number {
  if (!s.texts) return NaN;
  const runs = new Map<number, number[]>();
  s.texts.forEach((t, i) => runs.set(t, [...(runs.get(t) ?? []), s.times[i] as number]));
  let worst = NaN;
  for (const times of runs.values()) {
    if (times.length < 3) return NaN;
    const m = percentile(
      times.sort((a, b) => a - b),
      50,
    );
    if (!(m <= worst)) worst = m;
  }
  return worst;
}

function stats(s: Sample) {
  const sorted = s.times.slice().sort((a, b) => a - b);
  const total = s.times.reduce((a, b) => a + b, 0);
  return {
    n: s.times.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    worst: worstText(s),
    mbps: total > 0 ? s.bytes / (1 << 20) / (total / 1000) : NaN,
  };
}

/**
 * One peer run on `text` in a worker thread, after `warm.ms` of runs on `warm.texts` (the
 * steady state Hush is measured in); stopped after `timeoutMs` more; null on timeout.
 */
function peerInWorker(
  peer: 'openredaction' | 'redact-pii',
  text: string,
  timeoutMs: number,
  warm: { texts: string[]; ms: number },
): Promise<number[] | null> {
  const url = pathToFileURL(require.resolve(peer)).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const mod = await import(workerData.url);
      let run;
      if (workerData.peer === 'openredaction') {
        const o = new mod.OpenRedaction();
        run = (t) => o.detect(t);
      } else {
        const r = new (mod.SyncRedactor || mod.default.SyncRedactor)();
        run = async (t) => r.redact(t);
      }
      // Warmed up on the 2 KB texts for as long as Hush was, so both run optimised code.
      const w0 = performance.now();
      for (let i = 0; performance.now() - w0 < workerData.warmMs; i++) {
        await run(workerData.warmTexts[i % workerData.warmTexts.length]);
      }
      // Then as Hush is measured at 1 MB: one run to warm up on the size, then timed runs
      // (up to PEER_1MB_RUNS, while the time budget lasts).
      const times = [];
      const start = performance.now();
      for (let i = 0; i <= workerData.runs; i++) {
        const t0 = performance.now();
        await run(workerData.text);
        if (i > 0) times.push(performance.now() - t0);
        if (performance.now() - start > workerData.budgetMs) break;
      }
      parentPort.postMessage(times.length > 0 ? times : [performance.now() - start]);
    })().catch((e) => parentPort.postMessage(String(e && e.stack || e)));
  `;
  return new Promise((resolveRun, reject) => {
    const w = new Worker(code, {
      eval: true,
      workerData: {
        url,
        peer,
        text,
        warmTexts: warm.texts,
        warmMs: warm.ms,
        runs: PEER_1MB_RUNS,
        budgetMs: timeoutMs / 2,
      },
    });
    const timer = setTimeout(() => {
      void w.terminate();
      resolveRun(null);
    }, timeoutMs + warm.ms);
    w.once('message', (m: unknown) => {
      clearTimeout(timer);
      void w.terminate();
      if (Array.isArray(m)) resolveRun(m as number[]);
      else reject(new Error(`${peer} worker: ${String(m)}`));
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Printing

function table(head: string[], rows: string[][], alignLeft = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i < alignLeft ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

const ms = (v: number) => (Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0));
const mbps = (v: number) => (Number.isNaN(v) ? '–' : v < 1 ? v.toFixed(3) : v.toFixed(1));
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

// ---------------------------------------------------------------------------------------------

interface Row {
  system: string;
  size: string;
  n: number;
  p50: number;
  p99: number;
  /** The slowest text's median time (see worstText). */
  worst: number;
  mbps: number;
  note?: string;
}

/**
 * Section 4: the engine's size without and with the name pass, and its start-up (import and
 * first scan in a fresh process; the first scan of a 2 KB ticket cold and after the warm-up a
 * page runs once an editor has focus, rules/warm.ts). Returns the size target's row for the
 * summary.
 */
async function sizeSection(): Promise<string[][]> {
  console.log('\n4. Engine size (esbuild bundle of rules/index.ts, minified, gzip -9)');
  const sizeRows: string[][] = [];
  for (const names of [false, true]) {
    const build = names ? 'with names' : 'without names';
    try {
      const s = await engineSize(root, names);
      const up = await engineStartup(root, names);
      const kb = s.gzip / 1024;
      sizeRows.push([
        build,
        (s.minified / 1024).toFixed(1),
        kb.toFixed(1),
        up.importMs.toFixed(1),
        up.firstScanMs.toFixed(1),
        up.firstTicketMs.toFixed(1),
        up.warmTicketMs.toFixed(1),
        up.warmUpMs.toFixed(0),
        names ? '' : `<= ${TARGETS.gzipKb} KB: ${mark(kb <= TARGETS.gzipKb)}`,
      ]);
    } catch (e) {
      const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
      sizeRows.push([build, 'error', message, '', '', '', '', '', '']);
    }
  }
  console.log(
    table(
      [
        'build',
        'minified KB',
        'gzip KB',
        'import ms',
        'first scan ms',
        'first 2 KB scan ms',
        'after warm-up ms',
        'warm-up ms',
        'target',
      ],
      sizeRows,
      1,
    ),
  );
  console.log(
    '   first scan: a short text; 2 KB: corpus tickets (test/corpus), cold and after the\n' +
      '   warm-up rounds (rules/warm.ts, run at once here, in idle callbacks on a page); medians\n' +
      '   of 7 fresh processes (short) and 3 (2 KB)',
  );
  const gz = sizeRows[0]?.[2];
  if (!gz || Number.isNaN(Number(gz))) return [];
  return [
    [
      'engine gzip, no names',
      `${gz} KB`,
      `<= ${TARGETS.gzipKb} KB`,
      mark(Number(gz) <= TARGETS.gzipKb),
    ],
  ];
}

async function main(): Promise<void> {
  if (process.argv.includes('--size')) {
    const rows = await sizeSection();
    console.log(table(['target', 'figure', 'goal', ''], rows, 1));
    return;
  }
  const withPeers = !process.argv.includes('--no-peers');
  const started = performance.now();
  const records = corpusTexts();
  console.log(
    `Hush bench: ${DETECTORS.length} detectors; Node ${process.version}; ${records.length} corpus records`,
  );

  const sizes = [
    {
      name: '2 KB',
      chars: 2 * 1024,
      count: 64,
      // Warmed up on every text twice: V8 runs a regular expression's first use in its
      // interpreter and compiles it to machine code on the second, so a context pattern that
      // only the 40th text needs would otherwise be compiled inside a timed run and make that
      // run the p99. The cost of a page's first scan is its own figure (section 4).
      hush: { maxRuns: 400, minRuns: 20, budgetMs: 2500, warmup: 128 },
      // Scanning time before the steady-state measurement: the p99 of 400 runs stops falling
      // after ~2,000 scans of these texts (about 1 s here).
      steadyMs: 2500,
      peer: { maxRuns: 100, minRuns: 10, budgetMs: 2500, warmup: 5 },
    },
    {
      name: '100 KB',
      chars: 100 * 1024,
      count: 8,
      hush: { maxRuns: 30, minRuns: 3, budgetMs: 4000, warmup: 1 },
      peer: { maxRuns: 10, minRuns: 1, budgetMs: 4000, warmup: 1 },
    },
    {
      name: '1 MB',
      chars: 1024 * 1024,
      count: 2,
      hush: { maxRuns: 5, minRuns: 2, budgetMs: 6000, warmup: 1 },
      peer: null,
    },
  ];

  const openredaction = new OpenRedaction();
  const RedactPii = require('redact-pii') as {
    SyncRedactor: new () => { redact(t: string): string };
  };
  const redactPii = new RedactPii.SyncRedactor();

  // 1. Throughput and latency.
  const rows: Row[] = [];
  for (const size of sizes) {
    const texts = assemble(records, size.chars, size.count);
    const push = (system: string, s: Sample, note?: string) => {
      const st = stats(s);
      rows.push({
        system,
        size: size.name,
        n: st.n,
        p50: st.p50,
        p99: st.p99,
        worst: st.worst,
        mbps: st.mbps,
        ...(note ? { note } : {}),
      });
    };
    if (size.steadyMs) {
      // A process's first scans run while V8 is still compiling and re-optimising the engine:
      // scans 129-528 have a p99 of ~5 ms where the steady state has <1 ms. Both are printed;
      // the latency targets are read on the steady state, what a page that has been scanning
      // for a while sees. A page's very first scans are section 4's figures.
      const early = { ...size.hush, warmup: 128 };
      push('hush (names), early', await measure(texts, (t) => scan(t), early), 'runs 129-528');
      push(
        'hush (no names), early',
        await measure(texts, (t) => scan(t, { names: false }), early),
        'runs 129-528',
      );
      const n = warmUntil(texts, size.steadyMs);
      const note = `after ${n} warm-up scans (${size.steadyMs / 1000} s)`;
      push('hush (names)', await measure(texts, (t) => scan(t), size.hush), note);
      push(
        'hush (no names)',
        await measure(texts, (t) => scan(t, { names: false }), size.hush),
        note,
      );
    } else {
      push('hush (names)', await measure(texts, (t) => scan(t), size.hush));
      push('hush (no names)', await measure(texts, (t) => scan(t, { names: false }), size.hush));
    }
    if (!withPeers) continue;
    if (size.peer) {
      const peers = [
        ['openredaction', (t: string) => openredaction.detect(t)],
        ['redact-pii', (t: string) => redactPii.redact(t)],
      ] as const;
      for (const [name, run] of peers) {
        // The peers are measured in the same steady state as Hush: warmed up for as long.
        const note = size.steadyMs
          ? `after ${warmPeer(texts, run, size.steadyMs)} warm-up runs (${size.steadyMs / 1000} s)`
          : undefined;
        push(name, await measure(texts, run, size.peer), note);
      }
    } else {
      const text = texts[0] as string;
      for (const peer of ['openredaction', 'redact-pii'] as const) {
        const t = await peerInWorker(peer, text, PEER_1MB_TIMEOUT_MS, {
          texts: assemble(records, 2 * 1024, 64),
          ms: 2500,
        });
        if (t === null) {
          rows.push({
            system: peer,
            size: size.name,
            n: 0,
            p50: NaN,
            p99: NaN,
            worst: NaN,
            mbps: NaN,
            note: `stopped after ${PEER_1MB_TIMEOUT_MS / 1000} s (< ${mbps(utf8(text) / (1 << 20) / (PEER_1MB_TIMEOUT_MS / 1000))} MB/s)`,
          });
        } else {
          push(
            peer,
            { times: t, bytes: utf8(text) * t.length },
            `${t.length} run${t.length === 1 ? '' : 's'} after 2.5 s warm-up and one 1 MB run, worker`,
          );
        }
      }
    }
  }
  console.log(
    '\n1. Throughput and latency (ms per scan; p99 of n runs is their maximum when n < 100;\n' +
      "   worst text: the slowest text's median over its runs, without the machine's hiccups)",
  );
  console.log(
    table(
      ['system', 'size', 'n', 'p50 ms', 'p99 ms', 'worst text ms', 'MB/s', 'note'],
      rows.map((r) => [
        r.system,
        r.size,
        String(r.n),
        ms(r.p50),
        ms(r.p99),
        ms(r.worst),
        mbps(r.mbps),
        r.note ?? '',
      ]),
      2,
    ),
  );

  const find = (system: string, size: string) =>
    rows.find((r) => r.system === system && r.size === size);
  const targets: string[][] = [];
  const p2n = find('hush (no names)', '2 KB');
  const p2 = find('hush (names)', '2 KB');
  const m1 = find('hush (names)', '1 MB');
  for (const system of ['hush (no names), early', 'hush (names), early']) {
    const r = find(system, '2 KB');
    if (r)
      targets.push([
        `2 KB p99, ${system.slice(6, -8)}, scans 129-528 (no target)`,
        `${ms(r.p99)} ms`,
        '–',
        '',
      ]);
  }
  if (p2n)
    targets.push([
      '2 KB p99, no names',
      `${ms(p2n.p99)} ms`,
      `< ${TARGETS.p99_2kb_nonames} ms`,
      mark(p2n.p99 < TARGETS.p99_2kb_nonames),
    ]);
  if (p2n && !Number.isNaN(p2n.worst))
    targets.push([
      '2 KB worst text, no names',
      `${ms(p2n.worst)} ms`,
      `< ${TARGETS.p99_2kb_nonames} ms`,
      mark(p2n.worst < TARGETS.p99_2kb_nonames),
    ]);
  if (p2)
    targets.push([
      '2 KB p99, names',
      `${ms(p2.p99)} ms`,
      `< ${TARGETS.p99_2kb_names} ms`,
      mark(p2.p99 < TARGETS.p99_2kb_names),
    ]);
  if (p2 && !Number.isNaN(p2.worst))
    targets.push([
      '2 KB worst text, names',
      `${ms(p2.worst)} ms`,
      `< ${TARGETS.p99_2kb_names} ms`,
      mark(p2.worst < TARGETS.p99_2kb_names),
    ]);
  if (m1)
    targets.push([
      '1 MB, names (p50)',
      `${ms(m1.p50)} ms`,
      `< ${TARGETS.ms_1mb_names} ms`,
      mark(m1.p50 < TARGETS.ms_1mb_names),
    ]);
  if (withPeers) {
    for (const size of sizes) {
      const own = find('hush (no names)', size.name);
      const peers = rows.filter(
        (r) => r.size === size.name && !r.system.startsWith('hush') && !Number.isNaN(r.mbps),
      );
      const best = peers.sort((a, b) => b.mbps - a.mbps)[0];
      if (!own || !best) continue;
      // The MB/s of separate runs swing with whatever else the machine does between them (two
      // sessions saw this ratio move by 2x with no code change). Paired runs take turns on the
      // same text, so a busy moment slows both: their ratio is the figure the target is read on.
      const paired =
        size.peer && best.system === 'redact-pii'
          ? pairedRatio(
              assemble(records, size.chars, size.count),
              (t) => scan(t, { names: false }),
              (t) => redactPii.redact(t),
              size.peer,
            )
          : size.peer && best.system === 'openredaction'
            ? pairedRatio(
                assemble(records, size.chars, size.count),
                (t) => scan(t, { names: false }),
                (t) => openredaction.detect(t),
                size.peer,
              )
            : null;
      const ratio = paired ?? own.mbps / best.mbps;
      targets.push([
        `throughput vs ${best.system}, ${size.name}, no names${paired === null ? '' : ' (paired)'}`,
        `${ratio.toFixed(1)}x`,
        `>= ${TARGETS.peerRatio}x`,
        mark(ratio >= TARGETS.peerRatio),
      ]);
    }
  }

  // 2. Detector cost on the corpus records.
  const cost = new Map<string, { ms: number; runs: number }>();
  const now = () => performance.now();
  const onTiming = (id: string, t: number) => {
    const c = cost.get(id) ?? { ms: 0, runs: 0 };
    c.ms += t;
    c.runs++;
    cost.set(id, c);
  };
  const t0 = performance.now();
  for (const r of records) scan(r, { onTiming, now });
  const scanMs = performance.now() - t0;
  const detectorMs = [...cost.values()].reduce((a, c) => a + c.ms, 0);
  console.log(
    `\n2. Detector cost over ${records.length} corpus records (names on): ${ms(scanMs)} ms in all, ${ms(detectorMs)} ms inside detectors`,
  );
  console.log(
    table(
      ['detector', 'ms', 'share', 'runs', 'prefilter skips', 'µs/run'],
      DETECTORS.map((d) => [d.id, cost.get(d.id) ?? { ms: 0, runs: 0 }] as const)
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([id, c]) => [
          id,
          ms(c.ms),
          `${((c.ms / (detectorMs || 1)) * 100).toFixed(1)}%`,
          String(c.runs),
          String(records.length - c.runs),
          c.runs ? ((1000 * c.ms) / c.runs).toFixed(1) : '–',
        ]),
    ),
  );

  // 3. Worst time per detector on the adversarial inputs.
  const worst: Array<[string, number, string]> = [];
  const a0 = performance.now();
  for (const d of DETECTORS) {
    let w = 0;
    let wName = '';
    for (const [name, input] of ADVERSARIAL) {
      const s = performance.now();
      scanWith([d], input);
      const t = performance.now() - s;
      if (t > w) {
        w = t;
        wName = name;
      }
    }
    worst.push([d.id, w, wName]);
  }
  worst.sort((a, b) => b[1] - a[1]);
  console.log(
    `\n3. Worst time per detector on ${ADVERSARIAL.length} adversarial 1 MB inputs (${ms(performance.now() - a0)} ms in all; the meta-test fails at 2000 ms of CPU)`,
  );
  console.log(
    table(
      ['detector', 'worst ms', 'input'],
      worst.map(([id, t, n]) => [id, ms(t), n]),
      1,
    ),
  );

  // 4. Size.
  targets.push(...(await sizeSection()));

  console.log('\nTargets');
  console.log(table(['target', 'figure', 'goal', ''], targets, 1));
  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
