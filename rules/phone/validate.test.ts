/**
 * rules/phone/validate.ts must answer exactly as libphonenumber-js does with the same plans:
 * `parsePhoneNumberFromString(text, country?, metadata)` -> undefined, or `isValid()`. Compared
 * on the library's own example numbers for every shipped country, written every way people
 * write them (national with and without the trunk 0, +code, 00code, the code without "+",
 * grouped, bracketed), on the same numbers with a digit added, dropped or changed, on random
 * digit runs, and on every phone candidate in the labelled corpora.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
// @ts-expect-error: a plain .mjs build script without types.
import { subset } from '../../scripts/build-phone-metadata.mjs';
import { PHONE_PLANS } from './metadata.ts';
import { PhonePlans, type PhoneVerdict } from './validate.ts';

const require = createRequire(import.meta.url);
const examples = require('libphonenumber-js/examples.mobile.json') as Record<string, string>;

// The library reads the same countries' plans in its own format, as the build script cuts them
// from the installed package; the port reads the lines the script wrote from them.
const full: unknown = require('libphonenumber-js/metadata.min.json');
const { metadata: PHONE_METADATA } = subset(full) as { metadata: MetadataJson };
const plans = new PhonePlans(PHONE_PLANS);
const COUNTRIES = Object.keys(PHONE_METADATA.countries) as CountryCode[];

function library(text: string, country?: CountryCode): PhoneVerdict {
  const p =
    country === undefined
      ? parsePhoneNumberFromString(text, PHONE_METADATA)
      : parsePhoneNumberFromString(text, country, PHONE_METADATA);
  if (!p) return undefined;
  return p.isValid() ? 'valid' : 'invalid';
}

/** A small deterministic generator, so a failure names an input that can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEPARATORS = [' ', '-', '.', '/', ' ', ''];

/** `digits` written in groups with one of the separators people use. */
function grouped(digits: string, next: () => number): string {
  const sep = SEPARATORS[Math.floor(next() * SEPARATORS.length)]!;
  let out = '';
  let i = 0;
  while (i < digits.length) {
    const n = 2 + Math.floor(next() * 3);
    out += (out ? sep : '') + digits.slice(i, i + n);
    i += n;
  }
  return out;
}

/** Every way the detector may hand a number over. */
function spellings(national: string, code: string, next: () => number): string[] {
  const g = grouped(national, next);
  return [
    national,
    '0' + national,
    g,
    '0' + g,
    `+${code} ${g}`,
    `+${code}${national}`,
    `+${code} (0)${g}`,
    `00${code} ${g}`,
    `(00${code}) ${g}`,
    `011 ${code} ${g}`,
    `${code} ${g}`,
    `${code}${national}`,
    `(${national.slice(0, 3)}) ${national.slice(3)}`,
    `+${code} 0${national}`,
  ];
}

function mutations(digits: string, next: () => number): string[] {
  const at = Math.floor(next() * digits.length);
  const d = String(Math.floor(next() * 10));
  return [
    digits.slice(0, at) + d + digits.slice(at),
    digits.slice(0, at) + digits.slice(at + 1),
    digits.slice(0, at) + d + digits.slice(at + 1),
  ];
}

function compareAll(inputs: Iterable<string>): { checked: number; differ: string[] } {
  const differ: string[] = [];
  let checked = 0;
  for (const text of inputs) {
    for (const country of [undefined, ...COUNTRIES]) {
      checked++;
      const want = library(text, country);
      const got = plans.verdict(text, country);
      if (got !== want) differ.push(`${JSON.stringify(text)} ${country ?? '-'}: ${got} != ${want}`);
    }
  }
  return { checked, differ };
}

// Each comparison runs the library and the port on tens of thousands of inputs: seconds on an idle
// machine, so the time limit is generous for a shared one.
describe('phone validation matches libphonenumber-js', { timeout: 180_000 }, () => {
  it('on example numbers of every shipped country, spelled and mutated', () => {
    const next = rng(1);
    const inputs = new Set<string>();
    for (const country of COUNTRIES) {
      const national = examples[country];
      expect(national, country).toBeTruthy();
      const code = plans.plan(country)!.code;
      for (const n of [national!, ...mutations(national!, next)]) {
        for (const s of spellings(n, code, next)) inputs.add(s);
      }
    }
    const { checked, differ } = compareAll(inputs);
    expect(checked).toBeGreaterThan(50_000);
    expect(differ.slice(0, 20)).toEqual([]);
  });

  it('on random digit runs with and without a plus', () => {
    const next = rng(2);
    const inputs = new Set<string>();
    for (let i = 0; i < 1500; i++) {
      const len = 5 + Math.floor(next() * 12);
      let digits = '';
      for (let k = 0; k < len; k++) digits += String(Math.floor(next() * 10));
      const g = grouped(digits, next);
      inputs.add(next() < 0.4 ? '+' + g : g);
    }
    const { differ } = compareAll(inputs);
    expect(differ.slice(0, 20)).toEqual([]);
  });

  it('on every phone-like run in the labelled corpora', () => {
    const RUN = /\+?\(?\d[\d ().\-/]{4,24}\d/g;
    const inputs = new Set<string>();
    for (const file of ['tickets.jsonl', 'negatives.jsonl']) {
      const url = new URL(`../../test/corpus/${file}`, import.meta.url);
      for (const line of readFileSync(url, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const { text } = JSON.parse(line) as { text: string };
        for (const m of text.matchAll(RUN)) inputs.add(m[0]);
      }
    }
    expect(inputs.size).toBeGreaterThan(1000);
    const { differ } = compareAll(inputs);
    expect(differ.slice(0, 20)).toEqual([]);
  });

  it("says whether an international number is possible as the library's isPossible() does", () => {
    const next = rng(3);
    const differ: string[] = [];
    let possible = 0;
    for (let i = 0; i < 4000; i++) {
      const len = 7 + Math.floor(next() * 10);
      let digits = String(1 + Math.floor(next() * 9));
      for (let k = 1; k < len; k++) digits += String(Math.floor(next() * 10));
      const text = '+' + grouped(digits, next);
      const want = parsePhoneNumberFromString(text, PHONE_METADATA)?.isPossible() ?? false;
      if (want) possible++;
      if (plans.possible(text) !== want) differ.push(`${text}: ${!want} != ${want}`);
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(possible).toBeGreaterThan(400);
    expect(possible).toBeLessThan(3600);
    expect(differ.slice(0, 20)).toEqual([]);
    // Written without "+", a number is not read as international.
    expect(plans.possible('12825771603')).toBe(false);
  });

  it('answers undefined where the library finds no number', () => {
    expect(plans.verdict('')).toBeUndefined();
    expect(plans.verdict('+0 123 456')).toBeUndefined();
    expect(plans.verdict('12')).toBeUndefined();
    expect(plans.verdict('1'.repeat(251))).toBeUndefined();
    expect(plans.verdict('555 0100', 'XX' as CountryCode)).toBe(library('555 0100'));
  });
});
