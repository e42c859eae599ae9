/**
 * Text of PDFs that have a text layer (PDF 32000-1). Objects are found by scanning for `n g obj`
 * rather than trusting the cross-reference table, so files with a damaged or missing xref still
 * read (PDF viewers recover them the same way, so the site's parser would see their text). Pages
 * are walked from the catalogue to keep reading order; each page's content streams are inflated
 * and the text-showing operators (Tj, TJ, ', ") decoded through the font's ToUnicode map when it
 * has one, else as WinAnsi. Images are not OCR'd: a page with images and no text is reported.
 */
import { ExtractError, type Budget } from './errors.ts';
import { inflateCapped } from './inflate.ts';
import { binaryString, decodeBytes, decodeWindows1252, stringBytes } from './text.ts';

interface Name {
  t: 'name';
  v: string;
}
interface Str {
  t: 'str';
  v: string;
}
interface Ref {
  t: 'ref';
  n: number;
}
interface Dict {
  t: 'dict';
  v: Map<string, Value>;
}
interface Op {
  t: 'op';
  v: string;
}
type Value = null | boolean | number | Name | Str | Ref | Dict | Value[];

interface PdfObject {
  value: Value;
  /** Raw (still encoded) stream bytes, as a byte-per-char string. */
  stream?: string;
}

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));
const isRegular = (c: number) => !WS.has(c) && !DELIM.has(c) && !Number.isNaN(c);

/** A tokenizer/parser over a byte-per-char string, shared by file structure and content streams. */
class Lexer {
  constructor(
    readonly s: string,
    public pos = 0,
  ) {}

  private skip(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (WS.has(c)) this.pos++;
      else if (c === 37 /* % */) {
        while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++;
      } else break;
    }
  }

  /** The next value or operator, or undefined at the end. `]` and `>>` come back as operators. */
  next(): Value | Op | undefined {
    this.skip();
    const s = this.s;
    if (this.pos >= s.length) return undefined;
    const c = s[this.pos];
    if (c === '/') {
      let end = this.pos + 1;
      while (end < s.length && isRegular(s.charCodeAt(end))) end++;
      const v = s
        .slice(this.pos + 1, end)
        .replace(/#([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      this.pos = end;
      return { t: 'name', v };
    }
    if (c === '(') return this.literal();
    if (c === '<') {
      if (s[this.pos + 1] === '<') {
        this.pos += 2;
        return this.dict('>>');
      }
      const end = s.indexOf('>', this.pos);
      const hex = s.slice(this.pos + 1, end < 0 ? s.length : end).replace(/[^0-9A-Fa-f]/g, '');
      this.pos = end < 0 ? s.length : end + 1;
      let v = '';
      for (let i = 0; i < hex.length; i += 2)
        v += String.fromCharCode(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
      return { t: 'str', v };
    }
    if (c === '>' && s[this.pos + 1] === '>') {
      this.pos += 2;
      return { t: 'op', v: '>>' };
    }
    if (c === '[') {
      this.pos++;
      const items: Value[] = [];
      for (;;) {
        const item = this.value();
        if (item === undefined || (isOp(item) && item.v === ']')) break;
        if (!isOp(item)) items.push(item);
      }
      return items;
    }
    if (c === ']' || c === '{' || c === '}' || c === ')' || c === '>') {
      this.pos++;
      return { t: 'op', v: c };
    }
    let end = this.pos;
    while (end < s.length && isRegular(s.charCodeAt(end))) end++;
    const word = s.slice(this.pos, end);
    this.pos = end;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return { t: 'op', v: word };
  }

  /** Like `next`, but folds `n g R` into a reference. */
  value(): Value | Op | undefined {
    const first = this.next();
    if (typeof first !== 'number' || !Number.isInteger(first)) return first;
    const save = this.pos;
    const gen = this.next();
    if (typeof gen === 'number' && Number.isInteger(gen)) {
      const r = this.next();
      if (r && isOp(r) && r.v === 'R') return { t: 'ref', n: first };
    }
    this.pos = save;
    return first;
  }

  private dict(close: string): Dict {
    const v = new Map<string, Value>();
    for (;;) {
      const key = this.value();
      if (key === undefined || (isOp(key) && key.v === close)) break;
      if (!isName(key)) continue;
      const val = this.value();
      if (val === undefined) break;
      if (isOp(val)) {
        if (val.v === close) break;
        continue;
      }
      v.set(key.v, val);
    }
    return { t: 'dict', v };
  }

  private literal(): Str {
    const s = this.s;
    let depth = 0;
    let out = '';
    let i = this.pos;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') {
        const n = s[++i] ?? '';
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
        if (simple[n]) out += simple[n];
        else if (/[0-7]/.test(n)) {
          let oct = n;
          while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
          out += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else if (n === '\r') {
          if (s[i + 1] === '\n') i++;
        } else if (n !== '\n') out += n;
      } else if (c === '(') {
        if (depth++ > 0) out += c;
      } else if (c === ')') {
        if (--depth === 0) break;
        out += c;
      } else out += c;
    }
    this.pos = i + 1;
    return { t: 'str', v: out };
  }
}

