import { describe, expect, it } from 'vitest';
import { scan } from './index.ts';
import { isTestLikeCard } from './payment-util.ts';
import { WARM_PARTS, WARM_ROUNDS, WIDE_TAIL, warmText, warmUp } from './warm.ts';

const SAMPLE = WARM_PARTS.join('\n\n');

const found = (names: boolean) => scan(SAMPLE, { names });
const valuesOf = (type: string) =>
  found(true)
    .filter((f) => f.type === type)
    .map((f) => SAMPLE.slice(f.start, f.end));

describe('the warm-up sample', () => {
  it('reaches most of the engine: many detectors and types, names when the pass runs', () => {
    const withNames = found(true);
    const detectors = new Set(withNames.map((f) => f.detector));
    const types = new Set(withNames.map((f) => f.type));
    // 31 detectors and 20 types when written; a detector that stops finding its value here
    // leaves its code cold for the first paste.
    expect(detectors.size).toBeGreaterThanOrEqual(28);
    expect(types.size).toBeGreaterThanOrEqual(18);
    for (const id of ['person-name', 'address', 'phone', 'credit-card', 'iban', 'date-of-birth']) {
      expect(detectors).toContain(id);
    }
    expect(found(false).some((f) => f.type === 'PERSON')).toBe(false);
  });

  it('stays small: it ships in every content script', () => {
    expect(SAMPLE.length).toBeLessThan(4096);
    for (const part of WARM_PARTS) expect(part.length).toBeLessThan(500);
  });

  it('is Latin-1, and two-byte in odd rounds only', () => {
    const wide = (s: string) => [...s].some((c) => c.charCodeAt(0) > 0xff);
    expect(WARM_PARTS.filter(wide)).toEqual([]);
    expect(wide(WIDE_TAIL)).toBe(true);
    const n = WARM_PARTS.length;
    expect(warmText(0)).toBe(WARM_PARTS[0]);
    expect(warmText(n)).toBe(WARM_PARTS[0] + WIDE_TAIL);
    expect(warmText(2 * n + 1)).toBe(WARM_PARTS[1]);
  });

  it('holds only fake values where a reserved range exists', () => {
    // Emails, and hosts after credentials in URLs: the reserved example domains (RFC 2606).
    const atHosts = SAMPLE.match(/(?<=@)[\w-]+(?:\.[\w-]+)+/g) ?? [];
    expect(atHosts.length).toBeGreaterThanOrEqual(6);
    for (const host of atHosts) expect(host).toMatch(/^(?:[\w-]+\.)*example\.(?:com|org|net)$/);
    // IPv4: documentation networks (RFC 5737); IPv6: 2001:db8::/32 (RFC 3849); MAC: the
    // documentation block 00-00-5E-00-53-xx (RFC 7042).
    for (const ip of SAMPLE.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? []) {
      expect(ip).toMatch(/^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./);
    }
    expect(SAMPLE).toContain('2001:db8::');
    for (const mac of SAMPLE.match(/\b[0-9A-F]{2}(?::[0-9A-F]{2}){5}\b/gi) ?? []) {
      expect(mac.toUpperCase().startsWith('00:00:5E:00:53:')).toBe(true);
    }
    // Phones: fiction ranges (NANP 555-0100..0199, Ofcom's drama numbers, ARCEP's fiction
    // numbers, the Bundesnetzagentur's drama numbers).
    const phones = valuesOf('PHONE');
    expect(phones.length).toBeGreaterThanOrEqual(5);
    for (const p of phones) {
      const d = p.replace(/\D/g, '');
      expect(
        /5550[01]\d\d$/.test(d) ||
          /^4420794[6]0\d{3}$/.test(d) ||
          /^447700900\d{3}$/.test(d) ||
          /^019900\d{4}$/.test(d) ||
          /^493023125\d{3}$/.test(d),
        p,
      ).toBe(true);
    }
    // Cards: published test numbers (groups of four not inside a longer run, such as an IBAN).
    const cards = SAMPLE.match(/(?<![\dA-Z][ -]?)\d{4}(?:[ -]\d{4}){3}(?![ -]?\d)/g) ?? [];
    expect(cards.length).toBe(3);
    for (const c of cards) expect(isTestLikeCard(c.replace(/\D/g, ''))).toBe(true);
    // IBANs: the examples banks and standards publish.
    const ibans = new Set(['DE89370400440532013000', 'FR7630006000011234567890189']);
    for (const i of valuesOf('IBAN')) expect(ibans.has(i.replace(/\s/g, ''))).toBe(true);
  });
});

describe('warmUp', () => {
  it('scans each part once a round, one part a step, then does nothing', () => {
    const seen: string[] = [];
    const step = warmUp((t) => seen.push(t), 3);
    const total = 3 * WARM_PARTS.length;
    for (let left = total - 1; left >= 0; left--) expect(step()).toBe(left);
    expect(seen.length).toBe(total);
    expect(step()).toBe(0);
    expect(seen.length).toBe(total);
    // Round 1 one-byte, round 2 two-byte, round 3 one-byte again.
    expect(seen.slice(0, WARM_PARTS.length)).toEqual(WARM_PARTS);
    expect(seen.slice(WARM_PARTS.length, 2 * WARM_PARTS.length)).toEqual(
      WARM_PARTS.map((p) => p + WIDE_TAIL),
    );
    expect(seen[2 * WARM_PARTS.length]).toBe(WARM_PARTS[0]);
  });

  it('covers both encodings by default, and nothing for zero rounds', () => {
    expect(WARM_ROUNDS).toBeGreaterThanOrEqual(2);
    let calls = 0;
    const none = warmUp(() => calls++, 0);
    expect(none()).toBe(0);
    expect(calls).toBe(0);
  });
});
