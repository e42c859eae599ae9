/**
 * Text in pasted rich content that a person does not see but a model reads (issue 7): elements
 * styled `display:none`, `visibility:hidden`, `font-size:0`, `opacity:0`, text the colour of its
 * background, or moved off the screen, and the `hidden` attribute. The styles come from the
 * elements' inline `style` and from `<style>` blocks in the pasted HTML (stylesheet.ts applies
 * those rules to the elements they select, in cascade order, before the checks read them).
 *
 * The HTML is parsed inert: DOMParser runs no script and loads nothing, the `<style>` text is
 * read as text by our own parser (never attached to a live document, so no `@import` or `url()`
 * is fetched), and selectors are matched with querySelectorAll in that inert document.
 */
import { applyStyleBlocks } from './stylesheet.ts';

/** One hidden piece of text: how it was hidden, where, and its text (shown to the agent). */
export interface HiddenPart {
  how: string;
  /** "paragraph 2", "a span in paragraph 1": where in the pasted content. */
  where: string;
  text: string;
}

type Rgba = readonly [number, number, number, number];

/** The few colour names a hiding trick uses; any other name is compared by its name. */
const NAMED: Record<string, Rgba> = {
  white: [255, 255, 255, 1],
  black: [0, 0, 0, 1],
  transparent: [0, 0, 0, 0],
  silver: [192, 192, 192, 1],
  gray: [128, 128, 128, 1],
  grey: [128, 128, 128, 1],
  red: [255, 0, 0, 1],
  green: [0, 128, 0, 1],
  blue: [0, 0, 255, 1],
  yellow: [255, 255, 0, 1],
  whitesmoke: [245, 245, 245, 1],
  snow: [255, 250, 250, 1],
  ivory: [255, 255, 240, 1],
};

/** A CSS colour as RGBA, or null for what this reader does not know (it then compares nothing). */
export function parseColor(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v in NAMED) return NAMED[v]!;
  const hex = /^#([0-9a-f]{3,8})$/.exec(v)?.[1];
  if (hex && [3, 4, 6, 8].includes(hex.length)) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const n = (i: number) => Number.parseInt(full.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), full.length === 8 ? n(6) / 255 : 1];
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    v,
  );
  if (fn) {
    const alpha =
      fn[4] === undefined ? 1 : Number.parseFloat(fn[4]) / (fn[4].endsWith('%') ? 100 : 1);
    return [Number(fn[1]), Number(fn[2]), Number(fn[3]), alpha];
  }
  return null;
}

/** Whether two colours look the same to a reader (each channel within a few steps). */
function sameColor(a: Rgba, b: Rgba): boolean {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= 24;
}

/**
 * The background a reader sees behind `el`: the nearest declared, not transparent, background
 * colour of it or an ancestor; white when none is declared (pasted content lands on a page we do
 * not know, and white is what editors and chat pages nearly always show).
 */
function backgroundBehind(el: Element): Rgba {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const style = (at as Partial<HTMLElement>).style;
    if (!style) continue;
    const c = parseColor(style.backgroundColor);
    if (c && c[3] > 0) return c;
  }
  return NAMED.white!;
}

