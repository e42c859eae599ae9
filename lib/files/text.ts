/**
 * Byte-to-text decoding and HTML flattening shared by the readers. TextDecoder exists in Node and
 * in every browser, so nothing here needs a DOM (the content script and unit tests share it).
 */

/** Decodes bytes honouring a BOM, else `charset`, else UTF-8 when valid, else Windows-1252. */
export function decodeBytes(bytes: Uint8Array, charset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const bomless = utf16WithoutBom(bytes);
  if (bomless) return new TextDecoder(bomless).decode(bytes);
  const label = charset?.trim().toLowerCase();
  if (label && !/^(utf-?8|us-ascii|ascii)$/.test(label)) {
    // WHATWG makes all these labels Windows-1252, which we decode by table (see below).
    if (
      /^(windows-1252|cp1252|x-cp1252|latin1|l1|iso-8859-1|iso8859-1|iso_8859-1|iso-ir-100|cp819|ibm819)$/.test(
        label,
      )
    ) {
      return decodeWindows1252(bytes);
    }
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // Unknown label: fall through to the guess below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252 at 0x80-0x9F (0 = undefined there, kept as the C1 control like WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Windows-1252 by table: Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80 comes
 * out as U+0080, not €), so the same bytes would read differently in tests and in the browser.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    const chunk = Array.from(bytes.subarray(at, at + 0x8000), (b) =>
      b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? b) : b,
    );
    out += String.fromCharCode(...chunk);
  }
  return out;
}

/**
 * Notepad and PowerShell can write UTF-16 without a BOM; ASCII-heavy text then has a zero in
 * every other byte. Detected on a sample so a binary file with scattered zeros does not qualify.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** True when the sample holds bytes no text file has (NULs, most C0 controls). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16WithoutBom(bytes)) return false;
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC (ANSI colours in logs) occur in text; other C0 controls don't.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) odd++;
  }
  return odd > n * 0.01;
}

/** One char per byte (ISO-8859-1 identity), for parsing byte formats (MIME, PDF) as strings. */
export function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return out;
}

/** Inverse of `binaryString`; chars above 0xFF (impossible from it) are truncated to a byte. */
export function stringBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

// The entities people actually meet in exported tickets and mails; an unknown one stays as written.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  middot: '·',
  bull: '•',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  iexcl: '¡',
  iquest: '¿',
  ordf: 'ª',
  ordm: 'º',
  zwj: '\u200d',
  zwnj: '\u200c',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  Agrave: 'À',
  Aacute: 'Á',
  Acirc: 'Â',
  Atilde: 'Ã',
  Auml: 'Ä',
  Aring: 'Å',
  AElig: 'Æ',
  Ccedil: 'Ç',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Euml: 'Ë',
  Igrave: 'Ì',
  Iacute: 'Í',
  Icirc: 'Î',
  Iuml: 'Ï',
  Ntilde: 'Ñ',
  Ograve: 'Ò',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Otilde: 'Õ',
  Ouml: 'Ö',
  Oslash: 'Ø',
  Ugrave: 'Ù',
  Uacute: 'Ú',
  Ucirc: 'Û',
  Uuml: 'Ü',
  Yacute: 'Ý',
  szlig: 'ß',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  auml: 'ä',
  aring: 'å',
  aelig: 'æ',
  ccedil: 'ç',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  euml: 'ë',
  igrave: 'ì',
  iacute: 'í',
  icirc: 'î',
  iuml: 'ï',
  ntilde: 'ñ',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ouml: 'ö',
  oslash: 'ø',
  ugrave: 'ù',
  uacute: 'ú',
  ucirc: 'û',
  uuml: 'ü',
  yacute: 'ý',
  yuml: 'ÿ',
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Zcaron: 'Ž',
  zcaron: 'ž',
};

/** Decodes numeric and common named character references (HTML and XML). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g,
    (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code =
          ref[1] === 'x' || ref[1] === 'X'
            ? parseInt(ref.slice(2), 16)
            : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
          ? String.fromCodePoint(code)
          : '\ufffd';
      }
      return NAMED[ref] ?? whole;
    },
  );
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'title',
  'option',
]);
const CELL = new Set(['td', 'th']);
/** Attributes whose values are read as text by people (and by models given the file). */
const TEXT_ATTRIBUTES =
  /\b(alt|title|value|placeholder|aria-label|content)\s*=\s*("[^"]*"|'[^']*')/gi;
const CONTACT_HREF = /\bhref\s*=\s*("|')(mailto:|tel:)([^"']*)\1/gi;

/**
 * Visible text of an HTML document: tags, comments, scripts and styles removed (code there would
 * raise false alarms on minified tokens), entities decoded, block elements on their own lines,
 * table cells separated by tabs. Text-bearing attributes (alt, title, value, mailto: links) are
 * kept inline because a model reading the file sees them too. JSON data islands
 * (`<script type="application/json">`, ld+json) are data, not code, and are kept.
 */
export function htmlToText(html: string): string {
  let out = html
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<script\b([^>]*)>([\s\S]*?)(<\/script\s*>|$)/gi, (_m, attrs: string, body: string) =>
      /type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs) ? `\n${body}\n` : ' ',
    )
    .replace(/<(style|template|svg|math)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    // Source line breaks are spaces in HTML; lines come from block elements below. (<pre> loses
    // its layout, which costs detection nothing.)
    .replace(/\s+/g, ' ');
  out = out.replace(
    /<(\/?)([A-Za-z][\w:-]*)([^>]*)>/g,
    (_m, close: string, tag: string, attrs: string) => {
      const name = tag.toLowerCase();
      const extra: string[] = [];
      for (const match of attrs.matchAll(TEXT_ATTRIBUTES)) {
        if (name === 'meta' && !/\bname\s*=\s*["']?(description|author|keywords)/i.test(attrs))
          continue;
        extra.push(match[2]?.slice(1, -1) ?? '');
      }
      for (const match of attrs.matchAll(CONTACT_HREF)) extra.push(match[3] ?? '');
      const text = extra.length ? ` ${extra.join(' ')} ` : '';
      if (BLOCK.has(name)) return `\n${text}`;
      if (CELL.has(name)) return close ? text : `\t${text}`;
      return text || '';
    },
  );
  out = out.replace(/<!?[A-Za-z?][^>]*>/g, ' ');
  // Opening and closing block tags both break lines; one break between blocks is enough.
  return tidy(decodeEntities(out).replace(/\u00a0/g, ' ')).replace(/\n{2,}/g, '\n');
}

/** Collapses runs of spaces, trims lines and drops repeated blank lines. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \f\v]+/g, ' ')
        .replace(/ ?\t ?/g, '\t')
        .replace(/^[ \t]*(.*?)[ \t]*$/, '$1'),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
