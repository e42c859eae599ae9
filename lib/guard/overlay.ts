/**
 * The typing overlay (issue 3, "While typing"): values the guard would act on are marked where
 * they are in the field, with a count beside it ("2 to mask"), while the agent types.
 *
 * Two promises shape this file:
 * - It never changes the page's DOM inside an editor. Marks are boxes in Hush's own closed
 *   shadow root under `<html>`, placed over the text from outside: DOM Range client rects for
 *   contenteditable editors, a mirror element for textarea and input. Editors own their DOM
 *   (ProseMirror, Lexical, CodeMirror re-render it and would treat foreign nodes as content).
 * - It is never on a keystroke's critical path. The `input` listener only notes which node
 *   changed and when; reading the text, scanning and measuring happen after a pause in typing, in
 *   an idle callback, and repositioning happens in an animation frame.
 *
 * Marks carry type names, never values; the shadow root is closed, and the host element ignores
 * the pointer except for the count badge. Typing is not an incident: nothing here reports.
 */
import { scan, type EntityType, type Finding } from '@/rules/index.ts';
import type { GuardContext } from './context.ts';
import { ACTIONS, decide, type Action } from './decide.ts';
import { editableFrom, isTextField, readText, type Editable } from './editable.ts';
import { describeTypes } from './plan.ts';
import {
  clippingElements,
  fieldOrigin,
  mirrorBoxes,
  rangeBoxes,
  rangesFor,
  visibleBox,
  type Box,
} from './overlay/geometry.ts';
import { rescan } from './overlay/text.ts';

/** Timings of the overlay, in milliseconds. */
export const OVERLAY_TIMING = {
  /** The pause in typing after which a field is scanned. */
  pause: 250,
  /** The longest an idle callback may wait for the page to go idle. */
  idle: 500,
  /** How often a marked field is checked for having moved, changed by script or gone. */
  watch: 250,
};

/** More marks than this in one field are counted but not drawn. */
const MAX_DRAWN = 200;

/** The element that carries the overlay's shadow root (outside <body>, beside the page). */
export const OVERLAY_HOST = 'hush-overlay';

interface Cached {
  text: string;
  findings: readonly Finding[];
  complete: boolean;
}

/** The last scan of each field, for the send guard (see latestFindings). */
const cache = new WeakMap<Editable, Cached>();

/**
 * The findings of the overlay's last scan of `el`, when that scan covered exactly `text` whole
 * (they then equal `scan(text)`), else undefined. The send guard can skip its own scan with it:
 * `planFor(text, { ...options, scan: (t) => latestFindings(el, t) ?? scan(t) })`.
 */
export function latestFindings(el: Editable, text: string): readonly Finding[] | undefined {
  const c = cache.get(el);
  return c && c.complete && c.text === text ? c.findings : undefined;
}

/** One value the guard would act on, as drawn. */
interface Mark {
  type: EntityType;
  action: Action;
  start: number;
  end: number;
  /** Contenteditable: live ranges over the value's text nodes. */
  ranges?: Range[];
  /** The value's length in the DOM when placed, to notice an edit inside it. */
  domLength?: number;
  /** Text field: line boxes relative to the field's content origin. */
  boxes?: Box[];
  /** Hidden until the next scan, because an edit may have moved it. */
  stale: boolean;
}

interface Field {
  el: Editable;
  text: string;
  marks: Mark[];
  /** Set by an edit; the next scan reads the text again. */
  dirty: boolean;
  clip: HTMLElement[];
  layer: HTMLElement;
  badge: HTMLButtonElement;
  summary: HTMLElement;
  observers: { disconnect(): void }[];
  lastRect: string;
}

/** What is drawn for one field in one frame (measured before anything is written). */
interface Drawing {
  visible: Box;
  marks: { mark: Mark; boxes: Box[] }[];
  viewportWidth: number;
}

/** Pixels above a field the badge needs to sit outside it. */
const BADGE_ROOM = 22;

const COLOURS: Record<Action, string> = {
  allow: '#6b7280',
  monitor: '#2563eb',
  warn: '#b45309',
  mask: '#c2410c',
  block: '#dc2626',
};

