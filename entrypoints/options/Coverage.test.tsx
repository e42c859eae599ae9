// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '@/lib/sites/registration.ts';
import { CoverageList } from './Coverage.tsx';

const COVERAGE: Coverage = {
  v: 1,
  at: 1,
  hosts: [
    {
      pattern: 'chat.corp-ai.example',
      pageClass: 'unapproved-ai',
      state: 'guarded',
      origin: '*://chat.corp-ai.example/*',
    },
    {
      pattern: 'chatgpt.com',
      pageClass: 'unapproved-ai',
      state: 'catalogue',
      origin: '*://chatgpt.com/*',
    },
    {
      pattern: 'llm.corp.example/a',
      pageClass: 'unapproved-ai',
      state: 'no-access',
      origin: '*://llm.corp.example/*',
    },
    {
      pattern: 'llm.corp.example/b',
      pageClass: 'unapproved-ai',
      state: 'no-access',
      origin: '*://llm.corp.example/*',
    },
    {
      pattern: '*.helpdesk.example',
      pageClass: 'support-tool',
      state: 'no-access',
      origin: '*://*.helpdesk.example/*',
    },
  ],
};

function mount(coverage: Coverage | null) {
  const root = document.createElement('div');
  document.body.append(root);
  const asked: string[][] = [];
  act(() => render(<CoverageList coverage={coverage} onAllow={(o) => asked.push(o)} />, root));
  return { root, asked };
}

describe('CoverageList', () => {
  it('names the sites not guarded yet, with why, and asks access for their hosts once each', () => {
    const { root, asked } = mount(COVERAGE);
    expect(root.querySelector('[role=status]')?.textContent).toBe(
      '3 of these sites are not guarded yet.',
    );
    const state = (p: string) =>
      root.querySelector(`tr[data-pattern="${p}"] td:last-child`)?.textContent;
    expect(state('chat.corp-ai.example')).toBe('Guarded.');
    expect(state('chatgpt.com')).toBe('Guarded (Hush knows this site already).');
    expect(state('*.helpdesk.example')).toBe(
      'Not guarded yet: Hush has not been allowed to run on this site.',
    );
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe('Allow Hush on these 2 sites');
    act(() => button.click());
    expect(asked).toEqual([['*://llm.corp.example/*', '*://*.helpdesk.example/*']]);
  });

  it('says when every added site is guarded, and shows nothing without added sites', () => {
    const { root } = mount({ ...COVERAGE, hosts: COVERAGE.hosts.slice(0, 2) });
    expect(root.querySelector('[role=status]')?.textContent).toBe(
      'Hush guards every site your organisation added.',
    );
    expect(root.querySelector('button')).toBeNull();
    expect(mount({ ...COVERAGE, hosts: [] }).root.innerHTML).toBe('');
    expect(mount(null).root.innerHTML).toBe('');
  });
});
