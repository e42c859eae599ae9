/**
 * Reversible replies (issue 3, "The agent's side"): tokens such as `[EMAIL_1]` that this tab's
 * vault issued, when they come back in the AI's replies (page text outside the editor), are shown
 * to the agent with the real values, and copying a reply puts the real values on the clipboard.
 *
 * The real values never enter the page's DOM, which the site's scripts can read and send: each is
 * drawn in a chip over its token, inside a CLOSED shadow root (page scripts get no handle on it),
 * and the copy handler writes them straight to the clipboard, stopping the event so no page
 * listener can read them back from `clipboardData`. The page keeps the tokens.
 *
 * Cost on a chat page that streams long replies: the MutationObserver callback only collects the
 * changed nodes; a timer (BATCH_MS) then looks at the text of the blocks those nodes sit in, only
 * when the vault has issued a token and only where a `[` occurs, and only tokens the vault knows
 * get a chip. Positions are read in one pass and written in the next, once per frame at most.
 */
import { unmask, type TokenMap } from '@/rules/index.ts';
import type { GuardContext } from './context.ts';

/** A chip that is not shown. */
const HIDDEN = 'display: none;';

/** How long changes are collected before they are looked at. */
export const BATCH_MS = 60;

/** The token form that `mask` makes (rules/mask.ts): `[TYPE_n]`. */
const TOKEN = /\[[A-Z][A-Z_]{1,30}_\d{1,6}\]/g;

/** The shadow host's tag; the chips live in its closed shadow root. */
export const REPLIES_HOST_TAG = 'hush-replies';

/** Elements whose text is not a reply: code, styles, and form fields' default values. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE', 'OPTION']);

/** Inline elements: a token split over them is still one token, so the block around is read. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DFN',
  'EM',
  'FONT',
  'I',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
]);

// `!important` on :host: rules in the shadow tree win over the page's, even its important ones, so
// the site cannot move or hide the layer (see components/styles.ts).
const CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  left: 0 !important;
  top: 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483646 !important;
  pointer-events: none !important;
  visibility: visible !important;
  opacity: 1 !important;
}
.chip {
  position: fixed;
  box-sizing: border-box;
  white-space: pre;
  overflow: hidden;
  padding: 0 2px;
  border-radius: 3px;
  background: #fff4c2;
  color: #1f2328;
  box-shadow: 0 0 0 1px rgba(154, 103, 0, 0.45);
  pointer-events: none;
  user-select: none;
}
`;

/** One token of a reply with the value it stands for. */
interface Entry {
  range: Range;
  token: string;
  chip: HTMLElement;
  /** The element holding the token: watched for being near the viewport. */
  anchor: Element;
  /** The chip's last written style, so an unchanged position writes nothing. */
  last: string;
  /** The token's font (computed once), so the value reads like the text around it. */
  font: string;
  /** Ancestors that clip what they hold (overflow other than visible), nearest first. */
  clips: Element[];
}

/**
 * Starts showing real values over this tab's tokens in the page's text, and putting them on the
 * clipboard when a reply is copied, while `guard.settings.reversible`. Policy may change that
 * setting at any time (it arrives after the guard started), so it is read at every use; when it
 * is off, no chip is shown and copies are left alone. Stops with `guard.signal`.
 */
