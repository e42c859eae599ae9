/**
 * `npm run eval`: runs the engine (and the npm peers openredaction and redact-pii) over the
 * labelled corpora and prints precision, recall and F1 per type, exact-span and overlap, plus
 * false alarms per 10,000 words on the negatives. Scoring lives in score.ts.
 *
 *   npm run eval -- [--corpus NAME]... [--json] [--no-peers] [--names=false] [--compromise] [--errors TYPE]
 *
 * Corpora: tickets and negatives (test/corpus, generated), probes (test/corpus, written by hand),
 * and presidio (../shared/corpora/presidio_synth_v2.jsonl beside the repository, skipped when
 * absent; only its personal-data labels are scored, see PRESIDIO_SCORED). Output never contains corpus
 * values except with --errors, which is for developers (the corpora are synthetic).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DETECTORS, scan, scanWith, type Finding } from '../../rules/index.ts';
import { createPersonName } from '../../rules/detectors/person-name.ts';
import { isPersonAt } from '../../rules/names/compromise.ts';
import { openRedactionPeer, redactPiiPeer, type Peer } from './peers.ts';
import {
  addCounts,
  countWords,
  metrics,
  micro,
  overlaps,
  per10k,
  scoreRecord,
  type Counts,
  type GoldSpan,
  type Metrics,
  type PredSpan,
} from './score.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The presidio corpus labels more than personal data; these are the labels we score there. */
export const PRESIDIO_SCORED = new Set([
  'PERSON',
  'ADDRESS',
  'CREDIT_CARD',
  'EMAIL',
  'IBAN',
  'IP_ADDRESS',
  'PHONE',
  'US_SSN',
  'DRIVER_LICENSE',
]);

interface CorpusDef {
  name: string;
  aliases: string[];
  file: string;
  kind: 'labelled' | 'negatives';
  /** Only these types are scored (gold and findings); others are ignored. */
  scored?: ReadonlySet<string>;
  /** Corpus label -> engine type. */
  labelMap?: Readonly<Record<string, string>>;
  missingHint: string;
}

const CORPORA: CorpusDef[] = [
  {
    name: 'tickets',
    aliases: ['ticket'],
    file: join(repoRoot, 'test/corpus/tickets.jsonl'),
    kind: 'labelled',
    missingHint: 'run: npx tsx test/corpus/generate.ts',
  },
  {
    name: 'negatives',
    aliases: ['negative'],
    file: join(repoRoot, 'test/corpus/negatives.jsonl'),
    kind: 'negatives',
    missingHint: 'run: npx tsx test/corpus/generate.ts',
  },
  {
    name: 'probes',
    aliases: ['probe'],
    file: join(repoRoot, 'test/corpus/probes.jsonl'),
    kind: 'labelled',
    missingHint: 'test/corpus/probes.jsonl is committed; check out the repository again',
  },
  {
    name: 'presidio',
    aliases: ['presidio_synth_v2'],
    file: join(repoRoot, '../shared/corpora/presidio_synth_v2.jsonl'),
    kind: 'labelled',
    scored: PRESIDIO_SCORED,
    labelMap: { SSN: 'US_SSN' },
    missingHint: 'the shared corpora are not present beside the repository',
  },
];

interface Rec {
  id: string;
  text: string;
  lang: string;
  spans: GoldSpan[];
}

interface Options {
  corpora: string[];
  /** Labelled JSONL files given with --file, scored on every label as the probes are. */
  files: string[];
  json: boolean;
  peers: boolean;
  names: boolean;
  compromise: boolean;
  errors: string | null;
}

