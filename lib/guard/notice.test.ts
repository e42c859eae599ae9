// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTICE_HOST_ID, showNotice } from './notice.ts';

afterEach(() => {
  document.getElementById(NOTICE_HOST_ID)?.remove();
});

function buttons(): HTMLButtonElement[] {
  const root = document.getElementById(NOTICE_HOST_ID)?.shadowRoot;
  return [...(root?.querySelectorAll('button') ?? [])];
}

describe('showNotice', () => {
  it('shows one notice a document, outside <body>, that names no more than it is given', () => {
    showNotice(document, { message: 'first' });
    showNotice(document, { message: 'Hush masked 1 value (email) before pasting.' });
    const hosts = document.querySelectorAll(`#${NOTICE_HOST_ID}`);
    expect(hosts.length).toBe(1);
    expect(hosts[0]!.parentElement).toBe(document.documentElement);
    expect(hosts[0]!.shadowRoot!.querySelector('[role="status"]')!.textContent).toContain(
      'Hush masked 1 value (email) before pasting.',
    );
  });

  it("ignores a page script's clicks on its buttons (the e2e tests press them as a person does)", () => {
    const onUndo = vi.fn();
    showNotice(document, { message: 'masked', onUndo });
    const undo = buttons().find((b) => b.textContent === 'Undo')!;
    undo.click(); // untrusted, as a page script's would be
    expect(onUndo).not.toHaveBeenCalled();
    expect(document.getElementById(NOTICE_HOST_ID)).not.toBeNull();
  });

  it('goes away when the content script ends, and close() is idempotent', () => {
    const controller = new AbortController();
    const close = showNotice(document, { message: 'x', signal: controller.signal });
    controller.abort();
    expect(document.getElementById(NOTICE_HOST_ID)).toBeNull();
    close();
    expect(document.getElementById(NOTICE_HOST_ID)).toBeNull();
  });
});
