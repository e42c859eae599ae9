/**
 * Record-and-compare for detector output, for changes that must not change behaviour (speed and
 * size work). Runs every detector on every corpus text (tickets, negatives and, when present,
 * ../shared/corpora/presidio_synth_v2.jsonl) exactly as the engine does (normalised text,
 * prefilter, stage-1 spans as `taken` for the name pass), at threshold 0, and records each
 * detector's candidates per text. `compare` reports, per detector, how many texts differ.
 *
 *   npx tsx test/bench/golden.ts record /tmp/golden.json [--detectors a,b]
 *   npx tsx test/bench/golden.ts compare /tmp/golden.json [--detectors a,b]
 *
 * The file holds offsets, types, scores and reasons, never the text or a matched value.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DETECTORS,
  normalise,
  resolveOverlaps,
  type Candidate,
  type Detector,
} from '../../rules/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function texts(): string[] {
  const files = [
    join(root, 'test/corpus/tickets.jsonl'),
    join(root, 'test/corpus/negatives.jsonl'),
    join(root, '../shared/corpora/presidio_synth_v2.jsonl'),
  ].filter((f) => existsSync(f));
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

const key = (c: Candidate): string =>
  `${c.start}-${c.end}:${c.type}:${Math.round(c.score * 1000)}:${c.reason ?? ''}`;

function run(d: Detector, ntext: string, taken: { start: number; end: number }[]): string {
  if (d.prefilter && !d.prefilter.test(ntext)) return '';
  return d.detect(ntext, { taken, threshold: 0 }).map(key).sort().join(' ');
}

function record(only: Set<string> | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const pattern = DETECTORS.filter((d) => d.stage !== 'nlp');
  const nlp = DETECTORS.filter((d) => d.stage === 'nlp');
  for (const d of DETECTORS) if (!only || only.has(d.id)) out[d.id] = [];
  for (const text of texts()) {
    const ntext = normalise(text).text;
    // The name pass sees what stage 1 accepted at the default threshold, as in scanWith.
    const stage1 = [];
    for (const d of pattern) {
      const res =
        d.prefilter && !d.prefilter.test(ntext)
          ? []
          : d.detect(ntext, { taken: [], threshold: 0.5 });
      for (const c of res)
        if (c.score >= 0.5 && c.end > c.start) stage1.push({ c, detector: d.id });
      if (out[d.id]) out[d.id]!.push(run(d, ntext, []));
    }
    const taken = resolveOverlaps(stage1).map((t) => ({ start: t.c.start, end: t.c.end }));
    for (const d of nlp) if (out[d.id]) out[d.id]!.push(run(d, ntext, taken));
  }
  return out;
}

function main(): void {
  const [mode, file, ...rest] = process.argv.slice(2);
  const i = rest.indexOf('--detectors');
  const only = i >= 0 ? new Set((rest[i + 1] ?? '').split(',').filter(Boolean)) : null;
  if ((mode !== 'record' && mode !== 'compare') || !file) {
    console.error('usage: golden.ts record|compare FILE [--detectors a,b]');
    process.exit(2);
  }
  const now = record(only);
  if (mode === 'record') {
    writeFileSync(file, JSON.stringify(now));
    const n = Object.values(now)[0]?.length ?? 0;
    console.log(`recorded ${Object.keys(now).length} detectors on ${n} texts into ${file}`);
    return;
  }
  const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
  let changed = 0;
  for (const [id, rows] of Object.entries(now)) {
    const old = before[id];
    if (!old) {
      console.log(`${id}: not in the recording`);
      continue;
    }
    const diffs: number[] = [];
    rows.forEach((r, k) => {
      if (r !== old[k]) diffs.push(k);
    });
    if (diffs.length) {
      changed++;
      console.log(`${id}: ${diffs.length} texts differ (first: ${diffs.slice(0, 5).join(', ')})`);
      for (const k of diffs.slice(0, 3))
        console.log(`  #${k} before: ${old[k]}\n  #${k} now:    ${rows[k]}`);
    }
  }
  console.log(changed ? `${changed} detectors changed` : 'no differences');
  process.exitCode = changed ? 1 : 0;
}

main();
