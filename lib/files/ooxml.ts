/**
 * Text of Office Open XML files (ECMA-376): Word paragraphs become lines, Excel rows become lines
 * of tab-separated cells, PowerPoint paragraphs become lines. The XML is walked with one tag
 * regex; the parts we read are machine-written and flat enough that a full parser buys nothing.
 */
import { ExtractError, type Budget } from './errors.ts';
import { decodeEntities } from './text.ts';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip.ts';

const utf8 = new TextDecoder('utf-8');

class Package {
  private readonly entries: Map<string, ZipEntry>;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: Budget,
  ) {
    const entries = readZipDirectory(bytes);
    // Zip encryption covers every entry in practice; one encrypted part means we can't vouch
    // for the file, even if the parts we read are clear.
    if (entries.some((entry) => entry.encrypted)) {
      throw new ExtractError('encrypted', 'zip entries are encrypted');
    }
    this.entries = new Map(entries.map((entry) => [entry.name, entry]));
  }
  names(): string[] {
    return [...this.entries.keys()];
  }
  has(name: string): boolean {
    return this.entries.has(name);
  }
  xml(name: string): string | undefined {
    const entry = this.entries.get(name);
    return entry ? utf8.decode(readZipEntry(this.bytes, entry, this.budget)) : undefined;
  }
}

interface Tag {
  close: boolean;
  selfClosing: boolean;
  name: string;
  attrs: string;
}

/** Calls `onTag` for each element and `onText` for each run of character data. */
function walk(xml: string, onTag: (tag: Tag) => void, onText: (text: string) => void): void {
  const token =
    /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[!?][^>]*>|([^<]+)/g;
  for (const m of xml.matchAll(token)) {
    if (m[2] !== undefined) {
      onTag({ close: m[1] === '/', selfClosing: m[4] === '/', name: m[2], attrs: m[3] ?? '' });
    } else if (m[5] !== undefined) {
      onText(m[5]);
    } else if (m[6] !== undefined) {
      onText(decodeEntities(m[6]));
    }
  }
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : undefined;
}

/**
 * Paragraph text of a WordprocessingML or DrawingML part. `textTags` hold characters (w:t, and
 * w:delText because tracked deletions are still in the file a model receives); `paragraph` ends
 * a line. Field codes (w:instrText) and phonetic guides are skipped.
 */
function paragraphs(xml: string, paragraph: string, textTags: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  let inText = 0;
  walk(
    xml,
    (tag) => {
      if (textTags.includes(tag.name)) {
        if (!tag.selfClosing) inText += tag.close ? -1 : 1;
      } else if (tag.name === paragraph && tag.close) {
        lines.push(line);
        line = '';
      } else if (!tag.close && (tag.name === 'w:tab' || tag.name === 'a:tab')) {
        line += '\t';
      } else if (!tag.close && /^(w:br|w:cr|a:br)$/.test(tag.name)) {
        line += '\n';
      }
    },
    (text) => {
      if (inText > 0) line += text;
    },
  );
  if (line) lines.push(line);
  return lines.join('\n');
}

const numbered = (prefix: RegExp) => (a: string, b: string) => {
  const n = (s: string) => Number(prefix.exec(s)?.[1] ?? 0);
  return n(a) - n(b) || a.localeCompare(b);
};

export function docxText(bytes: Uint8Array, budget: Budget): string {
  const pkg = new Package(bytes, budget);
  if (!pkg.has('word/document.xml')) throw new ExtractError('unreadable', 'no word/document.xml');
  const parts = pkg.names();
  const pick = (re: RegExp) => parts.filter((n) => re.test(n)).sort(numbered(/(\d+)\.xml$/));
  const order = [
    ...pick(/^word\/header\d*\.xml$/),
    'word/document.xml',
    ...pick(/^word\/(footnotes|endnotes|comments)\.xml$/),
    ...pick(/^word\/footer\d*\.xml$/),
  ];
  const texts = order.map((name) => paragraphs(pkg.xml(name) ?? '', 'w:p', ['w:t', 'w:delText']));
  return texts.filter((t) => t.trim()).join('\n\n');
}

export function pptxText(bytes: Uint8Array, budget: Budget): string {
  const pkg = new Package(bytes, budget);
  const parts = pkg.names();
  const pick = (re: RegExp) => parts.filter((n) => re.test(n)).sort(numbered(/(\d+)\.xml$/));
  const slides = pick(/^ppt\/slides\/slide\d+\.xml$/);
  if (!slides.length && !pkg.has('ppt/presentation.xml')) {
    throw new ExtractError('unreadable', 'no slides');
  }
  const order = [...slides, ...pick(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)];
  const texts = order.map((name) => paragraphs(pkg.xml(name) ?? '', 'a:p', ['a:t']));
  return texts.filter((t) => t.trim()).join('\n\n');
}

