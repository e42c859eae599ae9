// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notice } from './Notice.tsx';
import { ReviewPanel, type ReviewPanelProps } from './ReviewPanel.tsx';
import { mountInShadow, type ShadowMount } from './shadow.ts';
import { HUSH_CSS } from './styles.ts';
import { button, key } from './testing/dom.ts';

const panelProps: ReviewPanelProps = {
  site: { name: 'ExampleChat', pageClass: 'unapproved-ai' },
  findings: [
    {
      type: 'EMAIL',
      label: 'Email address',
      level: 'CONFIDENTIAL',
      action: 'mask',
      detector: 'email',
      preview: 'j•••@e•••.test',
      where: 'line 1',
    },
  ],
  allowed: { maskAndSend: true, sendAnyway: true, reasonRequired: true },
  onMaskAndSend: () => {},
  onEdit: () => {},
  onSendAnyway: () => {},
  onCancel: () => {},
};

const mounts: ShadowMount[] = [];
function mountPanel(host: HTMLElement | Document = document, props = panelProps) {
  let m!: ShadowMount;
  act(() => {
    m = mountInShadow(host, () => <ReviewPanel {...props} />, { mode: 'open' });
  });
  mounts.push(m);
  return m;
}

afterEach(() => {
  act(() => {
    for (const m of mounts.splice(0)) m.unmount();
  });
  document.head.replaceChildren();
  document.body.replaceChildren();
});

function addPageStyle(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}

describe('mountInShadow', () => {
  it('puts a host at the end of <html>, outside <body>, with its own <style>', () => {
    const m = mountPanel();
    expect(m.host.tagName).toBe('HUSH-UI');
    expect(m.host.parentElement).toBe(document.documentElement);
    expect(m.host.shadowRoot).toBe(m.root);
    const style = m.root.querySelector('style')!;
    expect(style.textContent).toBe(HUSH_CSS);
    expect(m.root.querySelector('[role="dialog"]')).not.toBeNull();
    // Nothing of the panel is in the light DOM, where the page's selectors would reach it.
    expect(document.querySelector('[role="dialog"], .hush-ui')).toBeNull();
  });

  it('is closed by default, so page scripts cannot reach the previews', () => {
    let m!: ShadowMount;
    act(() => {
      m = mountInShadow(document, () => <ReviewPanel {...panelProps} />);
    });
    mounts.push(m);
    expect(m.root.mode).toBe('closed');
    expect(m.host.shadowRoot).toBeNull();
    expect(m.root.textContent).toContain('j•••@e•••.test');
  });

  it("keeps the page's CSS off the panel's buttons", () => {
    addPageStyle('button { display: none !important; } .hush-ui * { visibility: hidden; }');
    const pageButton = document.createElement('button');
    document.body.append(pageButton);
    const m = mountPanel();

    // The page rule works in this DOM (so the check below can fail) ...
    expect(getComputedStyle(pageButton).display).toBe('none');
    // ... and does not reach inside the shadow root.
    for (const b of m.root.querySelectorAll('button')) {
      expect(getComputedStyle(b).display).toBe('inline-block');
      expect(getComputedStyle(b).visibility).toBe('visible');
    }
    expect(getComputedStyle(m.root.querySelector('.hush-backdrop')!).position).toBe('fixed');
  });

  it('does not leak its own CSS to the page', () => {
    const m = mountPanel();
    const pageButton = document.createElement('button');
    pageButton.className = 'hush-primary';
    document.body.append(pageButton);
    expect(m.root.querySelector('button.hush-primary')).not.toBeNull();
    expect(getComputedStyle(pageButton).backgroundColor).not.toBe('#1a56db');
    expect(getComputedStyle(m.root.querySelector('button.hush-primary')!).backgroundColor).toBe(
      '#1a56db',
    );
  });

  it('uses a given element as the host', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const m = mountPanel(host);
    expect(m.host).toBe(host);
    expect(host.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull();
    act(() => m.unmount());
    mounts.length = 0;
    // The caller owns the element: it stays, emptied.
    expect(host.isConnected).toBe(true);
    expect(m.root.childNodes.length).toBe(0);
  });

  it("keeps keys typed in the panel from reaching the page's shortcuts", () => {
    const pageKeys: string[] = [];
    document.addEventListener('keydown', (e) => pageKeys.push(e.key));
    const onCancel = vi.fn();
    const m = mountPanel(document, { ...panelProps, onCancel });
    const edit = button(m.root, 'Edit message');
    key('Enter', {}, edit);
    key('Escape', {}, edit);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(pageKeys).toEqual([]);
  });

  it('moves focus into the shadow root on open', () => {
    const m = mountPanel();
    expect(document.activeElement).toBe(m.host);
    expect(m.root.activeElement).toBe(button(m.root, 'Mask and send'));
  });

  it('rerenders with new content and removes everything on unmount', () => {
    vi.useFakeTimers();
    try {
      const onDismiss = vi.fn();
      let m!: ShadowMount;
      act(() => {
        m = mountInShadow(document, () => null, { mode: 'open' });
      });
      act(() =>
        m.rerender(() => (
          <Notice
            count={1}
            types={['EMAIL']}
            when="pasting"
            onDismiss={onDismiss}
            timeoutMs={1000}
          />
        )),
      );
      expect(m.root.querySelector('[role="status"]')!.textContent).toContain('Hush masked 1 value');
      act(() => m.unmount());
      expect(m.host.isConnected).toBe(false);
      expect(document.querySelector('hush-ui')).toBeNull();
      expect(vi.getTimerCount()).toBe(0);
      act(() => {
        vi.advanceTimersByTime(5000);
      });
      expect(onDismiss).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