export function installReplies(win: Window, guard: GuardContext): void {
  const { signal, vault } = guard;
  const doc = win.document;

  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let entries: Entry[] = [];
  const pending = new Set<Node>();
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  /** Elements holding tokens that are near the viewport, and how many tokens each holds. */
  const near = new Set<Element>();
  const watched = new Map<Element, number>();
  const nearness = new IntersectionObserver(
    (items) => {
      for (const item of items) {
        if (item.isIntersecting) near.add(item.target);
        else near.delete(item.target);
      }
      schedulePosition();
    },
    { rootMargin: '200px' },
  );
  const watch = (anchor: Element): void => {
    const n = watched.get(anchor) ?? 0;
    if (n === 0) nearness.observe(anchor);
    watched.set(anchor, n + 1);
  };
  const drop = (e: Entry): void => {
    e.chip.remove();
    const n = (watched.get(e.anchor) ?? 1) - 1;
    if (n > 0) {
      watched.set(e.anchor, n);
      return;
    }
    watched.delete(e.anchor);
    near.delete(e.anchor);
    nearness.unobserve(e.anchor);
  };

  const isOurs = (node: Node): boolean => host !== null && (node === host || host.contains(node));

  /**
   * The tokens the vault issued, or null when it has issued none or policy turned reversible
   * masking off (then there is nothing to do, and no chip may stay).
   */
  const issued = (): TokenMap | null => {
    if (!guard.settings.reversible) {
      if (entries.length > 0) {
        for (const e of entries) drop(e);
        entries = [];
      }
      return null;
    }
    const map = vault.toMap();
    for (const _ in map) return map;
    return null;
  };

  const overlay = (): ShadowRoot => {
    if (root) return root;
    host = doc.createElement(REPLIES_HOST_TAG);
    // The values are shown to the eye only; assistive technology reads the page's own tokens.
    host.setAttribute('aria-hidden', 'true');
    root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    root.append(style);
    // Outside <body>, which single-page sites re-render.
    doc.documentElement.append(host);
    return root;
  };

  const flush = (): void => {
    timer = undefined;
    const map = issued();
    if (!map) {
      pending.clear();
      return;
    }
    if (removed) {
      removed = false;
      entries = entries.filter((e) => {
        if (e.range.startContainer.isConnected && e.range.endContainer.isConnected) return true;
        drop(e);
        return false;
      });
    }
    const blocks = new Set<Element>();
    for (const node of pending) {
      if (!node.isConnected || isOurs(node)) continue;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !readable(el)) continue;
      blocks.add(node.nodeType === 1 ? el : blockOf(el));
    }
    pending.clear();
    // A block inside another block of this batch is read with it.
    for (const block of blocks) {
      for (const other of blocks) {
        if (other !== block && other.contains(block)) {
          blocks.delete(block);
          break;
        }
      }
    }
    const clipMemo = new Map<Element, Element[]>();
    for (const block of blocks) rescan(block, map, clipMemo);
    schedulePosition();
  };

  /**
   * Finds the issued tokens in `block`'s text. A token already shown at the same place keeps its
   * chip (a streamed paragraph is read again at every batch; only its new tokens cost anything).
   */
  const rescan = (block: Element, map: TokenMap, clipMemo: Map<Element, Element[]>): void => {
    const old: Entry[] = [];
    entries = entries.filter((e) => {
      if (!block.contains(e.range.startContainer)) return true;
      old.push(e);
      return false;
    });
    const kept = new Set<Entry>();
    if ((block.textContent ?? '').includes('[')) {
      const texts: Text[] = [];
      const starts: number[] = [];
      let joined = '';
      const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || !readable(parent) || isOurs(n)) continue;
        texts.push(n as Text);
        starts.push(joined.length);
        joined += (n as Text).data;
      }
      // Matches come in text order, so one cursor walks the text nodes once for all of them.
      let i = 0;
      const at = (offset: number, end: boolean): [Text, number] => {
        while (i + 1 < texts.length && (end ? starts[i + 1]! < offset : starts[i + 1]! <= offset)) {
          i++;
        }
        return [texts[i]!, offset - starts[i]!];
      };
      for (const match of joined.matchAll(TOKEN)) {
        const token = match[0];
        const value = Object.hasOwn(map, token) ? map[token] : undefined;
        if (value === undefined) continue;
        const [startNode, startOffset] = at(match.index, false);
        const [endNode, endOffset] = at(match.index + token.length, true);
        const same = old.find(
          (e) =>
            e.token === token &&
            e.range.startContainer === startNode &&
            e.range.startOffset === startOffset &&
            e.range.endContainer === endNode &&
            e.range.endOffset === endOffset,
        );
        if (same) {
          kept.add(same);
          entries.push(same);
          continue;
        }
        const range = doc.createRange();
        range.setStart(startNode, startOffset);
        range.setEnd(endNode, endOffset);
        const chip = doc.createElement('span');
        chip.className = 'chip';
        chip.textContent = value;
        const parent = startNode.parentElement!;
        chip.style.cssText = HIDDEN;
        overlay().append(chip);
        watch(parent);
        entries.push({
          range,
          token,
          chip,
          anchor: parent,
          last: HIDDEN,
          font: win.getComputedStyle(parent).font,
          clips: clippingAncestors(win, parent, clipMemo),
        });
      }
    }
    for (const e of old) if (!kept.has(e)) drop(e);
  };

  const position = (): void => {
    frame = undefined;
    if (entries.length === 0 || !issued()) return;
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    // Read every position first, then write: one layout for all chips. Tokens far from the
    // viewport (per the IntersectionObserver) are not measured at all.
    const styles = entries.map((e) => {
      if (!near.has(e.anchor)) return HIDDEN;
      const rect = e.range.getClientRects()[0];
      if (!rect || rect.width === 0) return HIDDEN;
      // What of the page is visible around this token: the window, cut by scrolling panes.
      let top = 0;
      let left = 0;
      let bottom = vh;
      let right = vw;
      for (const clip of e.clips) {
        const c = clip.getBoundingClientRect();
        top = Math.max(top, c.top);
        left = Math.max(left, c.left);
        bottom = Math.min(bottom, c.bottom);
        right = Math.min(right, c.right);
      }
      if (bottom <= rect.top || top >= rect.bottom || right <= rect.left || left >= rect.right) {
        return HIDDEN;
      }
      // Cut the chip where the reply is cut (a scrolled chat pane, the window's edge); a value
      // longer than its token may cover the text after it, never what lies outside the pane.
      const inset =
        `${Math.max(0, top - rect.top)}px ` +
        `max(0px, calc(100% - ${right - rect.left}px)) ` +
        `${Math.max(0, rect.bottom - bottom)}px ${Math.max(0, left - rect.left)}px`;
      return (
        `font: ${e.font}; line-height: normal; display: block; left: ${rect.left}px; top: ${rect.top}px; ` +
        `min-width: ${rect.width}px; height: ${rect.height}px; clip-path: inset(${inset});`
      );
    });
    entries.forEach((e, i) => {
      const style = styles[i]!;
      if (style === e.last) return;
      e.last = style;
      e.chip.style.cssText = style === HIDDEN ? HIDDEN : style;
    });
  };

  const schedulePosition = (): void => {
    if (frame === undefined && entries.length > 0) frame = win.requestAnimationFrame(position);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') pending.add(r.target);
      else {
        for (const n of r.addedNodes) pending.add(n);
        if (r.removedNodes.length > 0) removed = true;
      }
    }
    timer ??= setTimeout(flush, BATCH_MS);
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });

  const listen = { capture: true, passive: true, signal } as const;
  win.addEventListener('scroll', schedulePosition, listen);
  win.addEventListener('resize', schedulePosition, listen);

  win.addEventListener(
    'copy',
    (event) => {
      const selection = win.getSelection();
      if (!selection || selection.isCollapsed || !event.clipboardData) return;
      // Copying from the agent's own editor is the editor's business; only page text is a reply.
      for (const node of [selection.anchorNode, selection.focusNode]) {
        const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
        if (!el || !readable(el) || isOurs(el)) return;
      }
      const text = selection.toString();
      if (!text.includes('[')) return;
      const map = issued();
      if (!map || unmask(text, map) === text) return;
      // The HTML flavour too, so pasting into a rich editor keeps the reply's formatting. The
      // copy is serialised from a detached clone; the values go into the string, not the DOM.
      const holder = doc.createElement('div');
      for (let i = 0; i < selection.rangeCount; i++) {
        holder.append(selection.getRangeAt(i).cloneContents());
      }
      const html = holder.innerHTML.replace(TOKEN, (token) =>
        Object.hasOwn(map, token) ? escapeHtml(map[token]!) : token,
      );
      event.clipboardData.setData('text/plain', unmask(text, map));
      event.clipboardData.setData('text/html', html);
      event.preventDefault();
      // While the event is dispatched, page listeners could read clipboardData back.
      event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      nearness.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      host?.remove();
      entries = [];
      pending.clear();
    },
    { once: true },
  );
}

/** Whether text in `el` can be part of a reply: not in an editor, a script or a form field. */
function readable(el: Element): boolean {
  if ((el as HTMLElement).isContentEditable) return false;
  for (let e: Element | null = el; e; e = e.parentElement) if (SKIP.has(e.tagName)) return false;
  return true;
}

/** The nearest ancestor of `el` that is not an inline element (at most a few levels up). */
function blockOf(el: Element): Element {
  let out = el;
  for (let i = 0; i < 6 && INLINE.has(out.tagName) && out.parentElement; i++) {
    out = out.parentElement;
  }
  return out;
}

/**
 * The ancestors of `el` that cut off what overflows them: a token inside is cut too. `memo` holds
 * the answers of one batch, so the tokens of one reply share one walk up the tree.
 */
function clippingAncestors(win: Window, el: Element, memo: Map<Element, Element[]>): Element[] {
  const parent = el.parentElement;
  if (!parent || parent === win.document.documentElement) return [];
  const known = memo.get(parent);
  if (known) return known;
  const s = win.getComputedStyle(parent);
  const above = clippingAncestors(win, parent, memo);
  const out = s.overflowX !== 'visible' || s.overflowY !== 'visible' ? [parent, ...above] : above;
  memo.set(parent, out);
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