/** Items of xl/sharedStrings.xml; phonetic runs (rPh) are readings, not content. */
function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const items: string[] = [];
  let current = '';
  let inT = 0;
  let inPhonetic = 0;
  walk(
    xml,
    (tag) => {
      if (tag.selfClosing) {
        if (tag.name === 'si') items.push('');
        return;
      }
      if (tag.name === 'si') {
        if (tag.close) items.push(current);
        current = '';
      } else if (tag.name === 'rPh') inPhonetic += tag.close ? -1 : 1;
      else if (tag.name === 't') inT += tag.close ? -1 : 1;
    },
    (text) => {
      if (inT > 0 && inPhonetic === 0) current += text;
    },
  );
  return items;
}

function columnIndex(ref: string | undefined): number | undefined {
  const letters = ref ? /^([A-Z]+)/.exec(ref)?.[1] : undefined;
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A gap this wide between cells is layout, not data; one tab keeps them apart without padding. */
const MAX_GAP = 50;

function sheetText(xml: string, strings: readonly string[]): string {
  const rows: string[] = [];
  let cells: string[] = [];
  let cell: { type: string; column?: number; value: string } | undefined;
  let inValue = 0;
  walk(
    xml,
    (tag) => {
      if (tag.name === 'row') {
        if (tag.close || tag.selfClosing) {
          if (cells.some((c) => c !== '')) rows.push(cells.join('\t'));
          cells = [];
        }
      } else if (tag.name === 'c') {
        if (!tag.close)
          cell = {
            type: attr(tag.attrs, 't') ?? 'n',
            column: columnIndex(attr(tag.attrs, 'r')),
            value: '',
          };
        if (cell && (tag.close || tag.selfClosing)) {
          let value = cell.value;
          if (cell.type === 's') value = strings[Number(value)] ?? '';
          else if (cell.type === 'b') value = value === '1' ? 'TRUE' : 'FALSE';
          if (cell.column !== undefined && cell.column > cells.length) {
            const gap = cell.column - cells.length;
            for (let i = 0; i < Math.min(gap, MAX_GAP); i++) cells.push('');
          }
          cells.push(value.replace(/[\t\r\n]+/g, ' '));
          cell = undefined;
        }
      } else if (tag.name === 'v' || tag.name === 't') {
        // <v> is a value (or a shared-string index); <t> is inside an inline string (<is>).
        if (!tag.selfClosing) inValue += tag.close ? -1 : 1;
      }
    },
    (text) => {
      if (cell && inValue > 0) cell.value += text;
    },
  );
  return rows.join('\n');
}

export function xlsxText(bytes: Uint8Array, budget: Budget): string {
  const pkg = new Package(bytes, budget);
  const strings = sharedStrings(pkg.xml('xl/sharedStrings.xml'));
  const sheets: { name: string; path: string }[] = [];
  // Sheet order and names come from the workbook and its relationships; fall back to file names.
  const workbook = pkg.xml('xl/workbook.xml') ?? '';
  const rels = pkg.xml('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  walk(
    rels,
    (tag) => {
      const id = attr(tag.attrs, 'Id');
      const target = attr(tag.attrs, 'Target');
      if (tag.name === 'Relationship' && id && target) {
        targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }
    },
    () => {},
  );
  walk(
    workbook,
    (tag) => {
      if (tag.name !== 'sheet' || tag.close) return;
      const id = attr(tag.attrs, 'r:id');
      const path = id ? targets.get(id) : undefined;
      if (path && pkg.has(path)) sheets.push({ name: attr(tag.attrs, 'name') ?? '', path });
    },
    () => {},
  );
  if (!sheets.length) {
    for (const path of pkg
      .names()
      .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .sort(numbered(/(\d+)\.xml$/))) {
      sheets.push({ name: '', path });
    }
  }
  if (!sheets.length) throw new ExtractError('unreadable', 'workbook has no worksheets');
  const blocks = sheets.map(({ name, path }) => {
    const body = sheetText(pkg.xml(path) ?? '', strings);
    return name ? `${name}\n${body}` : body;
  });
  // Cell comments (notes) are part of the file too.
  for (const path of pkg
    .names()
    .filter((n) => /^xl\/comments\d*\.xml$/.test(n))
    .sort()) {
    const text = paragraphs(pkg.xml(path) ?? '', 'comment', ['t']);
    if (text.trim()) blocks.push(text);
  }
  return blocks.filter((b) => b.trim()).join('\n\n');
}
