// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TokenVault } from '@/rules/index.ts';
import { CARD, CLEAN, EMAIL, RAW, SSN, TICKET, docx, pdf, xlsx } from '@/test/upload-samples.ts';
import { guardContext, type GuardEvent } from './context.ts';
import type { PageClass } from './decide.ts';
import {
  checkFiles,
  judgeFile,
  safeName,
  sameStructure,
  uploadMessage,
  type UploadUi,
} from './uploads.ts';

function context(pageClass: PageClass = 'unapproved-ai', settings = {}) {
  const reports: GuardEvent[] = [];
  const guard = guardContext({
    win: window,
    pageClass,
    vault: new TokenVault({ seed: 7 }),
    signal: new AbortController().signal,
    report: (e) => reports.push(e),
  });
  guard.settings = { ...guard.settings, ...settings };
  return { guard, reports };
}

const file = (name: string, body: string | Uint8Array, type = ''): File =>
  new File([body as BlobPart], name, { type, lastModified: 1_700_000_000_000 });

function noRaw(text: string): void {
  for (const value of RAW) expect(text).not.toContain(value);
}

describe('judgeFile on an unapproved AI site', () => {
  it('hands the page a masked copy of a text file, same name and type, tokens from the vault', async () => {
    const { guard } = context();
    const v = await judgeFile(file('ticket.txt', `${TICKET}\n`, 'text/plain'), guard);
    expect(v).toMatchObject({
      action: 'mask',
      outcome: 'masked',
      counts: { EMAIL: 1, CREDIT_CARD: 1 },
    });
    expect(v.file).not.toBeNull();
    expect(v.file!.name).toBe('ticket.txt');
    expect(v.file!.type).toBe('text/plain');
    expect(v.file!.lastModified).toBe(1_700_000_000_000);
    const text = await v.file!.text();
    expect(text).toBe('Customer wrote from [EMAIL_1]; card [CREDIT_CARD_1] was charged twice.\n');
  });

  it('keeps a CSV a CSV: a masked copy with the same cells, UTF-8 byte order mark kept', async () => {
    const { guard } = context();
    const csv = `\ufeffid,email,note\n1,${EMAIL},"card ${CARD}, refund"\n2,none,${CLEAN}\n`;
    const v = await judgeFile(file('export.csv', csv, 'text/csv'), guard);
    expect(v.outcome).toBe('masked');
    const bytes = new Uint8Array(await v.file!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    noRaw(text);
    expect(text).toContain('1,[EMAIL_1],"card [CREDIT_CARD_1], refund"');
  });

  it('stops DOCX, XLSX and PDF files with values to mask: they cannot be masked in place', async () => {
    const { guard } = context();
    for (const [name, bytes] of [
      ['ticket.docx', docx(TICKET)],
      ['ticket.xlsx', xlsx(`email\tcard\n${EMAIL}\t${CARD}`)],
      ['ticket.pdf', pdf(TICKET)],
    ] as const) {
      const v = await judgeFile(file(name, bytes), guard);
      expect(v, name).toMatchObject({ file: null, action: 'mask', outcome: 'blocked' });
      expect(v.counts, name).toMatchObject({ EMAIL: 1, CREDIT_CARD: 1 });
      expect(v.cannotMask, name).toMatch(/cannot be masked inside a (DOCX|XLSX|PDF) file/);
    }
  });

  it('lets clean files through untouched, in every format', async () => {
    const { guard } = context();
    for (const f of [
      file('notes.txt', CLEAN, 'text/plain'),
      file('notes.docx', docx(CLEAN)),
      file('notes.xlsx', xlsx(CLEAN)),
      file('notes.pdf', pdf(CLEAN)),
    ]) {
      const v = await judgeFile(f, guard);
      expect(v, f.name).toMatchObject({ action: 'allow', outcome: 'allowed', counts: {} });
      expect(v.file, f.name).toBe(f);
    }
  });

  it('applies the fail mode to files it cannot read: closed stops, open lets through', async () => {
    const corrupt = file('broken.docx', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]));
    const png = file(
      'shot.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]),
      'image/png',
    );
    const big = file('big.txt', 'x'.repeat(2048), 'text/plain');
    const closed = context('unapproved-ai', { maxFileBytes: 1024 }).guard;
    expect(await judgeFile(corrupt, closed)).toMatchObject({ file: null, unchecked: 'unreadable' });
    expect(await judgeFile(png, closed)).toMatchObject({ file: null, unchecked: 'unsupported' });
    expect(await judgeFile(big, closed)).toMatchObject({ file: null, unchecked: 'too-large' });
    const open = context('unapproved-ai', { failMode: 'open', maxFileBytes: 1024 }).guard;
    for (const f of [corrupt, png, big]) {
      const v = await judgeFile(f, open);
      expect(v.file, f.name).toBe(f);
      expect(v.outcome, f.name).toBe('allowed');
    }
  });

  it('treats a PDF with no text layer as partly read: stopped when failing closed', async () => {
    const { guard } = context();
    const image = pdf('').slice(); // a page with no text at all
    const v = await judgeFile(file('scan.pdf', image), guard);
    expect(v).toMatchObject({ file: null, unchecked: 'partial' });
  });

  it('stops a CSV whose masking would merge cells rather than hand over a broken file', () => {
    expect(sameStructure('a,b\n1,2\n', 'a,b\n[X]\n', 'csv')).toBe(false);
    expect(sameStructure('{"n": 4539148803436467}', '{"n": [CREDIT_CARD_1]}', 'json')).toBe(false);
    expect(sameStructure('{"e": "x@y.z"}', '{"e": "[EMAIL_1]"}', 'json')).toBe(true);
    expect(sameStructure('<a>1</a><b>2</b>', '<a>[ADDRESS_1]b>', 'xml')).toBe(false);
  });

  it('stops a JSON file whose card number is a bare number', async () => {
    const { guard } = context();
    const json = `{"card": ${CARD.replace(/ /g, '')}, "note": "${CLEAN}"}`;
    const v = await judgeFile(file('order.json', json, 'application/json'), guard);
    expect(v).toMatchObject({ file: null, cannotMask: 'masking would break its structure' });
  });
});