const CSS = `
:host { all: initial !important; position: fixed !important; left: 0 !important; top: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important; display: block !important;
  pointer-events: none !important; z-index: 2147483646 !important; visibility: visible !important; }
.layer { position: fixed; overflow: hidden; pointer-events: none; }
.mark { position: absolute; left: 0; top: 0; box-sizing: border-box; border-radius: 2px;
  border-bottom: 2px solid var(--c); background: color-mix(in srgb, var(--c) 16%, transparent); }
.tag { position: absolute; left: 0; top: 0; padding: 0 3px; border-radius: 3px; white-space: nowrap;
  font: 600 10px/13px system-ui, sans-serif; color: #fff; background: var(--c); opacity: .9; }
.badge { position: fixed; pointer-events: auto; cursor: pointer; margin: 0; border: 0;
  padding: 1px 8px; border-radius: 10px; font: 600 12px/18px system-ui, sans-serif; color: #fff;
  background: var(--c); box-shadow: 0 1px 3px rgb(0 0 0 / .3); white-space: nowrap; }
.badge:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.summary { position: fixed; pointer-events: auto; max-width: 320px; padding: 8px 10px; margin: 0;
  border-radius: 6px; background: #1f2937; color: #f9fafb; font: 13px/1.4 system-ui, sans-serif;
  box-shadow: 0 4px 16px rgb(0 0 0 / .25); list-style: none; }
.summary li { margin: 2px 0; }
[hidden] { display: none !important; }
`;

/**
 * Marks what the guard would act on in every field typed into on this page (this frame; the
 * content script runs in each frame, TinyMCE's iframe included). Everything it adds hangs off
 * `guard.signal`.
 */
