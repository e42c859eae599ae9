/**
 * Invisible characters in pasted text (issue 7): zero-width characters, bidirectional controls
 * and Unicode tag characters (U+E0000..U+E007F, which can spell out a whole hidden ASCII message).
 * A person reading the text sees nothing; a model reads them. Pure: no DOM.
 */

/** One run of invisible characters and what it is. */
export interface InvisibleRun {
  start: number;
  /** Exclusive, in UTF-16 code units. */
  end: number;
  kind: 'zero-width' | 'bidi-control' | 'tag-characters';
  /** For tag characters: the ASCII text they spell (shown to the agent, it is not a value). */
  spelled?: string;
}

const INVISIBLE =
  /[\u200B-\u200D\u2060\u2063\uFEFF]+|[\u202A-\u202E\u2066-\u2069\u200E\u200F]+|(?:\uDB40[\uDC00-\uDC7F])+/g;

/** The runs of invisible characters in `text`, in order. */
export function invisibleRuns(text: string): InvisibleRun[] {
  const out: InvisibleRun[] = [];
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text)) {
    const run = m[0];
    const first = run.charCodeAt(0);
    if (first === 0xdb40) {
      let spelled = '';
      for (const ch of run) {
        const c = ch.codePointAt(0)! - 0xe0000;
        if (c >= 0x20 && c < 0x7f) spelled += String.fromCharCode(c);
      }
      out.push({ start: m.index, end: m.index + run.length, kind: 'tag-characters', spelled });
    } else if (
      (first >= 0x202a && first <= 0x202e) ||
      (first >= 0x2066 && first <= 0x2069) ||
      first === 0x200e ||
      first === 0x200f
    ) {
      out.push({ start: m.index, end: m.index + run.length, kind: 'bidi-control' });
    } else {
      out.push({ start: m.index, end: m.index + run.length, kind: 'zero-width' });
    }
  }
  return out;
}
