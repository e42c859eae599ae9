/**
 * Builds a text piece by piece and records every labelled value's offsets as it is appended,
 * so spans are exact by construction (never found afterwards by a regex).
 */
import type { EntityType } from '../../../rules/types.ts';

/** A labelled span: UTF-16 offsets into the record's text, end exclusive. */
export interface LabelledSpan {
  start: number;
  end: number;
  label: EntityType;
}

/** A value to insert: its text and, when it is personal data, its label. */
export interface Value {
  text: string;
  label?: EntityType;
}

/** Looks up a slot's value; the same key gives the same value within one document. */
export type SlotLookup = (key: string) => Value;

const SLOT = /\{\{([a-z0-9_]+)(?::([a-z]+))?(?:#(\d+))?\}\}/g;

/** A document under construction. */
export class Doc {
  private text = '';
  private readonly spans: LabelledSpan[] = [];

  constructor(private readonly slots: SlotLookup) {}

  /** Appends literal text (no slots). */
  raw(s: string): this {
    this.text += s;
    return this;
  }

  /** Appends one value, recording its span when it is labelled. */
  value(v: Value): this {
    const start = this.text.length;
    this.text += v.text;
    if (v.label && v.text.length > 0)
      this.spans.push({ start, end: this.text.length, label: v.label });
    return this;
  }

  /**
   * Appends a template: literal text with `{{slot}}`, `{{slot:mod}}` or `{{slot#2}}` holes.
   * Modifiers: `lower`, `upper`. `#n` asks for another value of the same kind.
   * `prefix` is written at the start of every line of the template (for "> " quoting); a
   * value that spans lines cannot be quoted that way, so it is refused.
   */
  t(template: string, prefix = ''): this {
    const lines = template.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) this.text += '\n';
      this.text += prefix;
      let last = 0;
      for (const m of line.matchAll(SLOT)) {
        this.text += line.slice(last, m.index);
        const key = m[3] ? `${m[1]}#${m[3]}` : (m[1] as string);
        const v = this.slots(key);
        if (prefix && v.text.includes('\n')) throw new Error(`multi-line slot ${key} in a quote`);
        const mod = m[2];
        const text =
          mod === 'lower' ? v.text.toLowerCase() : mod === 'upper' ? v.text.toUpperCase() : v.text;
        this.value(v.label ? { text, label: v.label } : { text });
        last = m.index + m[0].length;
      }
      this.text += line.slice(last);
    });
    return this;
  }

  /** Appends a template followed by a newline. */
  line(template = '', prefix = ''): this {
    this.t(template, prefix);
    this.text += '\n';
    return this;
  }

  /** The finished text (trailing whitespace trimmed) and its spans. */
  finish(): { text: string; spans: LabelledSpan[] } {
    const text = this.text.replace(/\s+$/, '');
    for (const s of this.spans) {
      if (s.end > text.length) throw new Error('span past the end of the text');
    }
    return { text, spans: this.spans.slice() };
  }
}
