// Writes rules/phone/metadata.ts: the number plans of libphonenumber-js's "min" metadata for the
// countries Hush's customers and their customers mostly call from, reduced to the fields
// rules/phone/validate.ts reads and written one country a line. The full metadata is 19 KB
// gzipped, a third of the engine's 60 KB budget; this is about 4 KB. International
// numbers from other countries are still found (with a lower score) through the list of the
// other calling codes kept beside it. rules/phone/metadata.test.ts fails when this file drifts
// from the installed package. Run: node scripts/build-phone-metadata.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Countries whose number plans ship in full. Keep sorted. */
export const COUNTRIES = [
  'AE',
  'AR',
  'AT',
  'AU',
  'BE',
  'BG',
  'BR',
  'CA',
  'CH',
  'CL',
  'CN',
  'CO',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EG',
  'ES',
  'FI',
  'FR',
  'GB',
  'GR',
  'HK',
  'HR',
  'HU',
  'ID',
  'IE',
  'IL',
  'IN',
  'IS',
  'IT',
  'JP',
  'KR',
  'LT',
  'LU',
  'LV',
  'MA',
  'MT',
  'MX',
  'MY',
  'NG',
  'NL',
  'NO',
  'NZ',
  'PE',
  'PH',
  'PK',
  'PL',
  'PT',
  'RO',
  'SA',
  'SE',
  'SG',
  'SI',
  'SK',
  'TH',
  'TR',
  'TW',
  'UA',
  'US',
  'UY',
  'VN',
  'ZA',
];

/**
 * The countries the phone detector tries as the default country of a number written without "+"
 * (rules/phone/national.ts; rules/phone/metadata.test.ts checks that this holds them all). Only
 * a default country's international (IDD) prefix is ever read, so the others' is written as
 * "00": the longer ones ("0(?:0|1[3-9]\d)", "00(?:[125689]|3(?:[46]5|91)|...)") cost about
 * 0.2 KB gzipped for nothing the detector asks. Keep sorted.
 */
export const DIALLED_FROM = [
  'AT',
  'AU',
  'BE',
  'BR',
  'CA',
  'CH',
  'DE',
  'ES',
  'FR',
  'GB',
  'IN',
  'IT',
  'MX',
  'NL',
  'US',
];

/**
 * The shipped countries' entries in libphonenumber-js's own format, which the tests hand to the
 * library to compare it with validate.ts, and every calling code the library knows.
 */
export function subset(full) {
  const keep = new Set(COUNTRIES);
  const dialled = new Set(DIALLED_FROM);
  const codes = {};
  for (const [code, countries] of Object.entries(full.country_calling_codes)) {
    const kept = countries.filter((c) => keep.has(c));
    if (kept.length) codes[code] = kept;
  }
  const countries = {};
  for (const c of COUNTRIES) {
    if (!full.countries[c]) throw new Error(`libphonenumber-js has no metadata for ${c}`);
    // Index 4 holds the national formatting rules (how to print a number), about 80% of each
    // country's entry. Detection only parses and validates, so they are dropped; the phone
    // detector's findings were compared before and after on every corpus record.
    const entry = full.countries[c].slice();
    if (Array.isArray(entry[4])) entry[4] = [];
    if (!dialled.has(c)) entry[1] = '00';
    countries[c] = entry;
  }
  return {
    // Non-geographic numbers (+800, +882...) are not kept: nobody's personal line.
    metadata: { version: full.version, country_calling_codes: codes, countries, nonGeographic: {} },
    allCallingCodes: Object.keys(full.country_calling_codes).sort((a, b) => Number(a) - Number(b)),
  };
}

/** Ascending numbers as a list with ranges: [4, 6, 7, 8, 9] -> "4,6-9". */
export function rangeList(numbers) {
  const parts = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (numbers[j + 1] === numbers[j] + 1) j++;
    parts.push(j > i + 1 ? `${numbers[i]}-${numbers[j]}` : numbers.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * One country of PHONE_PLANS: the fields validate.ts reads from a "version 4" entry, separated
 * by spaces, "-" for an empty one, empty fields at the end left out. The national prefix for
 * parsing stands in for the national prefix where the plan has none (as libphonenumber-js reads
 * it); a number type's lengths are "-" where they are the plan's. Leading digits only choose
 * between the countries of a `shared` calling code, so they are kept for those alone.
 */
export function planLine(country, entry, shared) {
  const types = Array.isArray(entry[11]) ? entry[11] : [];
  if (types.length > 0 && !types.some((t) => Array.isArray(t) && t[0])) {
    // validate.ts reads a plan without number types by its national pattern alone, and one
    // whose types are all empty as valid for nothing; this line could not tell them apart.
    throw new Error(`${country}: number types that are all empty`);
  }
  const fields = [
    country,
    entry[0],
    entry[1],
    entry[2],
    rangeList(entry[3]),
    entry[7] || entry[5] || '',
    entry[8] || '',
    shared ? entry[10] || '' : '',
    ...types.flatMap((t) =>
      Array.isArray(t) && t[0] ? [t[0], t[1] ? rangeList(t[1]) : ''] : ['', ''],
    ),
  ];
  while (fields.at(-1) === '') fields.pop();
  for (const f of fields) {
    // Fields must survive the line's format and the String.raw template that holds it.
    if (/\s|`|\$\{|\\$/.test(f) || f === '-') throw new Error(`${country}: cannot write ${f}`);
  }
  return fields.map((f) => f || '-').join(' ');
}

export function render(full) {
  // planLine reads entries by their place in libphonenumber-js's "version 4" layout.
  if (full.version !== 4) throw new Error(`metadata version ${full.version}, expected 4`);
  const { metadata, allCallingCodes } = subset(full);
  // Main country of a shared calling code first, as validate.ts reads them.
  const lines = Object.entries(metadata.country_calling_codes).flatMap(([, countries]) =>
    countries.map((c) => planLine(c, metadata.countries[c], countries.length > 1)),
  );
  if (lines.length !== COUNTRIES.length) throw new Error('a country without its calling code');
  const shipped = new Set(Object.keys(metadata.country_calling_codes));
  const others = allCallingCodes.filter((c) => !shipped.has(c)).map(Number);
  return `// Generated by scripts/build-phone-metadata.mjs from libphonenumber-js/metadata.min.json
// (MIT licence, libphonenumber-js; data from Google's libphonenumber, Apache-2.0). Do not edit.

/**
 * Number plans, one country a line, the main country of a shared calling code first: country,
 * calling code, international (IDD) prefix ("00" where the detector never dials from the
 * country: see DIALLED_FROM), national number pattern, possible lengths, national
 * prefix for parsing, its transform rule, leading digits (kept where a calling code is shared),
 * then a pattern and possible lengths for each number type (fixed line, mobile, toll free,
 * premium rate, personal, voicemail, UAN, pager, VoIP, shared cost). Fields are separated by a
 * space; "-" is an empty field (for a type's lengths: the plan's); lengths are listed with
 * ranges ("4,6-9"); empty fields at the end are left out. Read by rules/phone/validate.ts.
 */
export const PHONE_PLANS = String.raw\`${lines.join('\n')}\`;

/** The calling codes whose plans are not shipped above, listed with ranges ("7,53,93-95"). */
export const OTHER_CALLING_CODES = '${rangeList(others)}';
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const full = require('libphonenumber-js/metadata.min.json');
  writeFileSync(join(root, 'rules/phone/metadata.ts'), render(full));
  console.log('wrote rules/phone/metadata.ts');
}
