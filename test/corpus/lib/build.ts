/**
 * Builds the two corpus files in memory (see ../generate.ts, which writes them). Kept apart from
 * the script so the unit test can check that the committed files are exactly what the
 * generator produces.
 */
import { Faker, base, de as fkDe, en, en_GB, en_US, es as fkEs, fr as fkFr } from '@faker-js/faker';
import { ENTITY_TYPES } from '../../../rules/types.ts';
import { Doc, type LabelledSpan } from './doc.ts';
import { negatives } from './negatives.ts';
import { de } from './phrases/de.ts';
import { en as enPhrases } from './phrases/en.ts';
import { es } from './phrases/es.ts';
import { fr } from './phrases/fr.ts';
import type { Phrases } from './phrases/types.ts';
import { Rng } from './random.ts';
import { langOf, makeSlots } from './slots.ts';
import { STRUCTURES, type Ctx, type Structure } from './structures.ts';
import type { Locale } from './values.ts';

/** The seed of everything. Changing it regenerates a different (equally valid) corpus. */
export const SEED = 20250301;
const TICKETS_PER_LOCALE: Record<Locale, number> = {
  en_US: 300,
  en_GB: 180,
  de: 240,
  fr: 240,
  es: 240,
};
const NEGATIVES_PER_LANG = 190;

export interface CorpusRecord {
  id: string;
  text: string;
  lang: string;
  source: string;
  spans: LabelledSpan[];
  meta: Record<string, string>;
}

const PHRASES: Record<'en' | 'de' | 'fr' | 'es', Phrases> = { en: enPhrases, de, fr, es };

function fakerFor(loc: Locale, seed: number): Faker {
  const locales = {
    en_US: [en_US, en, base],
    en_GB: [en_GB, en, base],
    de: [fkDe, en, base],
    fr: [fkFr, en, base],
    es: [fkEs, en, base],
  }[loc];
  const f = new Faker({ locale: locales });
  f.seed(seed);
  return f;
}

/** Checks the invariants every labelled record must hold; throws on the first breach. */
export function checkRecord(r: CorpusRecord): void {
  let prevEnd = -1;
  const sorted = r.spans.slice().sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    if (!(ENTITY_TYPES as readonly string[]).includes(s.label))
      throw new Error(`${r.id}: bad label ${s.label}`);
    if (s.start < 0 || s.end > r.text.length || s.end <= s.start)
      throw new Error(`${r.id}: bad offsets`);
    if (s.start < prevEnd) throw new Error(`${r.id}: overlapping spans`);
    const v = r.text.slice(s.start, s.end);
    if (v.trim() !== v) throw new Error(`${r.id}: span with outer whitespace (${s.label})`);
    prevEnd = s.end;
  }
}

/** The labelled tickets. */
export function buildTickets(): CorpusRecord[] {
  const rng = new Rng(SEED);
  const locales = Object.keys(TICKETS_PER_LOCALE) as Locale[];
  const fakers = Object.fromEntries(
    locales.map((l, i) => [l, fakerFor(l, SEED + i + 1)]),
  ) as Record<Locale, Faker>;
  const weights = STRUCTURES.map((s) => s.weight);
  // The schedule: every structure once per locale first (so each language has them all),
  // then weighted draws; then shuffled so neighbouring records differ.
  const schedule: Array<{ loc: Locale; s: Structure }> = [];
  for (const loc of locales) {
    const n = TICKETS_PER_LOCALE[loc];
    for (let i = 0; i < n; i++) {
      const s =
        i < STRUCTURES.length ? (STRUCTURES[i] as Structure) : rng.weighted(STRUCTURES, weights);
      schedule.push({ loc, s });
    }
  }
  const order = rng.shuffle(schedule);
  const records: CorpusRecord[] = [];
  order.forEach(({ loc, s }, i) => {
    // About one customer in eight has a name from another of our locales: names travel.
    const nameLoc = rng.chance(0.12) ? rng.pick(locales) : loc;
    const slots = makeSlots(fakers[loc], rng, loc, fakers[nameLoc]);
    const d = new Doc(slots);
    const P = PHRASES[langOf(loc)];
    const ctx: Ctx = {
      d,
      P,
      rng,
      loc,
      pick: (key) => rng.pick(P[key]),
      say: (key, prefix = '') => {
        const t = rng.pick(P[key]);
        if (t) d.line(t, prefix);
      },
    };
    s.build(ctx);
    const { text, spans } = d.finish();
    const rec: CorpusRecord = {
      id: `tickets-${String(i + 1).padStart(5, '0')}`,
      text,
      lang: langOf(loc),
      source: 'hush-tickets',
      spans,
      meta: { structure: s.id, locale: loc },
    };
    checkRecord(rec);
    records.push(rec);
  });
  return records;
}

/** The benign look-alike records. */
export function buildNegatives(): CorpusRecord[] {
  const rng = new Rng(SEED ^ 0x5eed);
  return negatives(rng, NEGATIVES_PER_LANG).map((r, i) => ({
    id: `negatives-${String(i + 1).padStart(5, '0')}`,
    text: r.text,
    lang: r.lang,
    source: 'hush-negatives',
    spans: [],
    meta: { templates: r.templates.join(' ') },
  }));
}

/** One JSON object a line, keys in a fixed order, newline at the end. */
export function serialise(records: CorpusRecord[]): string {
  const lines = records.map((r) =>
    JSON.stringify({
      id: r.id,
      text: r.text,
      lang: r.lang,
      source: r.source,
      spans: r.spans,
      meta: r.meta,
    }),
  );
  return lines.join('\n') + '\n';
}

/** Words as the eval counts them: whitespace-separated tokens. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
