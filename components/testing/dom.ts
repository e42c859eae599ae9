/**
 * Small DOM helpers for the component tests (happy-dom). Not shipped: only *.test.tsx import it.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh container in `document.body`; returns it and an unmount function. */
export function mount(vnode: ComponentChild): { container: HTMLElement; unmount(): void } {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(vnode, container));
  return {
    container,
    unmount() {
      act(() => render(null, container));
      container.remove();
    },
  };
}

/** Dispatches a keydown on `target` (the focused element by default); returns the event. */
export function key(
  name: string,
  init: KeyboardEventInit = {},
  target: Element | null = document.activeElement,
): KeyboardEvent {
  if (!target) throw new Error('no target for key ' + name);
  const event = new KeyboardEvent('keydown', {
    key: name,
    bubbles: true,
    cancelable: true,
    composed: true,
    ...init,
  });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

/**
 * Enter on a focused button, as a browser does it: the keydown goes first, and if nothing
 * cancelled it, a native <button> is activated (happy-dom has no activation behaviour of its
 * own). The test therefore fails if the panel swallows Enter or an action is not a real button.
 */
export function pressEnter(target: Element): void {
  const event = key('Enter', {}, target);
  if (!event.defaultPrevented && target instanceof HTMLButtonElement && !target.disabled) {
    act(() => target.click());
  }
}

export function click(target: Element): void {
  act(() => (target as HTMLElement).click());
}

/** Types `text` into a textarea the way a user does: value, then an input event. */
export function type(target: HTMLTextAreaElement, text: string): void {
  act(() => {
    target.value = text;
    target.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The button whose accessible text (aria-label, else text) is `name`; throws if absent. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export function buttonNames(root: ParentNode): string[] {
  return [...root.querySelectorAll('button')].map(
    (b) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '',
  );
}
