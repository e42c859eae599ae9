/**
 * The `<style>` blocks of pasted HTML, applied by hand to an inert document (issue 7): a paste can
 * hide text with a class rule (`.x { display: none }`) as well as with an inline style. The CSS is
 * read by the small parser below, never by the browser's style engine: the document is never
 * rendered or attached, so no `@import`, `url()` or font is fetched and nothing runs.
 *
 * What is applied: style rules at the top level and inside `@media` (except print and speech
 * only), `@supports` and `@layer` blocks. Each element matched by a rule gets the rule's
 * declarations folded into its inline style in cascade order: rules by specificity, then by
 * their order in the paste, then the element's own `style` attribute, and `!important` as CSS
 * says (the browser's own CSSOM parses the combined text, so shorthands and priorities resolve
 * the way they do on a page). Selectors with pseudo-elements match nothing here, and an invalid
 * selector is skipped.
 */

/** One style rule: its selectors and its declarations as written. */
export interface StyleRule {
  selectors: string[];
  declarations: string;
}

/** The style rules of a stylesheet's text, in order (see the module comment for what is kept). */
export function parseRules(css: string): StyleRule[] {
  const out: StyleRule[] = [];
  const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ').replace(/<!--|-->/g, ' ');
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    const semi = text.indexOf(';', i);
    // A statement at-rule (`@import url(x);`, `@charset`): skipped, never fetched.
    if (semi >= 0 && (open < 0 || semi < open) && text.slice(i, semi).trim().startsWith('@')) {
      i = semi + 1;
      continue;
    }
    if (open < 0) break;
    const close = matchingBrace(text, open);
    const prelude = text.slice(i, open).trim();
    const body = text.slice(open + 1, close);
    i = close + 1;
    if (prelude.startsWith('@')) {
      if (appliesOnScreen(prelude)) out.push(...parseRules(body));
      continue;
    }
    const selectors = splitTopLevel(prelude, ',')
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.includes('::') && !/:(?:before|after)\b/i.test(s));
    if (selectors.length > 0) out.push({ selectors, declarations: body.trim() });
  }
  return out;
}

/** The index of the `}` closing the block opened at `open` (or the text's end). */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return text.length;
}

/** Whether a block at-rule's content can apply to a page on a screen. */
function appliesOnScreen(prelude: string): boolean {
  const name = /^@([a-z-]+)/i.exec(prelude)?.[1]?.toLowerCase();
  if (name === 'supports' || name === 'layer' || name === 'container') return true;
  if (name !== 'media') return false;
  // Each comma-separated query; one that is not for print or speech only is enough.
  return splitTopLevel(prelude.slice(6), ',').some(
    (q) => !/^\s*(?:only\s+)?(?:print|speech)\b/i.test(q) && !/^\s*not\s+(?:all|screen)\b/i.test(q),
  );
}

/** Splits at `sep` outside parentheses and brackets (`:is(a, b)` stays whole). */
function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, j));
      start = j + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/**
 * A selector's specificity as one number (ids, then classes, attributes and pseudo-classes, then
 * type names), enough to order the rules of one paste. `:not()`, `:is()` and `:has()` count
 * their most specific argument; `:where()` counts nothing.
 */
export function specificity(selector: string): number {
  let ids = 0;
  let classes = 0;
  let types = 0;
  let rest = selector.replace(/:where\((?:[^()]|\([^()]*\))*\)/gi, '');
  rest = rest.replace(
    /:(?:not|is|has|matches)\(((?:[^()]|\([^()]*\))*)\)/gi,
    (_m, inner: string) => {
      const best = Math.max(0, ...splitTopLevel(inner, ',').map(specificity));
      ids += Math.floor(best / 1_000_000);
      classes += Math.floor(best / 1_000) % 1_000;
      types += best % 1_000;
      return ' ';
    },
  );
  rest = rest.replace(/\[[^\]]*\]/g, () => {
    classes++;
    return ' ';
  });
  ids += (rest.match(/#[\w-]+/g) ?? []).length;
  classes += (rest.match(/\.[\w-]+|:[\w-]+(?:\([^)]*\))?/g) ?? []).length;
  rest = rest.replace(/#[\w-]+|\.[\w-]+|:[\w-]+(?:\([^)]*\))?/g, ' ');
  types += (rest.match(/(?:^|[\s>+~(])[a-z][\w-]*/gi) ?? []).length;
  return ids * 1_000_000 + classes * 1_000 + types;
}

/**
 * Folds the rules of every `<style>` element in `doc` into the inline style of the elements they
 * select. Returns the elements changed, each with its own `style` attribute as it was pasted.
 */
export function applyStyleBlocks(doc: Document): Map<Element, string> {
  const sheets = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '');
  const changed = new Map<Element, string>();
  if (sheets.length === 0) return changed;
  const matched = new Map<Element, { spec: number; order: number; css: string }[]>();
  let order = 0;
  for (const rule of sheets.flatMap(parseRules)) {
    for (const selector of rule.selectors) {
      order++;
      let found: Iterable<Element>;
      try {
        found = doc.querySelectorAll(selector);
      } catch {
        continue; // Not a selector this browser knows: it would match nothing on a page either.
      }
      const spec = specificity(selector);
      for (const el of found) {
        const list = matched.get(el) ?? [];
        list.push({ spec, order, css: rule.declarations });
        matched.set(el, list);
      }
    }
  }
  for (const [el, list] of matched) {
    const style = (el as Partial<HTMLElement>).style;
    if (!style) continue;
    const own = el.getAttribute('style') ?? '';
    list.sort((a, b) => a.spec - b.spec || a.order - b.order);
    // Later declarations win in one block, and `!important` wins over later normal ones, which is
    // the cascade for rules (in this order) followed by the element's own style.
    style.cssText = [...list.map((r) => r.css), own].join(';');
    changed.set(el, own);
  }
  return changed;
}
