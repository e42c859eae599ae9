import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractText } from './index.ts';

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/.{76}/g, '$&\r\n');
const docx = zipSync({
  'word/document.xml': strToU8(
    '<w:document><w:body><w:p><w:r><w:t>Attached invoice 0042</w:t></w:r></w:p></w:body></w:document>',
  ),
});

const mail = [
  'Received: from mx.example.test by mail.example.test',
  'From: =?UTF-8?B?VGVzdCBQw6lyc29u?= <test.person@example.test>',
  'To: support@example.test',
  'Cc: second.tester@example.test,',
  ' third.tester@example.test',
  'Subject: =?ISO-8859-1?Q?Commande_annul=E9e?= order 7781',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  'This is a multi-part message in MIME format.',
  '--outer',
  'Content-Type: multipart/alternative; boundary=inner',
  '',
  '--inner',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Bonjour, my card ends 4242 and the caf=C3=A9 order is long enough to need a so=',
  'ft line break.',
  '--inner',
  'Content-Type: text/html; charset="utf-8"',
  'Content-Transfer-Encoding: base64',
  '',
  b64(strToU8('<html><body><p>Call me on <b>555-0100</b></p><script>x()</script></body></html>')),
  '--inner--',
  '--outer',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Re=E7u =80 20',
  '--outer',
  'Content-Type: text/csv; name="list.csv"',
  'Content-Disposition: attachment; filename="list.csv"',
  'Content-Transfer-Encoding: base64',
  '',
  b64(strToU8('name,phone\nSample Tester,555-0199\n')),
  '--outer',
  'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'Content-Disposition: attachment; filename="invoice.docx"',
  'Content-Transfer-Encoding: base64',
  '',
  b64(docx),
  '--outer',
  'Content-Type: application/pdf; name="broken.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  b64(strToU8('%PDF-1.4 nothing else')),
  '--outer',
  'Content-Type: image/png; name="logo.png"',
  'Content-Transfer-Encoding: base64',
  '',
  b64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  '--outer--',
  'epilogue is ignored',
].join('\r\n');

describe('eml', () => {
  it('keeps address headers, decodes every text part and readable attachments, notes the rest', async () => {
    const result = await extractText({
      name: 'ticket.eml',
      type: 'message/rfc822',
      bytes: strToU8(mail),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe('eml');
    expect(result.text).toBe(
      [
        'From: Test Pérson <test.person@example.test>',
        'To: support@example.test',
        'Cc: second.tester@example.test, third.tester@example.test',
        'Subject: Commande annulée order 7781',
        '',
        'Bonjour, my card ends 4242 and the café order is long enough to need a soft line break.',
        '',
        'Call me on 555-0100',
        '',
        'Reçu € 20',
        '',
        '[attachment list.csv]',
        'name,phone\nSample Tester,555-0199\n',
        '',
        '[attachment invoice.docx]',
        'Attached invoice 0042',
      ].join('\n'),
    );
    expect(result.text).not.toContain('Received');
    expect(result.note).toMatch(/broken\.pdf: unreadable/);
    expect(result.note).toMatch(/logo\.png: unsupported/);
  });

  it('reads a forwarded message/rfc822 part and a single-part base64 mail', async () => {
    const inner = 'From: inner@example.test\r\nSubject: inner\r\n\r\ninner body text';
    const outer = `From: outer@example.test\r\nSubject: fwd\r\nContent-Type: message/rfc822\r\n\r\n${inner}`;
    const first = await extractText({ name: 'fwd.eml', type: '', bytes: strToU8(outer) });
    expect(first.ok && first.text).toBe(
      'From: outer@example.test\nSubject: fwd\n\nFrom: inner@example.test\nSubject: inner\n\ninner body text',
    );

    const single = `From: a@example.test\r\nSubject: s\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(strToU8('plain body ü'))}`;
    const second = await extractText({ name: 'x.eml', type: '', bytes: strToU8(single) });
    expect(second.ok && second.text).toBe('From: a@example.test\nSubject: s\n\nplain body ü');
  });

  it('makes the whole mail too large when an attachment is a bomb', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(2 * 1024 * 1024) }, { level: 9 });
    const withBomb = `From: a@example.test\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Disposition: attachment; filename=big.docx\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(bomb)}\r\n--b--`;
    const result = await extractText(
      { name: 'x.eml', type: '', bytes: strToU8(withBomb) },
      { maxExpandedBytes: 1024 * 1024 },
    );
    expect(result).toMatchObject({ ok: false, reason: 'too-large', format: 'eml' });
  });
});