describe('judgeFile on a support tool', () => {
  it('allows emails, masks cards partially, warns on SSNs, blocks keys', async () => {
    const { guard } = context('support-tool');
    const email = await judgeFile(file('a.txt', `Reply to ${EMAIL}`), guard);
    expect(email).toMatchObject({ action: 'allow', outcome: 'allowed' });
    const card = await judgeFile(file('b.txt', `Card ${CARD}`), guard);
    expect(await card.file!.text()).toBe('Card •••• •••• •••• 6467');
    const ssn = await judgeFile(file('c.txt', `SSN: ${SSN}`), guard);
    expect(ssn).toMatchObject({ action: 'warn', outcome: 'warned' });
    expect(ssn.warn).toHaveLength(1);
    expect(ssn.warn[0]).toMatchObject({ type: 'US_SSN', where: 'c.txt, line 1' });
    expect(ssn.warn[0]!.preview).not.toContain(SSN);
    const key = await judgeFile(
      file('d.txt', `token ghp_${'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'}`),
      guard,
    );
    expect(key).toMatchObject({ file: null, action: 'block', stoppedBy: ['API_KEY'] });
  });
});

describe('checkFiles', () => {
  const ui = (answer: string | null) => {
    const told: string[] = [];
    const asked: number[] = [];
    const impl: UploadUi = {
      tell: (_doc, message) => told.push(message),
      confirm: (_doc, findings) => {
        asked.push(findings.length);
        return Promise.resolve(answer);
      },
    };
    return { impl, told, asked };
  };

  it('lets the clean files of a batch through, stops the others, says which, reports each', async () => {
    const { guard, reports } = context();
    const clean = file('notes.txt', CLEAN, 'text/plain');
    const { impl, told } = ui(null);
    const allowed = await checkFiles(
      [clean, file('ticket.docx', docx(TICKET))],
      document,
      guard,
      impl,
    );
    expect(allowed).toEqual([clean]);
    expect(told).toEqual([
      'Hush stopped ticket.docx (email, card: values cannot be masked inside a DOCX file). notes.txt was sent.',
    ]);
    expect(reports).toEqual([
      {
        channel: 'upload',
        action: 'mask',
        outcome: 'blocked',
        counts: { EMAIL: 1, CREDIT_CARD: 1 },
        // The detectors behind the decision, for "this was not sensitive" (ids, never text).
        detectors: ['email', 'credit-card'],
      },
    ]);
    for (const m of told) noRaw(m);
  });

  it('asks before a warned file goes; a reason releases its values for the backstop', async () => {
    const { guard, reports } = context('support-tool');
    const f = file('c.txt', `SSN: ${SSN}`);
    const yes = ui('customer asked for a copy');
    expect(await checkFiles([f], document, guard, yes.impl)).toEqual([f]);
    expect(yes.asked).toEqual([1]);
    expect(guard.released.has(SSN)).toBe(true);
    expect(reports.at(-1)).toEqual({
      channel: 'upload',
      action: 'warn',
      outcome: 'overridden',
      counts: { US_SSN: 1 },
      reason: 'customer asked for a copy',
      detectors: ['us-ssn'],
    });
    const no = ui(null);
    expect(await checkFiles([f], document, guard, no.impl)).toEqual([]);
    expect(reports.at(-1)).toMatchObject({ action: 'warn', outcome: 'cancelled' });
  });

  it('does not ask when policy forbids overrides: a warned file is stopped', async () => {
    const { guard } = context('support-tool', { overrideAllowed: false });
    const { impl, asked } = ui('please');
    expect(await checkFiles([file('c.txt', `SSN: ${SSN}`)], document, guard, impl)).toEqual([]);
    expect(asked).toEqual([]);
  });
});

describe('messages', () => {
  it('never shows a value from a file name', () => {
    expect(safeName(`${EMAIL} invoice.pdf`)).toBe('[REDACTED] invoice.pdf');
    expect(safeName(`${'long-name-'.repeat(10)}.txt`)).toMatch(/^.{40}….{15}$/);
  });

  it('is silent when every file went through clean', () => {
    const f = file('a.txt', CLEAN);
    expect(
      uploadMessage([
        {
          original: f,
          file: f,
          action: 'allow',
          outcome: 'allowed',
          counts: {},
          masked: [],
          stoppedBy: [],
          warn: [],
          warnValues: [],
        },
      ]),
    ).toBeNull();
  });
});