const CHECKS: readonly {
  how: string;
  test: (style: CSSStyleDeclaration, el: Element) => boolean;
}[] = [
  { how: 'display:none', test: (s) => s.display === 'none' },
  { how: 'the hidden attribute', test: (_s, el) => el.hasAttribute('hidden') },
  {
    how: 'visibility:hidden',
    test: (s) => s.visibility === 'hidden' || s.visibility === 'collapse',
  },
  { how: 'font-size:0', test: (s) => /^0(?:\.0*)?(?:px|pt|em|rem|%)?$/.test(s.fontSize.trim()) },
  { how: 'opacity:0', test: (s) => /^0(?:\.0*)?$/.test(s.opacity.trim()) },
  {
    how: 'white text',
    test: (s) =>
      /^(?:white|#fff(?:f{3})?|rgba?\(\s*255\s*,\s*255\s*,\s*255\s*(?:,\s*1\s*)?\))$/i.test(
        s.color.trim(),
      ) &&
      !/\S/.test(
        s.backgroundColor.replace(
          /white|#fff(?:fff)?|transparent|rgba?\(\s*255\s*,\s*255\s*,\s*255[^)]*\)/gi,
          '',
        ),
      ),
  },
  {
    // Any colour on the same colour (dark grey on a dark grey box), and transparent text.
    how: 'text the colour of its background',
    test: (s, el) => {
      const color = parseColor(s.color);
      return color !== null && (color[3] === 0 || sameColor(color, backgroundBehind(el)));
    },
  },
  {
    how: 'off-screen position',
    test: (s) =>
      [s.left, s.top, s.textIndent, s.marginLeft].some((v) => {
        const n = Number.parseFloat(v);
        return Number.isFinite(n) && n <= -500;
      }) ||
      // translate(-9999px), translateX(-100vw), translate3d(-2000px, 0, 0): moved far out.
      /translate(?:x|3d)?\(\s*-(?:\d{3,}(?:\.\d+)?(?:px|pt|em|rem)|\d{2,}(?:\.\d+)?v[wh])/i.test(
        s.transform,
      ),
  },
];

const BLOCKS = 'p, div, li, td, th, h1, h2, h3, h4, h5, h6, blockquote, pre, tr';
/** Elements whose text is not page text: their content is code or data, never shown. */
const NOT_TEXT = new Set(['style', 'script', 'template', 'noscript']);

/** The first check `style` fails on `el`, or undefined. */
function hiddenBy(style: CSSStyleDeclaration, el: Element): string | undefined {
  return CHECKS.find((c) => c.test(style, el))?.how;
}

/** The hidden parts of `html`, outermost only (a hidden element's hidden children are its text). */
export function hiddenParts(html: string, parser: DOMParser = new DOMParser()): HiddenPart[] {
  if (!html) return [];
  const doc = parser.parseFromString(html, 'text/html');
  // Each element's inline style as pasted, before the `<style>` rules are folded into it, to say
  // whether a rule or the element itself hid it.
  const inline = applyStyleBlocks(doc);
  const out: HiddenPart[] = [];
  const blocks = [...doc.body.querySelectorAll(BLOCKS)];
  for (const el of doc.body.querySelectorAll('*')) {
    if (NOT_TEXT.has(el.localName)) continue;
    // An inert document has no window, so no instanceof HTMLElement: any element with a style.
    const style = (el as Partial<HTMLElement>).style;
    if (!style) continue;
    const how = hiddenBy(style, el);
    if (!how) continue;
    // Outermost only: a hidden element inside another is part of its text.
    if (out.some((p) => (p as HiddenPart & { el?: Element }).el?.contains(el))) continue;
    const text = textOf(el);
    if (!text) continue;
    const block = el.matches(BLOCKS) ? el : el.parentElement?.closest(BLOCKS);
    const n = block ? blocks.indexOf(block) + 1 : 0;
    const name = el.tagName.toLowerCase();
    const where =
      block === el ? `paragraph ${n}` : n > 0 ? `a ${name} in paragraph ${n}` : `a ${name}`;
    const byRule = inline.has(el) && !ownStyleHides(el, inline.get(el)!, how);
    const part = {
      how: byRule ? `${how}, set by a <style> rule` : how,
      where,
      text: text.length > 200 ? `${text.slice(0, 199)}…` : text,
    };
    Object.defineProperty(part, 'el', { value: el, enumerable: false });
    out.push(part);
  }
  return out.map(({ how, where, text }) => ({ how, where, text }));
}

/** Whether the element's own pasted `style` attribute alone hides it the same way. */
function ownStyleHides(el: Element, cssText: string, how: string): boolean {
  const probe = el.ownerDocument.createElement(el.localName);
  probe.setAttribute('style', cssText);
  for (const attr of ['hidden']) if (el.hasAttribute(attr)) probe.setAttribute(attr, '');
  const style = (probe as Partial<HTMLElement>).style;
  if (!style) return false;
  // The colour check looks at ancestors; keep the probe where the element is, then take it out.
  el.parentElement?.appendChild(probe);
  try {
    return hiddenBy(style, probe) === how;
  } finally {
    probe.remove();
  }
}

/** An element's text without the code inside it (a `<style>` or `<script>` child). */
function textOf(el: Element): string {
  if (![...el.querySelectorAll('style, script, template, noscript')].length) {
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  const copy = el.cloneNode(true) as Element;
  for (const code of copy.querySelectorAll('style, script, template, noscript')) code.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