function isOp(v: Value | Op | undefined): v is Op {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.t === 'op';
}
function isName(v: Value | Op | undefined): v is Name {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.t === 'name';
}
function isDict(v: Value | undefined): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.t === 'dict';
}

class Document {
  readonly objects = new Map<number, PdfObject>();
  unsupportedFilters = new Set<string>();

  constructor(
    readonly s: string,
    private readonly budget: Budget,
  ) {
    const head = /(\d+)\s+(\d+)\s+obj\b/g;
    for (let m = head.exec(s); m; m = head.exec(s)) {
      const lexer = new Lexer(s, m.index + m[0].length);
      const value = lexer.value();
      if (value === undefined || isOp(value)) continue;
      const object: PdfObject = { value };
      const after = /^\s*stream(\r\n|\n|\r)/.exec(s.slice(lexer.pos, lexer.pos + 32));
      if (after && isDict(value)) {
        const start = lexer.pos + after[0].length;
        const declared = value.v.get('Length');
        let end = typeof declared === 'number' ? start + declared : -1;
        if (end < 0 || !/^\s*endstream/.test(s.slice(end, end + 32))) {
          const found = s.indexOf('endstream', start);
          end = found < 0 ? s.length : found;
          while (end > start && (s[end - 1] === '\n' || s[end - 1] === '\r')) end--;
        }
        object.stream = s.slice(start, end);
        head.lastIndex = end;
      } else {
        head.lastIndex = lexer.pos;
      }
      // Later definitions win: incremental updates append newer versions of objects.
      this.objects.set(Number(m[1]), object);
    }
    for (const [, object] of [...this.objects]) {
      if (isDict(object.value) && nameOf(object.value.v.get('Type')) === 'ObjStm')
        this.unpack(object);
    }
  }

  get(v: Value | undefined, depth = 0): Value | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && v.t === 'ref') {
      return depth > 16 ? undefined : this.get(this.objects.get(v.n)?.value, depth + 1);
    }
    return v;
  }

  dict(v: Value | undefined): Map<string, Value> | undefined {
    const d = this.get(v);
    return isDict(d) ? d.v : undefined;
  }

  /** Objects compressed inside an object stream (PDF 1.5, 7.5.7); direct objects keep priority. */
  private unpack(object: PdfObject): void {
    const data = this.streamData(object);
    const d = object.value as Dict;
    const n = this.get(d.v.get('N'));
    const first = this.get(d.v.get('First'));
    if (data === undefined || typeof n !== 'number' || typeof first !== 'number') return;
    const header = new Lexer(data);
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const num = header.next();
      const offset = header.next();
      if (typeof num !== 'number' || typeof offset !== 'number') break;
      pairs.push([num, offset]);
    }
    for (const [num, offset] of pairs) {
      if (this.objects.has(num)) continue;
      const value = new Lexer(data, first + offset).value();
      if (value !== undefined && !isOp(value)) this.objects.set(num, { value });
    }
  }

  /** Decoded stream bytes (byte-per-char), or undefined for filters we don't read (images). */
  streamData(object: PdfObject | undefined): string | undefined {
    if (!object?.stream || !isDict(object.value)) return object?.stream;
    const filter = this.get(object.value.v.get('Filter'));
    const filters = (Array.isArray(filter) ? filter : filter ? [filter] : []).map(
      (f) => nameOf(this.get(f)) ?? '',
    );
    let data = object.stream;
    for (const f of filters) {
      if (f === 'FlateDecode' || f === 'Fl') {
        data = binaryString(
          inflateCapped(stringBytes(data), this.budget, { zlib: true, lenient: true }),
        );
      } else if (f === 'ASCIIHexDecode' || f === 'AHx') {
        const hex = data.replace(/>[\s\S]*$/, '').replace(/[^0-9A-Fa-f]/g, '');
        data = hex.replace(/..?/g, (h) => String.fromCharCode(parseInt(h.padEnd(2, '0'), 16)));
      } else if (f === 'ASCII85Decode' || f === 'A85') {
        data = ascii85(data);
      } else {
        this.unsupportedFilters.add(f);
        return undefined;
      }
    }
    return data;
  }
}

