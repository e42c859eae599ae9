/**
 * Generates the labelled test corpus: test/corpus/tickets.jsonl (support tickets, chats and
 * emails with personal data, every value's span recorded as it is written) and
 * test/corpus/negatives.jsonl (benign support text full of look-alikes, no spans).
 *
 *   npx tsx test/corpus/generate.ts
 *
 * Deterministic: fixed seeds for faker and for our own choices; re-running writes identical
 * bytes (with the pinned @faker-js/faker version). See README.md beside this file.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../../rules/types.ts';
import { buildNegatives, buildTickets, serialise, wordCount } from './lib/build.ts';

const here = dirname(fileURLToPath(import.meta.url));

const tickets = buildTickets();
const negatives = buildNegatives();
writeFileSync(join(here, 'tickets.jsonl'), serialise(tickets));
writeFileSync(join(here, 'negatives.jsonl'), serialise(negatives));

const byLabel = new Map<EntityType, number>();
for (const r of tickets)
  for (const s of r.spans) byLabel.set(s.label, (byLabel.get(s.label) ?? 0) + 1);
const byLang = new Map<string, number>();
for (const r of tickets) byLang.set(r.lang, (byLang.get(r.lang) ?? 0) + 1);
const words = negatives.reduce((a, r) => a + wordCount(r.text), 0);
const fmt = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
console.log(`tickets.jsonl: ${tickets.length} records (${fmt(byLang)})`);
console.log(`  spans: ${fmt(byLabel)}`);
console.log(`negatives.jsonl: ${negatives.length} records, ${words} words`);
