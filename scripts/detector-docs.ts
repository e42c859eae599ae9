// Writes docs/detectors.md, the reference table of every built-in detector, from the registry.
// test/docs.test.ts fails when the committed file is out of date.
// Run: npx tsx scripts/detector-docs.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DESCRIPTIONS } from '../rules/descriptions.ts';
import { DETECTORS, TYPE_INFO } from '../rules/index.ts';

export function renderDetectorDocs(): string {
  const rows = DETECTORS.map((d) => {
    const types = d.types.map((t) => `\`${t}\``).join(', ');
    const level = [...new Set(d.types.map((t) => TYPE_INFO[t].level))].join(', ');
    const stage = d.stage === 'nlp' ? 'name pass' : 'pattern';
    return `| \`${d.id}\` | ${types} | ${level} | ${stage} | ${(DESCRIPTIONS[d.id] ?? '').replace(/\|/g, '\\|')} |`;
  });
  return [
    '# Built-in detectors',
    '',
    'Generated from `rules/index.ts` and `rules/descriptions.ts` by `npx tsx scripts/detector-docs.ts`;',
    'do not edit by hand.',
    'Each detector lives in `rules/detectors/<id>.ts` with the examples it must find and must leave',
    'alone. A policy can disable any of them by id (`disabledDetectors`) and override the level of',
    'any type (`levels`); see `docs/engine.md`.',
    '',
    `${DETECTORS.length} detectors.`,
    '',
    '| id | types | default level | stage | what it checks |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/detectors.md', import.meta.url), renderDetectorDocs());
  console.log('wrote docs/detectors.md');
}