function usage(): string {
  return [
    'usage: npm run eval -- [options]',
    '  --corpus NAME    tickets | negatives | probes | presidio (repeatable or comma-separated; default all)',
    '  --file PATH      a labelled JSONL file of your own ({"id", "text", "spans": [{"start", "end", "label"}]}),',
    '                   scored on every label (repeatable; only these files unless --corpus is given too)',
    '  --json           print a machine-readable summary instead of tables',
    '  --no-peers       skip openredaction and redact-pii',
    '  --names=false    run the engine without the name pass',
    '  --compromise     use compromise as the name pass tie-breaker (to re-measure it)',
    '  --errors TYPE    list up to 30 missed and 30 false spans of TYPE (prints corpus text)',
  ].join('\n');
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    corpora: [],
    files: [],
    json: false,
    peers: true,
    names: true,
    compromise: false,
    errors: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--corpus':
        o.corpora.push(...value().split(',').filter(Boolean));
        break;
      case '--file':
        o.files.push(value());
        break;
      case '--json':
        o.json = true;
        break;
      case '--no-peers':
        o.peers = false;
        break;
      case '--peers':
        o.peers = inline === undefined ? true : inline !== 'false';
        break;
      case '--names':
        o.names = (inline ?? 'true') !== 'false';
        if (inline === undefined && (argv[i + 1] === 'false' || argv[i + 1] === 'true'))
          o.names = argv[++i] === 'true';
        break;
      case '--compromise':
        o.compromise = true;
        break;
      case '--no-names':
        o.names = false;
        break;
      case '--errors':
        o.errors = value().toUpperCase();
        break;
      case '--help':
      case '-h':
        console.log(usage());
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n${usage()}`);
    }
  }
  return o;
}

/** A corpus's records; a line that is not a labelled record stops the run with its number. */
function load(def: CorpusDef): Rec[] {
  const recs: Rec[] = [];
  readFileSync(def.file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      if (!l.trim()) return;
      const where = `${def.file}:${i + 1}`;
      let r: { id?: unknown; text?: unknown; lang?: unknown; spans?: unknown };
      try {
        r = JSON.parse(l) as typeof r;
      } catch (e) {
        throw new Error(`${where}: not JSON (${e instanceof Error ? e.message : String(e)})`, {
          cause: e,
        });
      }
      if (typeof r !== 'object' || r === null || typeof r.text !== 'string') {
        throw new Error(`${where}: a record needs "text", a string`);
      }
      const text = r.text;
      if (r.spans !== undefined && !Array.isArray(r.spans)) {
        throw new Error(`${where}: "spans" must be an array`);
      }
      const spans: GoldSpan[] = [];
      for (const [k, s] of ((r.spans ?? []) as unknown[]).entries()) {
        const g = s as Partial<GoldSpan> | null;
        if (
          !g ||
          typeof g.label !== 'string' ||
          !Number.isInteger(g.start) ||
          !Number.isInteger(g.end) ||
          g.start! < 0 ||
          g.end! <= g.start! ||
          g.end! > text.length
        ) {
          throw new Error(
            `${where}: span ${k} needs a "label" and integer "start" < "end" within the text (${text.length} characters)`,
          );
        }
        const label = def.labelMap?.[g.label] ?? g.label;
        if (!def.scored || def.scored.has(label))
          spans.push({ start: g.start!, end: g.end!, label });
      }
      const id =
        typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : `line ${i + 1}`;
      recs.push({ id, text, lang: typeof r.lang === 'string' ? r.lang : '', spans });
    });
  return recs;
}

interface System {
  name: string;
  detect(text: string): Promise<PredSpan[]>;
}

interface EngineErrors {
  count: number;
  first: string;
}

// The registry with compromise as the name pass's tie-breaker (--compromise).
const WITH_COMPROMISE = DETECTORS.map((d) =>
  d.id === 'person-name' ? createPersonName({ tieBreaker: isPersonAt }) : d,
);

function hushSystem(
  names: boolean,
  compromise: boolean,
  errs: EngineErrors,
  findingsOut: Map<string, Finding[]>,
): System {
  return {
    name: 'hush',
    async detect(text) {
      let found: Finding[];
      try {
        found = compromise ? scanWith(WITH_COMPROMISE, text, { names }) : scan(text, { names });
      } catch (e) {
        // A detector being written right now may throw; count it and carry on.
        errs.count++;
        if (!errs.first) errs.first = e instanceof Error ? e.message : String(e);
        found = [];
      }
      findingsOut.set(text, found);
      return found.map((f) => ({ start: f.start, end: f.end, type: f.type, detector: f.detector }));
    },
  };
}

interface LabelledResult {
  exact: Map<string, Counts>;
  overlap: Map<string, Counts>;
  overlapByLang: Map<string, Map<string, Counts>>;
  ms: number;
  preds: Map<string, PredSpan[]>;
}

interface NegativeResult {
  byType: Map<string, number>;
  byDetector: Map<string, number>;
  records: number;
  total: number;
  ms: number;
  preds: Map<string, PredSpan[]>;
}

async function runLabelled(def: CorpusDef, recs: Rec[], sys: System): Promise<LabelledResult> {
  const res: LabelledResult = {
    exact: new Map(),
    overlap: new Map(),
    overlapByLang: new Map(),
    ms: 0,
    preds: new Map(),
  };
  for (const r of recs) {
    const t0 = performance.now();
    let preds = await sys.detect(r.text);
    res.ms += performance.now() - t0;
    if (def.scored) preds = preds.filter((p) => def.scored?.has(p.type));
    res.preds.set(r.id, preds);
    addCounts(res.exact, scoreRecord(r.spans, preds, 'exact'));
    const ov = scoreRecord(r.spans, preds, 'overlap');
    addCounts(res.overlap, ov);
    let byLang = res.overlapByLang.get(r.lang);
    if (!byLang) res.overlapByLang.set(r.lang, (byLang = new Map()));
    addCounts(byLang, ov);
  }
  return res;
}

async function runNegatives(recs: Rec[], sys: System): Promise<NegativeResult> {
  const res: NegativeResult = {
    byType: new Map(),
    byDetector: new Map(),
    records: 0,
    total: 0,
    ms: 0,
    preds: new Map(),
  };
  for (const r of recs) {
    const t0 = performance.now();
    const preds = await sys.detect(r.text);
    res.ms += performance.now() - t0;
    res.preds.set(r.id, preds);
    if (preds.length > 0) res.records++;
    for (const p of preds) {
      res.total++;
      res.byType.set(p.type, (res.byType.get(p.type) ?? 0) + 1);
      const d = `${sys.name === 'hush' ? '' : `${sys.name}:`}${p.detector ?? '?'}`;
      res.byDetector.set(d, (res.byDetector.get(d) ?? 0) + 1);
    }
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Printing

const pct = (v: number | null) => (v === null ? '–' : (v * 100).toFixed(1));
const num = (v: number) => String(v);

function table(head: string[], rows: string[][], alignLeft = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i < alignLeft ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

function metricCells(m: Metrics): string[] {
  return [num(m.tp), num(m.fp), num(m.fn), pct(m.precision), pct(m.recall), pct(m.f1)];
}

function labelledTable(res: LabelledResult): string {
  const types = [...new Set([...res.exact.keys(), ...res.overlap.keys()])].sort();
  const head = [
    'type',
    'gold',
    'ex.TP',
    'FP',
    'FN',
    'P%',
    'R%',
    'F1%',
    '|',
    'ov.TP',
    'FP',
    'FN',
    'P%',
    'R%',
    'F1%',
  ];
  const rows = types.map((t) => {
    const e = res.exact.get(t) ?? { gold: 0, pred: 0, tpGold: 0, tpPred: 0 };
    const o = res.overlap.get(t) ?? { gold: 0, pred: 0, tpGold: 0, tpPred: 0 };
    return [t, num(e.gold), ...metricCells(metrics(e)), '|', ...metricCells(metrics(o))];
  });
  const me = micro(res.exact);
  const mo = micro(res.overlap);
  rows.push(['MICRO', num(me.gold), ...metricCells(metrics(me)), '|', ...metricCells(metrics(mo))]);
  return table(head, rows);
}

function langLine(res: LabelledResult): string {
  const parts = [...res.overlapByLang.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([lang, m]) => {
      const x = metrics(micro(m));
      return `${lang || '?'} P ${pct(x.precision)} R ${pct(x.recall)} F1 ${pct(x.f1)}`;
    });
  return `overlap micro by language: ${parts.join(' | ')}`;
}

function compareTable(results: Array<[string, LabelledResult]>): string {
  const head = ['system', 'exact P%', 'R%', 'F1%', '|', 'overlap P%', 'R%', 'F1%', '|', 'ms'];
  const rows = results.map(([name, r]) => {
    const e = metrics(micro(r.exact));
    const o = metrics(micro(r.overlap));
    return [
      name,
      pct(e.precision),
      pct(e.recall),
      pct(e.f1),
      '|',
      pct(o.precision),
      pct(o.recall),
      pct(o.f1),
      '|',
      r.ms.toFixed(0),
    ];
  });
  return table(head, rows);
}

function countsTable(title: string, m: Map<string, number>, words: number): string {
  const rows = [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => [k, num(v), (per10k(v, words) ?? 0).toFixed(2)]);
  return rows.length ? table([title, 'false alarms', 'per 10k words'], rows) : `${title}: none`;
}

function context(text: string, start: number, end: number): string {
  const clean = (s: string) => s.replace(/\n/g, '⏎');
  return `${clean(text.slice(Math.max(0, start - 30), start))}«${clean(text.slice(start, end))}»${clean(text.slice(end, end + 30))}`;
}

function printErrors(
  type: string,
  def: CorpusDef,
  recs: Rec[],
  preds: Map<string, PredSpan[]>,
  findings: Map<string, Finding[]>,
): void {
  const missed: string[] = [];
  const falses: string[] = [];
  const boundary: string[] = [];
  const scoreOf = (r: Rec, p: PredSpan) =>
    findings.get(r.text)?.find((f) => f.start === p.start && f.end === p.end && f.type === p.type)
      ?.score;
  for (const r of recs) {
    const ps = (preds.get(r.id) ?? []).filter((p) => p.type === type);
    const gs = r.spans.filter((g) => g.label === type);
    for (const g of gs) {
      const hit = ps.filter((p) => overlaps(p, g));
      if (hit.length === 0) missed.push(`  ${r.id}  ${context(r.text, g.start, g.end)}`);
      else if (!hit.some((p) => p.start === g.start && p.end === g.end)) {
        const p = hit[0] as PredSpan;
        boundary.push(
          `  ${r.id}  gold ${context(r.text, g.start, g.end)}\n  ${' '.repeat(r.id.length)}  found ${context(r.text, p.start, p.end)} (${p.detector})`,
        );
      }
    }
    for (const p of ps) {
      if (gs.some((g) => overlaps(g, p))) continue;
      const other = r.spans.find((g) => overlaps(g, p));
      falses.push(
        `  ${r.id}  ${context(r.text, p.start, p.end)}  [${p.detector} ${scoreOf(r, p) ?? ''}${other ? `, labelled ${other.label}` : ''}]`,
      );
    }
  }
  console.log(
    `\n--errors ${type} on ${def.name}: ${missed.length} missed, ${falses.length} false, ${boundary.length} with other boundaries`,
  );
  if (def.kind === 'labelled') {
    console.log(`missed (up to 30):`);
    console.log(missed.slice(0, Number(process.env.HUSH_EVAL_ERRORS ?? 30)).join('\n') || '  none');
  }
  console.log(`false (up to 30):`);
  console.log(falses.slice(0, Number(process.env.HUSH_EVAL_ERRORS ?? 30)).join('\n') || '  none');
  if (def.kind === 'labelled') {
    console.log(`boundaries differ (up to 10):`);
    console.log(
      boundary.slice(0, Number(process.env.HUSH_EVAL_ERRORS ?? 10)).join('\n') || '  none',
    );
  }
}

const summarise = (m: Map<string, Counts>) => ({
  micro: metrics(micro(m)),
  perType: Object.fromEntries(
    [...m.entries()].sort().map(([t, c]) => [t, { gold: c.gold, found: c.pred, ...metrics(c) }]),
  ),
});

async function main(): Promise<void> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  const named = opts.corpora.map((n) => {
    const d = CORPORA.find((c) => c.name === n || c.aliases.includes(n));
    if (!d) {
      console.error(`unknown corpus ${n}; known: ${CORPORA.map((c) => c.name).join(', ')}`);
      process.exit(2);
    }
    return d;
  });
  const files: CorpusDef[] = opts.files.map((f) => {
    const file = resolve(f);
    if (!existsSync(file)) {
      console.error(`--file ${f}: no such file`);
      process.exit(2);
    }
    return { name: basename(file), aliases: [], file, kind: 'labelled', missingHint: '' };
  });
  const wanted = named.length || files.length ? [...named, ...files] : CORPORA;

  const log = (s = '') => {
    if (!opts.json) console.log(s);
  };
  const errs: EngineErrors = { count: 0, first: '' };
  const findings = new Map<string, Finding[]>();
  const hush = hushSystem(opts.names, opts.compromise, errs, findings);
  const peers: Peer[] = opts.peers ? [openRedactionPeer(), redactPiiPeer()] : [];
  const systems: System[] = [hush, ...peers];
  const started = performance.now();

  log(
    `Hush eval: ${DETECTORS.length} detector(s) registered (${DETECTORS.map((d) => d.id).join(', ')})`,
  );
  log(
    `name pass ${opts.names ? 'on' : 'off'}; peers ${opts.peers ? 'openredaction, redact-pii' : 'off'}`,
  );
  log(
    'exact: same type and offsets, matched one to one. overlap: a finding is right when it overlaps a',
  );
  log(
    'labelled span of its type (TP/FP count findings); a span is found when a finding of its type overlaps it (FN).',
  );

  const json: Record<string, unknown> = {
    names: opts.names,
    peers: opts.peers,
    detectors: DETECTORS.map((d) => d.id),
    corpora: {},
  };
  const jsonCorpora = json.corpora as Record<string, unknown>;

  for (const def of wanted) {
    if (!existsSync(def.file)) {
      log(`\n== ${def.name}: skipped, ${def.file} not found (${def.missingHint})`);
      jsonCorpora[def.name] = { skipped: `not found: ${def.file}` };
      continue;
    }
    let recs: Rec[];
    try {
      recs = load(def);
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(2);
    }
    const words = recs.reduce((a, r) => a + countWords(r.text), 0);

    if (def.kind === 'labelled') {
      const gold = recs.reduce((a, r) => a + r.spans.length, 0);
      const scope = def.scored
        ? `scored labels: ${[...def.scored].join(', ')}`
        : 'every labelled type';
      log(`\n== ${def.name}: ${recs.length} records, ${gold} labelled spans (${scope})`);
      const results: Array<[string, LabelledResult]> = [];
      for (const sys of systems) results.push([sys.name, await runLabelled(def, recs, sys)]);
      const own = (results[0] as [string, LabelledResult])[1];
      log(`\nHush per type (P/R/F1 in %):`);
      log(labelledTable(own));
      log(langLine(own));
      log(`\nOverall (micro) beside the peers:`);
      log(compareTable(results));
      jsonCorpora[def.name] = {
        records: recs.length,
        labelledSpans: gold,
        systems: Object.fromEntries(
          results.map(([n, r]) => [
            n,
            { ms: Math.round(r.ms), exact: summarise(r.exact), overlap: summarise(r.overlap) },
          ]),
        ),
      };
      if (opts.errors) printErrors(opts.errors, def, recs, own.preds, findings);
    } else {
      log(
        `\n== ${def.name}: ${recs.length} records, ${words} words, no personal data (every finding is a false alarm)`,
      );
      const results: Array<[string, NegativeResult]> = [];
      for (const sys of systems) results.push([sys.name, await runNegatives(recs, sys)]);
      const own = (results[0] as [string, NegativeResult])[1];
      log(`\nHush by type:`);
      log(countsTable('type', own.byType, words));
      log(`\nHush by detector:`);
      log(countsTable('detector', own.byDetector, words));
      log(`\nOverall beside the peers:`);
      log(
        table(
          ['system', 'false alarms', 'per 10k words', 'records hit', 'ms'],
          results.map(([n, r]) => [
            n,
            num(r.total),
            (per10k(r.total, words) ?? 0).toFixed(2),
            `${r.records}/${recs.length}`,
            r.ms.toFixed(0),
          ]),
        ),
      );
      for (const [n, r] of results.slice(1)) {
        if (r.total > 0)
          log(
            `${n} by type: ${[...r.byType.entries()]
              .sort((a, b) => b[1] - a[1])
              .map(([t, v]) => `${t} ${v}`)
              .join(', ')}`,
          );
      }
      jsonCorpora[def.name] = {
        records: recs.length,
        words,
        systems: Object.fromEntries(
          results.map(([n, r]) => [
            n,
            {
              ms: Math.round(r.ms),
              falseAlarms: r.total,
              per10kWords: per10k(r.total, words),
              recordsHit: r.records,
              byType: Object.fromEntries(r.byType),
              byDetector: Object.fromEntries(r.byDetector),
            },
          ]),
        ),
      };
      if (opts.errors) printErrors(opts.errors, def, recs, own.preds, findings);
    }
  }

  const failures = peers.filter((p) => p.failures() > 0).map((p) => `${p.name} ${p.failures()}`);
  if (failures.length)
    log(`\nPeer outputs that could not be aligned (scored as no findings): ${failures.join(', ')}`);
  if (errs.count)
    log(`\nWARNING: the engine threw on ${errs.count} record(s); first error: ${errs.first}`);
  log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  json.engineErrors = errs.count;
  json.peerAlignmentFailures = Object.fromEntries(peers.map((p) => [p.name, p.failures()]));
  json.seconds = Math.round((performance.now() - started) / 100) / 10;
  if (opts.json) console.log(JSON.stringify(json, null, 2));
}

await main();
