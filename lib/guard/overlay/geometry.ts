/**
 * Where a span of a field's text is on screen, measured from outside the field: DOM Ranges over
 * the editor's text nodes for contenteditable editors, a mirror element for textarea and input
 * (their text has no DOM nodes). Nothing here writes into the page's DOM or the editor.
 */
import { isLooseSpace, alignOffsets } from './text.ts';

/** A rectangle in viewport coordinates (or relative to an origin, where said). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Ranges covering `[start, end)` of `text` (the editor's rendered text) for each span, one Range
 * per text node the span touches (so each Range's client rects are exactly its line boxes), or
 * null when a span cannot be placed. Ranges are live: the DOM keeps them in place while the user
 * edits elsewhere in the same text nodes.
 */
export function rangesFor(
  root: HTMLElement,
  text: string,
  spans: readonly { start: number; end: number }[],
): (Range[] | null)[] {
  const doc = root.ownerDocument;
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  // First and last visible character of each span: the rendered text's spaces may not exist in
  // the DOM, but the value's own characters do.
  const indices: number[] = [];
  for (const { start, end } of spans) {
    let a = start;
    while (a < end && isLooseSpace(text.charCodeAt(a))) a++;
    let b = end - 1;
    while (b > a && isLooseSpace(text.charCodeAt(b))) b--;
    indices.push(a, b);
  }
  const at = alignOffsets(
    text,
    nodes.map((n) => n.data),
    indices,
  );
  return spans.map((_, k) => {
    const first = at[2 * k];
    const last = at[2 * k + 1];
    if (!first || !last || last.chunk < first.chunk) return null;
    if (last.chunk === first.chunk && last.offset < first.offset) return null;
    const ranges: Range[] = [];
    for (let c = first.chunk; c <= last.chunk; c++) {
      const node = nodes[c]!;
      const from = c === first.chunk ? first.offset : 0;
      const to = c === last.chunk ? last.offset + 1 : node.data.length;
      if (to <= from || (c !== first.chunk && c !== last.chunk && node.data.trim() === '')) {
        continue;
      }
      const range = doc.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      ranges.push(range);
    }
    return ranges;
  });
}

/** The line boxes of `ranges`, in viewport coordinates, without empty ones. */
export function rangeBoxes(ranges: readonly Range[]): Box[] {
  const out: Box[] = [];
  for (const range of ranges) {
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0) {
        out.push({ left: r.left, top: r.top, width: r.width, height: r.height });
      }
    }
  }
  return out;
}

/** Styles that decide where text wraps and how wide it is, copied onto the mirror. */
const MIRRORED = [
  'direction',
  'font-family',
  'font-size',
  'font-size-adjust',
  'font-stretch',
  'font-style',
  'font-variant',
  'font-weight',
  'font-feature-settings',
  'font-kerning',
  'letter-spacing',
  'line-height',
  'tab-size',
  'text-align',
  'text-indent',
  'text-transform',
  'word-spacing',
  'word-break',
  'overflow-wrap',
  'white-space',
  'hyphens',
] as const;

/**
 * The line boxes of each span of a textarea's or input's value, relative to the field's content
 * origin as if it were not scrolled (add the field's content-box position and subtract its
 * scroll offsets to place them). The value is laid out in `mirror` (an element inside Hush's
 * closed shadow root) with the field's text styles and content width, measured, and removed
 * again before this returns, so the value never stays in any DOM but the field's own.
 */
