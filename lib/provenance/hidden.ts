/**
 * Text in pasted rich content that a person does not see but a model reads (issue 7): elements
 * styled `display:none`, `visibility:hidden`, `font-size:0`, `opacity:0`, white text, or moved off
 * the screen, and the `hidden` attribute. The HTML is parsed inert (DOMParser runs no script and
 * loads nothing), so only inline styles can be read: a paste carries its styles inline, which is
 * how browsers put rich content on the clipboard.
 */

/** One hidden piece of text: how it was hidden, where, and its text (shown to the agent). */
export interface HiddenPart {
  how: string;
  /** "paragraph 2", "a span in paragraph 1": where in the pasted content. */
  where: string;
  text: string;
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
    how: 'off-screen position',
    test: (s) =>
      [s.left, s.top, s.textIndent, s.marginLeft].some((v) => {
        const n = Number.parseFloat(v);
        return Number.isFinite(n) && n <= -500;
      }),
  },
];

const BLOCKS = 'p, div, li, td, th, h1, h2, h3, h4, h5, h6, blockquote, pre, tr';

/** The hidden parts of `html`, outermost only (a hidden element's hidden children are its text). */
export function hiddenParts(html: string, parser: DOMParser = new DOMParser()): HiddenPart[] {
  if (!html) return [];
  const doc = parser.parseFromString(html, 'text/html');
  const out: HiddenPart[] = [];
  const blocks = [...doc.body.querySelectorAll(BLOCKS)];
  for (const el of doc.body.querySelectorAll('*')) {
    // An inert document has no window, so no instanceof HTMLElement: any element with a style.
    const style = (el as Partial<HTMLElement>).style;
    if (!style) continue;
    const check = CHECKS.find((c) => c.test(style, el));
    if (!check) continue;
    // Outermost only: a hidden element inside another is part of its text.
    if (out.some((p) => (p as HiddenPart & { el?: Element }).el?.contains(el))) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const block = el.matches(BLOCKS) ? el : el.parentElement?.closest(BLOCKS);
    const n = block ? blocks.indexOf(block) + 1 : 0;
    const name = el.tagName.toLowerCase();
    const where =
      block === el ? `paragraph ${n}` : n > 0 ? `a ${name} in paragraph ${n}` : `a ${name}`;
    const part = {
      how: check.how,
      where,
      text: text.length > 200 ? `${text.slice(0, 199)}…` : text,
    };
    Object.defineProperty(part, 'el', { value: el, enumerable: false });
    out.push(part);
  }
  return out.map(({ how, where, text }) => ({ how, where, text }));
}
