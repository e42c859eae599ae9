// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirstVisit, type FirstVisitProps } from './FirstVisit.tsx';
import { button, click, key, mount } from './testing/dom.ts';

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const view of mounted.splice(0)) view.unmount();
});

function setup(over: Partial<FirstVisitProps> = {}) {
  const props: FirstVisitProps = {
    siteName: 'ExampleChat',
    pageClass: 'unapproved-ai',
    onClose: vi.fn(),
    ...over,
  };
  const view = mount(<FirstVisit {...props} />);
  mounted.push(view);
  return { props, section: view.container.querySelector('section')! };
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('FirstVisit', () => {
  it('is a region named by its heading, with the built-in text for the page class', () => {
    const { section } = setup();
    const title = document.getElementById(section.getAttribute('aria-labelledby')!)!;
    expect(text(title)).toBe('Hush protects customer data on ExampleChat');
    expect(text(section)).toContain('ExampleChat is not approved by your company');
    expect(section.querySelector('a')).toBeNull();
  });

  it("uses the company's text and link, and names the approved alternative", () => {
    const { section } = setup({
      text: 'Acme policy: no customer data in AI tools.',
      url: 'https://intranet.example.test/ai-policy',
      approvedAlternative: { name: 'Acme Assistant', url: 'https://assistant.example.test' },
    });
    expect(text(section)).toContain('Acme policy: no customer data in AI tools.');
    expect(text(section)).not.toContain('is not approved');
    const links = [...section.querySelectorAll('a')].map((a) => [text(a), a.href]);
    expect(links).toEqual([
      ['Acme Assistant', 'https://assistant.example.test/'],
      ['Learn more', 'https://intranet.example.test/ai-policy'],
    ]);
  });

  it('says what happens on a support tool', () => {
    const { section } = setup({ siteName: 'Zendesk', pageClass: 'support-tool' });
    expect(text(section)).toContain('secrets are blocked');
  });

  it('closes with "Got it" or Escape', () => {
    const { section, props } = setup();
    click(button(section, 'Got it'));
    key('Escape', {}, button(section, 'Got it'));
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });
});