export function mirrorBoxes(
  field: HTMLTextAreaElement | HTMLInputElement,
  text: string,
  spans: readonly { start: number; end: number }[],
  mirror: HTMLElement,
): Box[][] {
  const win = field.ownerDocument.defaultView!;
  const style = win.getComputedStyle(field);
  const px = (name: string): number => parseFloat(style.getPropertyValue(name)) || 0;
  const single = field.localName === 'input';
  const contentWidth = field.clientWidth - px('padding-left') - px('padding-right');
  const m = mirror.style;
  for (const name of MIRRORED) m.setProperty(name, style.getPropertyValue(name));
  m.setProperty('position', 'fixed');
  m.setProperty('left', '0');
  m.setProperty('top', '0');
  m.setProperty('visibility', 'hidden');
  m.setProperty('box-sizing', 'content-box');
  m.setProperty('padding', '0');
  m.setProperty('border', '0');
  m.setProperty('margin', '0');
  m.setProperty('overflow', 'hidden');
  m.setProperty('width', single ? 'auto' : `${Math.max(0, contentWidth)}px`);
  if (single) m.setProperty('white-space', 'pre');

  const sorted = spans.map((s, k) => ({ ...s, k })).sort((a, b) => a.start - b.start);
  const doc = field.ownerDocument;
  const marks: (HTMLElement | null)[] = spans.map(() => null);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue; // Overlapping spans are not drawn twice.
    if (s.start > at) mirror.append(doc.createTextNode(text.slice(at, s.start)));
    const mark = doc.createElement('span');
    mark.textContent = text.slice(s.start, s.end);
    mirror.append(mark);
    marks[s.k] = mark;
    at = s.end;
  }
  // A trailing line break needs a character after it to take up a line, as in the field.
  mirror.append(doc.createTextNode(text.slice(at) + '\u200b'));
  const origin = mirror.getBoundingClientRect();
  // A single-line input centres its line vertically in the content box.
  const lift = single
    ? (field.clientHeight - px('padding-top') - px('padding-bottom') - origin.height) / 2
    : 0;
  const out = marks.map((mark) => {
    if (!mark) return [];
    const boxes: Box[] = [];
    for (const r of mark.getClientRects()) {
      if (r.width <= 0 || r.height <= 0) continue;
      boxes.push({
        left: r.left - origin.left,
        top: r.top - origin.top + lift,
        width: r.width,
        height: r.height,
      });
    }
    return boxes;
  });
  mirror.replaceChildren();
  return out;
}

/** Where a text field's content starts on screen, its scroll offsets already applied. */
export function fieldOrigin(field: HTMLTextAreaElement | HTMLInputElement): {
  left: number;
  top: number;
} {
  const r = field.getBoundingClientRect();
  const style = field.ownerDocument.defaultView!.getComputedStyle(field);
  const px = (name: string): number => parseFloat(style.getPropertyValue(name)) || 0;
  return {
    left: r.left + field.clientLeft + px('padding-left') - field.scrollLeft,
    top: r.top + field.clientTop + px('padding-top') - field.scrollTop,
  };
}

/**
 * Elements around `el` that clip what is drawn over it: `el` itself when its content can scroll,
 * then ancestors (across shadow roots) whose overflow is not visible, up to `limit` of them.
 */
export function clippingElements(el: HTMLElement, limit = 8): HTMLElement[] {
  const win = el.ownerDocument.defaultView!;
  const out: HTMLElement[] = [el];
  let node: HTMLElement | null = parentAcrossShadow(el);
  while (node && out.length <= limit && node !== el.ownerDocument.documentElement) {
    const s = win.getComputedStyle(node);
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') out.push(node);
    node = parentAcrossShadow(node);
  }
  return out;
}

function parentAcrossShadow(el: HTMLElement): HTMLElement | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode() as Partial<ShadowRoot>;
  return (root.host as HTMLElement | undefined) ?? null;
}

/**
 * The visible part of the first element (its padding box) after clipping by the others and by
 * the viewport; null when nothing of it is visible.
 */
export function visibleBox(elements: readonly HTMLElement[], win: Window): Box | null {
  let left = 0;
  let top = 0;
  let right = win.innerWidth;
  let bottom = win.innerHeight;
  for (const el of elements) {
    const r = el.getBoundingClientRect();
    // The padding box: borders are not part of what the content can cover.
    const l = r.left + el.clientLeft;
    const t = r.top + el.clientTop;
    left = Math.max(left, l);
    top = Math.max(top, t);
    right = Math.min(right, l + (el.clientWidth || r.width));
    bottom = Math.min(bottom, t + (el.clientHeight || r.height));
  }
  if (right - left < 1 || bottom - top < 1) return null;
  return { left, top, width: right - left, height: bottom - top };
}