function nameOf(v: Value | undefined): string | undefined {
  return isName(v) ? v.v : undefined;
}

function ascii85(data: string): string {
  const body = data
    .replace(/^\s*<~/, '')
    .replace(/~>[\s\S]*$/, '')
    .replace(/\s+/g, '');
  let out = '';
  let group: number[] = [];
  const flush = (count: number) => {
    while (group.length < 5) group.push(84);
    let n = 0;
    for (const g of group) n = n * 85 + g;
    const bytes = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    out += String.fromCharCode(...bytes.slice(0, count));
    group = [];
  };
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) {
      out += '\0\0\0\0';
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) continue;
    group.push(c);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return out;
}

/** Turns the codes in a shown string into text for one font. */
interface FontDecoder {
  codeLength: 1 | 2;
  map?: Map<number, string>;
  /** Two-byte fonts without a ToUnicode map: glyph ids that mean nothing without the font. */
  unmappable: boolean;
}

const SIMPLE: FontDecoder = { codeLength: 1, unmappable: false };

function decodeShown(raw: string, font: FontDecoder): string {
  if (font.unmappable) return '';
  if (font.codeLength === 2) {
    let out = '';
    for (let i = 0; i + 1 < raw.length; i += 2)
      out += font.map?.get((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1)) ?? '';
    return out;
  }
  if (!font.map) return decodeWindows1252(stringBytes(raw));
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    out += font.map.get(code) ?? decodeWindows1252(new Uint8Array([code]));
  }
  return out;
}

const utf16 = (raw: string) =>
  decodeBytes(stringBytes(raw.length >= 2 ? raw : `\0${raw}`), 'utf-16be');
/** Largest range a ToUnicode bfrange may expand to; real ranges are at most 256 codes. */
const MAX_RANGE = 0x10000;

/** Parses a ToUnicode CMap (PDF 32000-1, 9.10.3): codespace, bfchar and bfrange. */
export function parseToUnicode(cmap: string): { codeLength: 1 | 2; map: Map<number, string> } {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  const codeLength = space && (space[1]?.length ?? 0) <= 2 ? 1 : 2;
  const hex = (h: string) => {
    let v = '';
    const clean = h.replace(/[^0-9A-Fa-f]/g, '');
    for (let i = 0; i < clean.length; i += 2)
      v += String.fromCharCode(parseInt(clean.slice(i, i + 2), 16));
    return v;
  };
  const code = (raw: string) => [...raw].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]*)>/g)) {
      map.set(code(hex(m[1] ?? '')), utf16(hex(m[2] ?? '')));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const ranges = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f\s]*>|\[[^\]]*\])/g;
    for (const m of (block[1] ?? '').matchAll(ranges)) {
      const lo = code(hex(m[1] ?? ''));
      const hi = Math.min(code(hex(m[2] ?? '')), lo + MAX_RANGE);
      const dst = m[3] ?? '';
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9A-Fa-f\s]*)>/g)];
        for (let c = lo; c <= hi && c - lo < items.length; c++)
          map.set(c, utf16(hex(items[c - lo]?.[1] ?? '')));
      } else {
        const base = hex(dst.slice(1, -1));
        // The last UTF-16 code unit increments across the range.
        const prefix = base.slice(0, -2);
        const last = code(base.slice(-2));
        for (let c = lo; c <= hi; c++) {
          const unit = last + (c - lo);
          map.set(c, utf16(prefix + String.fromCharCode((unit >> 8) & 255, unit & 255)));
        }
      }
    }
  }
  return { codeLength, map };
}

interface PageState {
  text: string[];
  images: number;
  unmappedFonts: Set<string>;
}

