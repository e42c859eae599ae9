import { describe, expect, it } from 'vitest';
import { scan } from '@/rules/index.ts';
import { FULL_SCAN_CHARS, MAX_SCAN_CHARS, alignOffsets, rescan } from './text.ts';

const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';

/** About `size` characters of clean lines. */
function filler(size: number): string {
  const line = 'The parcel left the depot on time and should arrive by the end of the week.\n';
  return line.repeat(Math.ceil(size / line.length)).slice(0, size);
}

const spans = (text: string, findings: { start: number; end: number; type: string }[]) =>
  findings.map((f) => [f.type, text.slice(f.start, f.end)]);

describe('rescan', () => {
  it('scans a short field whole, so the send guard may reuse the result', () => {
    const text = `Refund ${EMAIL} please`;
    const r = rescan(text, { text: 'Refund', findings: [] }, scan);
    expect(r.complete).toBe(true);
    expect(r.findings).toEqual(scan(text));
  });

  it('in a long field, scans only around the change and keeps the rest, moved', () => {
    const head = `Customer ${EMAIL}\n` + filler(FULL_SCAN_CHARS);
    const tail = filler(FULL_SCAN_CHARS) + `\nCard ${CARD}\n`;
    const before = `${head}\nNothing here yet.\n${tail}`;
    const first = rescan(before, undefined, scan);
    expect(first.complete).toBe(true);
    expect(spans(before, first.findings)).toEqual([
      ['EMAIL', EMAIL],
      ['CREDIT_CARD', CARD],
    ]);

    const after = `${head}\nNothing here yet, write to ops@depot-example.org.\n${tail}`;
    let scanned = 0;
    const r = rescan(after, { text: before, findings: first.findings }, (t) => {
      scanned += t.length;
      return scan(t);
    });
    expect(r.complete).toBe(false);
    expect(scanned).toBeLessThan(2000);
    expect(spans(after, r.findings)).toEqual([
      ['EMAIL', EMAIL],
      ['EMAIL', 'ops@depot-example.org'],
      ['CREDIT_CARD', CARD],
    ]);
    // The same as a whole scan would find.
    expect(spans(after, r.findings)).toEqual(spans(after, scan(after)));
  });

  it('drops what a deletion removed, in a long field', () => {
    const base = filler(FULL_SCAN_CHARS + 500);
    const before = `${base}\nmail ${EMAIL}\n${base}`;
    const first = rescan(before, undefined, scan);
    const after = `${base}\nmail \n${base}`;
    const r = rescan(after, { text: before, findings: first.findings }, scan);
    expect(r.findings).toEqual([]);
  });

  it('does not scan a field over the cap while typing', () => {
    let called = false;
    const r = rescan('x'.repeat(MAX_SCAN_CHARS + 1), undefined, () => {
      called = true;
      return [];
    });
    expect(called).toBe(false);
    expect(r).toEqual({ findings: [], complete: false });
  });
});

describe('alignOffsets', () => {
  it('maps rendered-text offsets to text nodes across block breaks and collapsed spaces', () => {
    // innerText of <p>Hi  there</p><p>mail a@b.co</p> with a placeholder node hidden by CSS.
    const text = 'Hi there\nmail a@b.co';
    const chunks = ['Hi  there', 'mail ', 'a@b.co'];
    const at = text.indexOf('a@b.co');
    expect(alignOffsets(text, chunks, [at, at + 5, 0, 3])).toEqual([
      { chunk: 2, offset: 0 },
      { chunk: 2, offset: 5 },
      { chunk: 0, offset: 0 },
      { chunk: 0, offset: 4 },
    ]);
  });

  it('skips characters the DOM has and the rendering hides', () => {
    const text = 'Call me at 555';
    const chunks = ['\u200b', 'Call me ', 'HIDDEN', 'at 555'];
    expect(alignOffsets(text, chunks, [text.indexOf('555')])).toEqual([{ chunk: 3, offset: 3 }]);
  });

  it('returns null for characters the DOM does not have', () => {
    expect(alignOffsets('abc xyz', ['abc '], [4])).toEqual([null]);
  });
});