export function installOverlay(win: Window, guard: GuardContext): void {
  const { signal } = guard;
  const doc = win.document;
  const fields = new Map<Editable, Field>();
  /** Where edits happened since the last scan; resolved to editors then, not in the listener. */
  const edited = new Set<Node>();
  let lastEdit = 0;
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;
  let idleHandle: number | undefined;
  let frame: number | undefined;
  let watchTimer: ReturnType<typeof setInterval> | undefined;
  let view: { host: HTMLElement; root: ShadowRoot; mirror: HTMLElement } | undefined;

  // ---- scheduling -------------------------------------------------------------------------

  const requestFrame = (): void => {
    if (frame === undefined) frame = win.requestAnimationFrame(render);
  };

  /**
   * Scans once typing has paused for OVERLAY_TIMING.pause (one timer, not one per key). `typed`
   * says the user just edited (which moves the pause); a change noticed by the watch does not.
   */
  const armPause = (typed = true): void => {
    if (typed) lastEdit = win.performance.now();
    if (pauseTimer !== undefined) return;
    const check = (): void => {
      const wait = lastEdit + OVERLAY_TIMING.pause - win.performance.now();
      if (wait > 1) {
        pauseTimer = setTimeout(check, wait);
        return;
      }
      pauseTimer = undefined;
      if (idleHandle !== undefined) return;
      const run = (): void => {
        idleHandle = undefined;
        scanEdited();
      };
      idleHandle =
        'requestIdleCallback' in win
          ? win.requestIdleCallback(run, { timeout: OVERLAY_TIMING.idle })
          : (setTimeout(run, 0) as unknown as number);
    };
    pauseTimer = setTimeout(check, OVERLAY_TIMING.pause);
  };

  const noteEdit = (field: Field, typed = true): void => {
    field.dirty = true;
    armPause(typed);
    requestFrame();
  };

  // `beforeinput` too: an EditContext editor (Monaco in Chromium) fires no `input` at all.
  for (const type of ['input', 'beforeinput'] as const) {
    win.addEventListener(
      type,
      (event) => {
        // Only what is cheap here: the keystroke waits for this listener.
        const origin = event.composedPath()[0] as Partial<Node> | undefined;
        if (!origin || typeof origin.nodeType !== 'number') return;
        edited.add(origin as Node);
        armPause();
        requestFrame();
      },
      { capture: true, passive: true, signal },
    );
  }
  win.addEventListener('scroll', requestFrame, { capture: true, passive: true, signal });
  win.addEventListener('resize', requestFrame, { passive: true, signal });

  // ---- scanning ---------------------------------------------------------------------------

  function scanEdited(): void {
    for (const node of edited) {
      if (!node.isConnected) continue;
      const el = editableFrom(node);
      if (!el || (view && view.host.contains(el))) continue;
      const field = fields.get(el) ?? track(el);
      field.dirty = true;
    }
    edited.clear();
    for (const field of fields.values()) if (field.dirty) scanField(field);
    requestFrame();
  }

  function scanField(field: Field): void {
    field.dirty = false;
    const { el } = field;
    if (!el.isConnected) {
      drop(field);
      return;
    }
    const text = readText(el);
    if (text === field.text && field.marks.every((m) => !m.stale)) return;
    let findings: readonly Finding[] = [];
    const previous = cache.get(el);
    if (previous?.text === text) {
      // Unchanged text (the editor only re-rendered it): place the same findings again.
      findings = previous.findings;
    } else if (text.trim() !== '') {
      const result = rescan(text, previous, guard.scan ?? ((t) => scan(t)));
      findings = result.findings;
      cache.set(el, { text, findings, complete: result.complete });
    } else {
      cache.set(el, { text, findings, complete: true });
    }
    field.text = text;
    const decision = decide(findings, guard.pageClass, guard.rules);
    const marks: Mark[] = decision.findings
      .filter((d) => d.action !== 'allow')
      .map((d) => ({
        type: d.finding.type,
        action: d.action,
        start: d.finding.start,
        end: d.finding.end,
        stale: false,
      }));
    placeMarks(field, marks);
    field.marks = marks;
    field.summary.hidden = true;
    field.badge.setAttribute('aria-expanded', 'false');
    if (marks.length > 0) {
      field.clip = clippingElements(el);
      startWatch();
    }
  }

  /** Measures where each mark is: live ranges for editors, mirror boxes for text fields. */
  function placeMarks(field: Field, marks: Mark[]): void {
    const drawn = marks.slice(0, MAX_DRAWN);
    if (drawn.length === 0) return;
    const { el } = field;
    if (isTextField(el)) {
      const boxes = mirrorBoxes(el, field.text, drawn, ensureView().mirror);
      drawn.forEach((m, k) => (m.boxes = boxes[k] ?? []));
    } else {
      const ranges = rangesFor(el, field.text, drawn);
      drawn.forEach((m, k) => {
        const r = ranges[k];
        if (!r) return;
        m.ranges = r;
        m.domLength = r.reduce((n, range) => n + range.toString().length, 0);
      });
    }
  }

  // ---- fields -----------------------------------------------------------------------------

  function track(el: Editable): Field {
    const v = ensureView();
    const layer = doc.createElement('div');
    layer.className = 'layer';
    layer.hidden = true;
    const badge = doc.createElement('button');
    badge.type = 'button';
    badge.className = 'badge';
    badge.hidden = true;
    badge.setAttribute('aria-expanded', 'false');
    const summary = doc.createElement('ul');
    summary.className = 'summary';
    summary.hidden = true;
    // Keep the caret and focus in the editor: the badge is looked at, not typed into.
    badge.addEventListener('mousedown', (e) => e.preventDefault(), { signal });
    badge.addEventListener(
      'click',
      () => {
        summary.hidden = !summary.hidden;
        badge.setAttribute('aria-expanded', String(!summary.hidden));
        requestFrame();
      },
      { signal },
    );
    v.root.append(layer, summary, badge);
    const field: Field = {
      el,
      text: '',
      marks: [],
      dirty: true,
      clip: [el],
      layer,
      badge,
      summary,
      observers: [],
      lastRect: '',
    };
    const resize = new ResizeObserver(requestFrame);
    resize.observe(el);
    field.observers.push(resize);
    if (!isTextField(el)) {
      // Editors change their text by script too (the site clears the field after a send), with
      // no input event. The callback only notes it; the work waits for the pause.
      const mutations = new MutationObserver(() => noteEdit(field));
      mutations.observe(el, { childList: true, characterData: true, subtree: true });
      field.observers.push(mutations);
    }
    fields.set(el, field);
    return field;
  }

  function drop(field: Field): void {
    for (const o of field.observers) o.disconnect();
    field.layer.remove();
    field.badge.remove();
    field.summary.remove();
    fields.delete(field.el);
  }

  // ---- drawing ----------------------------------------------------------------------------

  function ensureView(): { host: HTMLElement; root: ShadowRoot; mirror: HTMLElement } {
    if (view) {
      // A site that rebuilds <html>'s children may have removed the host: put it back.
      if (!view.host.isConnected) doc.documentElement.append(view.host);
      return view;
    }
    const host = doc.createElement(OVERLAY_HOST);
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    const mirror = doc.createElement('div');
    mirror.setAttribute('aria-hidden', 'true');
    root.append(style, mirror);
    // Clicks on the badge are Hush's; the site's own click handlers need not see them.
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'] as const) {
      root.addEventListener(type, (e) => e.stopPropagation(), { signal });
    }
    doc.documentElement.append(host);
    view = { host, root, mirror };
    return view;
  }

  /**
   * Draws every field in two passes: first all reads (rects), then all writes (styles). Mixing
   * them would make each read after a write lay the page out again (one layout per mark).
   */
  function render(): void {
    frame = undefined;
    const plans: [Field, Drawing | null][] = [];
    for (const field of [...fields.values()]) {
      if (!field.el.isConnected) drop(field);
      else plans.push([field, measure(field)]);
    }
    for (const [field, drawing] of plans) paint(field, drawing);
  }

  /** Where a field's marks and badge go now; null when nothing of it is to be drawn. */
  function measure(field: Field): Drawing | null {
    const { el } = field;
    if (field.marks.length === 0) return null;
    noteStale(field);
    const visible = visibleBox(field.clip, win);
    if (!visible) return null;
    const origin = isTextField(el) ? fieldOrigin(el) : { left: 0, top: 0 };
    const marks: Drawing['marks'] = [];
    for (const mark of field.marks) {
      if (mark.stale) continue;
      if (marks.length >= MAX_DRAWN) break;
      const boxes = mark.ranges
        ? rangeBoxes(mark.ranges)
        : (mark.boxes ?? []).map((b) => ({
            ...b,
            left: b.left + origin.left,
            top: b.top + origin.top,
          }));
      marks.push({ mark, boxes });
    }
    return { visible, marks, viewportWidth: doc.documentElement.clientWidth };
  }

  function paint(field: Field, drawing: Drawing | null): void {
    const { layer, badge, summary } = field;
    if (!drawing) {
      layer.hidden = true;
      badge.hidden = true;
      summary.hidden = true;
      badge.setAttribute('aria-expanded', 'false');
      return;
    }
    const { visible } = drawing;
    layer.hidden = false;
    const ls = layer.style;
    ls.left = `${visible.left}px`;
    ls.top = `${visible.top}px`;
    ls.width = `${visible.width}px`;
    ls.height = `${visible.height}px`;

    let used = 0;
    const node = (cls: string): HTMLElement => {
      let n = layer.children[used++] as HTMLElement | undefined;
      if (!n || n.className !== cls) {
        const fresh = doc.createElement('div');
        fresh.className = cls;
        if (n) n.replaceWith(fresh);
        else layer.append(fresh);
        n = fresh;
      }
      return n;
    };
    for (const { mark, boxes } of drawing.marks) {
      const colour = COLOURS[mark.action];
      for (const b of boxes) {
        place(node('mark'), b.left - visible.left, b.top - visible.top, b.width, b.height, colour);
      }
      const first = boxes[0];
      if (!first) continue;
      const tag = node('tag');
      const name = describeTypes([mark.type]);
      if (tag.textContent !== name) tag.textContent = name;
      const above = first.top - visible.top - 13;
      const y = above >= 0 ? above : first.top - visible.top + first.height;
      place(tag, first.left - visible.left, y, undefined, undefined, colour);
    }
    while (layer.children.length > used) layer.lastElementChild!.remove();

    // The badge counts every mark (stale ones too: they are still there, only moving).
    const strongest = field.marks.reduce(
      (a, m) => (ACTIONS.indexOf(m.action) > ACTIONS.indexOf(a) ? m.action : a),
      'allow' as Action,
    );
    const label = badgeText(field.marks.length, strongest);
    if (badge.textContent !== label) {
      badge.textContent = label;
      badge.setAttribute(
        'aria-label',
        `Hush: ${label} in this field (${describeTypes(field.marks.map((m) => m.type))}). Details`,
      );
      summary.replaceChildren(...summaryLines(field.marks).map((line) => item(line)));
    }
    badge.style.setProperty('--c', COLOURS[strongest]);
    badge.hidden = false;
    // Above the field's top right corner, or just inside it when there is no room above. Placed
    // from the right and lifted by a transform, so its own size need not be measured.
    const right = Math.max(0, drawing.viewportWidth - (visible.left + visible.width));
    const above = visible.top >= BADGE_ROOM;
    badge.style.right = `${above ? right : right + 4}px`;
    badge.style.top = `${above ? visible.top - 2 : visible.top + 2}px`;
    badge.style.transform = above ? 'translateY(-100%)' : 'none';
    if (!summary.hidden) {
      summary.style.right = `${right}px`;
      summary.style.top = `${above ? visible.top + 2 : visible.top + BADGE_ROOM + 2}px`;
    }
  }

  const item = (text: string): HTMLElement => {
    const li = doc.createElement('li');
    li.textContent = text;
    return li;
  };

  /**
   * Hides marks an edit may have moved until the next scan places them again. In an editor the
   * live ranges follow edits elsewhere, so only a mark whose own text changed is hidden; in a
   * text field everything from the first changed character on may have moved (text before it
   * wraps as before, apart from the word the change is in).
   */
  function noteStale(field: Field): void {
    const { el } = field;
    if (isTextField(el)) {
      const value = el.value;
      if (value === field.text) return;
      const max = Math.min(value.length, field.text.length);
      let p = 0;
      while (p < max && value.charCodeAt(p) === field.text.charCodeAt(p)) p++;
      for (const m of field.marks) if (m.end > p - 32) m.stale = true;
      field.dirty = true;
      armPause(false);
      return;
    }
    for (const m of field.marks) {
      if (m.stale || !m.ranges) continue;
      let length = 0;
      for (const r of m.ranges) {
        if (!r.startContainer.isConnected) {
          length = -1;
          break;
        }
        length += r.toString().length;
      }
      if (length !== m.domLength) m.stale = true;
    }
  }

  // ---- watching ---------------------------------------------------------------------------

  /**
   * While anything is marked, checks a few times a second whether a field moved (the page's
   * layout changed around it), was changed by script without an event, or was removed.
   */
  function startWatch(): void {
    if (watchTimer !== undefined) return;
    watchTimer = setInterval(() => {
      let any = false;
      for (const field of fields.values()) {
        if (!field.el.isConnected) {
          drop(field);
          continue;
        }
        if (field.marks.length === 0) continue;
        any = true;
        const r = field.el.getBoundingClientRect();
        const key = `${r.left},${r.top},${r.width},${r.height}`;
        if (key !== field.lastRect) {
          field.lastRect = key;
          requestFrame();
        }
        if (isTextField(field.el) && field.el.value !== field.text) noteEdit(field, false);
      }
      if (!any) {
        clearInterval(watchTimer);
        watchTimer = undefined;
      }
    }, OVERLAY_TIMING.watch);
  }

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(pauseTimer);
      clearInterval(watchTimer);
      if (idleHandle !== undefined) win.cancelIdleCallback?.(idleHandle);
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      for (const field of [...fields.values()]) drop(field);
      view?.host.remove();
    },
    { once: true },
  );
}