/** Runs one content stream's text operators, appending to `state.text`. */
function runContent(
  doc: Document,
  content: string,
  resources: Map<string, Value> | undefined,
  state: PageState,
  depth: number,
): void {
  const fonts = doc.dict(resources?.get('Font'));
  const xobjects = doc.dict(resources?.get('XObject'));
  const decoders = new Map<string, FontDecoder>();
  let font = SIMPLE;
  let lastY: number | undefined;
  let line = '';
  const breakLine = () => {
    if (line.trim()) state.text.push(line);
    line = '';
  };
  const lexer = new Lexer(content);
  const operands: Value[] = [];
  for (let token = lexer.value(); token !== undefined; token = lexer.value()) {
    if (!isOp(token)) {
      operands.push(token);
      continue;
    }
    const op = token.v;
    const num = (i: number) => {
      const v = operands[operands.length - i];
      return typeof v === 'number' ? v : 0;
    };
    switch (op) {
      case 'Tf': {
        const name = nameOf(operands[operands.length - 2]) ?? '';
        let decoder = decoders.get(name);
        if (!decoder) {
          decoder = fontDecoder(doc, fonts?.get(name));
          decoders.set(name, decoder);
        }
        if (decoder.unmappable) state.unmappedFonts.add(name);
        font = decoder;
        break;
      }
      case 'Td':
      case 'TD':
        if (num(1) !== 0) breakLine();
        break;
      case 'Tm':
        if (lastY !== undefined && num(1) !== lastY) breakLine();
        lastY = num(1);
        break;
      case 'T*':
        breakLine();
        break;
      case 'ET':
        breakLine();
        lastY = undefined;
        break;
      case 'Tj':
      case "'":
      case '"': {
        if (op !== 'Tj') breakLine();
        const s = operands[operands.length - 1];
        if (s && typeof s === 'object' && !Array.isArray(s) && s.t === 'str')
          line += decodeShown(s.v, font);
        break;
      }
      case 'TJ': {
        const items = operands[operands.length - 1];
        if (Array.isArray(items)) {
          for (const item of items) {
            // A shift of more than a fifth of an em reads as a word gap (writers kern with less).
            if (typeof item === 'number') {
              if (item < -200 && !line.endsWith(' ')) line += ' ';
            } else if (
              item &&
              typeof item === 'object' &&
              !Array.isArray(item) &&
              item.t === 'str'
            ) {
              line += decodeShown(item.v, font);
            }
          }
        }
        break;
      }
      case 'Do': {
        const target = xobjects?.get(nameOf(operands[operands.length - 1]) ?? '');
        const ref =
          typeof target === 'object' &&
          target !== null &&
          !Array.isArray(target) &&
          target.t === 'ref'
            ? target.n
            : undefined;
        const object = ref !== undefined ? doc.objects.get(ref) : undefined;
        const dict = isDict(object?.value) ? object.value.v : undefined;
        const subtype = nameOf(dict?.get('Subtype'));
        if (subtype === 'Image') state.images++;
        else if (subtype === 'Form' && depth < 8) {
          breakLine();
          const data = doc.streamData(object);
          if (data !== undefined)
            runContent(doc, data, doc.dict(dict?.get('Resources')) ?? resources, state, depth + 1);
        }
        break;
      }
      case 'BI': {
        // Inline image: skip its binary data, which runs from ID to a delimited EI.
        const id = content.indexOf('ID', lexer.pos);
        const ei = id < 0 ? -1 : content.slice(id + 3).search(/\sEI(\s|$)/);
        lexer.pos = ei < 0 ? content.length : id + 3 + ei + 3;
        state.images++;
        break;
      }
    }
    operands.length = 0;
  }
  breakLine();
}

function fontDecoder(doc: Document, ref: Value | undefined): FontDecoder {
  const font = doc.dict(ref);
  if (!font) return SIMPLE;
  const composite = nameOf(font.get('Subtype')) === 'Type0';
  const toUnicode = font.get('ToUnicode');
  const cmapObject =
    toUnicode && typeof toUnicode === 'object' && !Array.isArray(toUnicode) && toUnicode.t === 'ref'
      ? doc.objects.get(toUnicode.n)
      : undefined;
  const cmap = doc.streamData(cmapObject);
  if (cmap) {
    const parsed = parseToUnicode(cmap);
    return { codeLength: composite ? 2 : parsed.codeLength, map: parsed.map, unmappable: false };
  }
  return composite ? { codeLength: 2, unmappable: true } : SIMPLE;
}

export interface PdfResult {
  text: string;
  notes: string[];
}

