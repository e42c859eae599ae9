// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice, noticeText, type NoticeProps } from './Notice.tsx';
import { button, buttonNames, click, key, mount } from './testing/dom.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const view of mounted.splice(0)) view.unmount();
  vi.useRealTimers();
});

const mounted: { unmount(): void }[] = [];

function setup(over: Partial<NoticeProps> = {}) {
  const props: NoticeProps = {
    count: 2,
    types: ['EMAIL', 'CREDIT_CARD'],
    when: 'pasting',
    onUndo: vi.fn(),
    onDismiss: vi.fn(),
    timeoutMs: 8000,
    ...over,
  };
  const view = mount(<Notice {...props} />);
  mounted.push(view);
  return { props, container: view.container, unmount: view.unmount };
}

function advance(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('noticeText', () => {
  it('names the count and each type once', () => {
    expect(noticeText({ count: 2, types: ['EMAIL', 'CREDIT_CARD'], when: 'pasting' })).toBe(
      'Hush masked 2 values (email address, payment card data) before pasting.',
    );
    expect(noticeText({ count: 3, types: ['EMAIL', 'EMAIL', 'PHONE'], when: 'sending' })).toBe(
      'Hush masked 3 values (email address, phone number) before sending.',
    );
    expect(noticeText({ count: 1, types: ['IBAN'], when: 'dropping' })).toBe(
      'Hush masked 1 value (IBAN) before dropping.',
    );
  });
});

describe('Notice', () => {
  it('is a polite status with the text, Undo and a dismiss button', () => {
    const { container } = setup();
    const status = container.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.querySelector('span')!.textContent).toBe(
      'Hush masked 2 values (email address, payment card data) before pasting.',
    );
    expect(buttonNames(status)).toEqual(['Undo', 'Dismiss notice']);
  });

  it('has no Undo when policy does not allow it', () => {
    const { container } = setup({ onUndo: undefined });
    expect(buttonNames(container)).toEqual(['Dismiss notice']);
  });

  it('Undo calls onUndo only, then hides and stops its timer', () => {
    const { container, props } = setup();
    click(button(container, 'Undo'));
    expect(props.onUndo).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[role="status"]')).toBeNull();
    advance(20_000);
    expect(props.onDismiss).not.toHaveBeenCalled();
  });

  it('dismiss calls onDismiss once and hides', () => {
    const { container, props } = setup();
    click(button(container, 'Dismiss notice'));
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[role="status"]')).toBeNull();
    advance(20_000);
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('Escape dismisses', () => {
    const { container, props } = setup();
    key('Escape', {}, button(container, 'Undo'));
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('hides itself after the timeout the caller passes', () => {
    const { container, props } = setup({ timeoutMs: 5000 });
    advance(4999);
    expect(props.onDismiss).not.toHaveBeenCalled();
    expect(container.querySelector('[role="status"]')).not.toBeNull();
    advance(1);
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
    expect(props.onUndo).not.toHaveBeenCalled();
    expect(container.querySelector('[role="status"]')).toBeNull();
  });

  it('holds the timeout while focus is inside, and restarts it after', () => {
    const { container, props } = setup({ timeoutMs: 5000 });
    const undo = button(container, 'Undo');
    act(() => undo.focus());
    advance(60_000);
    expect(props.onDismiss).not.toHaveBeenCalled();
    act(() => undo.blur());
    advance(4999);
    expect(props.onDismiss).not.toHaveBeenCalled();
    advance(1);
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('holds the timeout while the pointer is over it', () => {
    const { container, props } = setup({ timeoutMs: 5000 });
    const status = container.querySelector('[role="status"]')!;
    act(() => {
      status.dispatchEvent(new MouseEvent('mouseenter'));
    });
    advance(10_000);
    expect(props.onDismiss).not.toHaveBeenCalled();
    act(() => {
      status.dispatchEvent(new MouseEvent('mouseleave'));
    });
    advance(5000);
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('leaves no timer behind when unmounted', () => {
    const { props, unmount } = setup();
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    mounted.length = 0;
    expect(vi.getTimerCount()).toBe(0);
    advance(20_000);
    expect(props.onDismiss).not.toHaveBeenCalled();
  });

  it('shows a message as given, and "Send anyway…" only when the caller offers it', () => {
    const onSendAnyway = vi.fn();
    const view = mount(
      <Notice
        message="Hush masked 1 value (email) before sending."
        onSendAnyway={onSendAnyway}
        onDismiss={vi.fn()}
        timeoutMs={8000}
      />,
    );
    mounted.push(view);
    const status = view.container.querySelector('[role="status"]')!;
    expect(status.querySelector('span')!.textContent).toBe(
      'Hush masked 1 value (email) before sending.',
    );
    expect(buttonNames(status)).toEqual(['Send anyway…', 'Dismiss notice']);
    click(button(status, 'Send anyway…'));
    expect(onSendAnyway).toHaveBeenCalledTimes(1);
    expect(view.container.querySelector('[role="status"]')).toBeNull();
  });
});