/** What each drawn element was last given, so a frame where nothing moved writes nothing. */
const placed = new WeakMap<HTMLElement, string>();

/** Moves and sizes one mark or tag, writing styles only when they change. */
function place(
  el: HTMLElement,
  x: number,
  y: number,
  w: number | undefined,
  h: number | undefined,
  colour: string,
): void {
  const key = `${x},${y},${w},${h},${colour}`;
  if (placed.get(el) === key) return;
  placed.set(el, key);
  const s = el.style;
  s.transform = `translate(${x}px, ${y}px)`;
  if (w !== undefined) s.width = `${w}px`;
  if (h !== undefined) s.height = `${h}px`;
  s.setProperty('--c', colour);
}

/** "2 to mask": the count, and what the strongest action will do on send. */
export function badgeText(count: number, strongest: Action): string {
  switch (strongest) {
    case 'block':
      return `${count} to block`;
    case 'mask':
      return `${count} to mask`;
    case 'warn':
      return `${count} to confirm`;
    default:
      return `${count} noted`;
  }
}

const WHAT: Record<Action, string> = {
  allow: 'allowed',
  monitor: 'counted, sent as typed',
  warn: 'you will be asked before sending',
  mask: 'masked when you send',
  block: 'sending is blocked',
};

/** One line per type and action: "2 email: masked when you send". Types and counts only. */
export function summaryLines(marks: readonly { type: EntityType; action: Action }[]): string[] {
  const counts = new Map<string, { type: EntityType; action: Action; n: number }>();
  for (const m of marks) {
    const key = `${m.type} ${m.action}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { type: m.type, action: m.action, n: 1 });
  }
  return [...counts.values()]
    .sort((a, b) => ACTIONS.indexOf(b.action) - ACTIONS.indexOf(a.action))
    .map((c) => `${c.n} ${describeTypes([c.type])}: ${WHAT[c.action]}`);
}