export function pdfText(bytes: Uint8Array, budget: Budget): PdfResult {
  const s = binaryString(bytes);
  const notes: string[] = [];
  const doc = new Document(s, budget);
  if (!doc.objects.size) throw new ExtractError('unreadable', 'no PDF objects found');
  const trailers = [...s.matchAll(/trailer\s*<</g)].map((m) =>
    new Lexer(s, (m.index ?? 0) + 7).value(),
  );
  const xrefStreams = [...doc.objects.values()]
    .map((o) => o.value)
    .filter((v) => isDict(v) && nameOf(v.v.get('Type')) === 'XRef');
  const roots = [...trailers, ...xrefStreams].filter(isDictValue);
  if (roots.some((t) => t.v.has('Encrypt'))) {
    throw new ExtractError('encrypted', 'PDF is encrypted (a password or permissions are set)');
  }
  if (!roots.length && !/\bxref\b/.test(s))
    notes.push('no cross-reference table; objects were found by scanning');

  const pages = pageList(doc, roots);
  const state: PageState = { text: [], images: 0, unmappedFonts: new Set() };
  if (pages.length) {
    for (const page of pages) {
      const resources = inherited(doc, page, 'Resources');
      const contents = doc.get(page.get('Contents'));
      const refs = Array.isArray(contents) ? contents : [page.get('Contents')];
      const parts = refs.map((r) => {
        const n = r && typeof r === 'object' && !Array.isArray(r) && r.t === 'ref' ? r.n : -1;
        return doc.streamData(doc.objects.get(n)) ?? '';
      });
      runContent(doc, parts.join('\n'), doc.dict(resources), state, 0);
      state.text.push('');
    }
  } else {
    // No page tree (damaged file): read every stream that is not an image, font or structure.
    for (const object of doc.objects.values()) {
      if (!object.stream || !isDict(object.value)) continue;
      const d = object.value.v;
      const type = nameOf(d.get('Type'));
      const skip =
        ['XRef', 'ObjStm', 'Metadata', 'EmbeddedFile', 'XObject', 'CMap'].includes(type ?? '') ||
        d.has('Length1') ||
        d.has('Length2') ||
        d.has('Subtype') ||
        d.has('N');
      if (skip) continue;
      const data = doc.streamData(object);
      if (data !== undefined) runContent(doc, data, undefined, state, 0);
    }
    notes.push('no page tree; content streams were read in file order');
  }
  const text = state.text
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (state.unmappedFonts.size) {
    notes.push(`text in ${state.unmappedFonts.size} font(s) has no Unicode map and was not read`);
  }
  if (!text) {
    notes.push(
      state.images || doc.unsupportedFilters.size
        ? 'no text layer: scanned or image-only PDF'
        : 'no text found',
    );
  }
  return { text, notes };
}

function isDictValue(v: Value | Op | undefined): v is Dict {
  return !isOp(v) && isDict(v);
}

function inherited(doc: Document, page: Map<string, Value>, key: string): Value | undefined {
  let node: Map<string, Value> | undefined = page;
  for (let depth = 0; node && depth < 32; depth++) {
    const v = node.get(key);
    if (v !== undefined) return v;
    node = doc.dict(node.get('Parent'));
  }
  return undefined;
}

/** Pages in reading order from the catalogue's page tree, else every Page object in file order. */
function pageList(doc: Document, roots: Dict[]): Map<string, Value>[] {
  let catalog: Map<string, Value> | undefined;
  for (const t of roots) catalog = doc.dict(t.v.get('Root')) ?? catalog;
  if (!catalog) {
    for (const o of doc.objects.values()) {
      if (isDict(o.value) && nameOf(o.value.v.get('Type')) === 'Catalog') catalog = o.value.v;
    }
  }
  const pages: Map<string, Value>[] = [];
  const seen = new Set<Map<string, Value>>();
  const visit = (node: Map<string, Value> | undefined, depth: number) => {
    if (!node || seen.has(node) || depth > 64) return;
    seen.add(node);
    const type = nameOf(node.get('Type'));
    if (type === 'Page' || (!type && !node.has('Kids'))) pages.push(node);
    const kids = doc.get(node.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) visit(doc.dict(kid), depth + 1);
  };
  visit(doc.dict(catalog?.get('Pages')), 0);
  if (pages.length) return pages;
  return [...doc.objects.values()]
    .map((o) => o.value)
    .filter((v): v is Dict => isDict(v) && nameOf(v.v.get('Type')) === 'Page')
    .map((d) => d.v);
}
