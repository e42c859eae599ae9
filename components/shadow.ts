/**
 * Mounts Hush's in-page UI (review panel, notices) in a shadow root of its own, so the site's CSS
 * cannot break it and its CSS cannot break the site (issue 3, "The agent's side").
 */
import { render as renderPreact, type ComponentChild } from 'preact';
import { HUSH_CSS } from './styles.ts';

export interface ShadowMountOptions {
  /**
   * `closed` (the default) keeps page scripts from reaching the UI through `host.shadowRoot`, so a
   * site cannot read the previews in a panel or click its buttons by script. Tests may use `open`.
   */
  mode?: ShadowRootMode;
  /** The stylesheet for this root; Hush's own by default. */
  css?: string;
}

export interface ShadowMount {
  /** The element that carries the shadow root. */
  readonly host: HTMLElement;
  /** The shadow root; the only handle on a closed root. */
  readonly root: ShadowRoot;
  /** Renders again, with `next` from now on if given (the caller's state changed). */
  rerender(next?: () => ComponentChild): void;
  /** Unmounts the Preact tree (running effect cleanups, so no timer outlives it) and removes it. */
  unmount(): void;
}

/** Events that bubble out of a shadow root into the page (they are `composed`). */
const CONTAINED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste'] as const;

/**
 * Renders `render()` with Preact into a new shadow root that holds its own `<style>`.
 *
 * With an element, that element becomes the shadow host (the caller creates and places it, e.g.
 * beside a field; it must not have a shadow root already). With a document, a `<hush-ui>` element
 * is created as the last child of `<html>`, outside `<body>`, which single-page sites often
 * re-render, and is removed again on `unmount`.
 *
 * A `<style>` element is used rather than `adoptedStyleSheets`: Firefox refuses stylesheets
 * constructed in a content script's compartment for a page's shadow root.
 */
export function mountInShadow(
  host: HTMLElement | Document,
  render: () => ComponentChild,
  options: ShadowMountOptions = {},
): ShadowMount {
  const created = isDocument(host);
  const hostEl = created ? host.createElement('hush-ui') : host;
  const root = hostEl.attachShadow({ mode: options.mode ?? 'closed' });

  const style = hostEl.ownerDocument.createElement('style');
  style.textContent = options.css ?? HUSH_CSS;
  const container = hostEl.ownerDocument.createElement('div');
  container.className = 'hush-ui';
  root.append(style, container);

  // Keys typed in the panel (Enter in the reason box, Escape) must not reach the site's own
  // shortcuts, such as "Enter sends". Stopping them at the root still lets our own handlers, which
  // sit deeper, see them first. Page listeners in the capture phase still see them: the guard's
  // own capture listeners must ignore events whose `composedPath()` contains `host`.
  const stop = (event: Event) => event.stopPropagation();
  for (const type of CONTAINED_EVENTS) root.addEventListener(type, stop);

  if (created) host.documentElement.append(hostEl);

  let current = render;
  renderPreact(current(), container);

  return {
    host: hostEl,
    root,
    rerender(next) {
      if (next) current = next;
      renderPreact(current(), container);
    },
    unmount() {
      renderPreact(null, container);
      for (const type of CONTAINED_EVENTS) root.removeEventListener(type, stop);
      root.replaceChildren();
      if (created) hostEl.remove();
    },
  };
}

function isDocument(node: HTMLElement | Document): node is Document {
  return node.nodeType === 9; // Node.DOCUMENT_NODE, without relying on a global `Node`.
}
