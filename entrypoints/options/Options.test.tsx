// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { effectivePolicy, LOCAL_FIELDS } from '@/lib/policy/layers.ts';
import { parseLayer } from '@/lib/policy/schema.ts';
import type { PolicyState } from '@/lib/policy/service.ts';
import { Options } from './Options.tsx';

function stateWith(managed: unknown, locked: string[], local?: unknown): PolicyState {
  const e = effectivePolicy({
    managed: { layer: parseLayer(managed), locked },
    ...(local ? { local: parseLayer(local) } : {}),
  });
  return {
    ...e,
    localFields: LOCAL_FIELDS,
    problems: {
      managed: [{ path: 'policy.telemetry', message: 'must be one of counts, counts-and-reasons' }],
      synced: [],
      local: [],
    },
    managedLive: true,
    managed: true,
    connection: { tenantId: 'acme' },
  };
}

function mount(state: PolicyState) {
  const root = document.createElement('div');
  document.body.append(root);
  const changes: [string, unknown][] = [];
  act(() => render(<Options state={state} onChange={(f, v) => changes.push([f, v])} />, root));
  return { root, changes };
}

describe('Options', () => {
  it('shows each field with its source, locks, and the managed problems', () => {
    const { root } = mount(
      stateWith({ rules: { 'unapproved-ai': { strategy: 'redact' } } }, ['rules.unapproved-ai']),
    );
    const row = root.querySelector('tr[data-field="rules.unapproved-ai.strategy"]')!;
    expect(row.getAttribute('data-source')).toBe('managed');
    expect(row.textContent).toContain('Set by IT');
    expect(row.textContent).toContain('Locked by IT');
    const select = row.querySelector('select')!;
    expect(select.disabled).toBe(true);
    expect(select.value).toBe('redact');
    const why = root.querySelector(`#${select.getAttribute('aria-describedby')}`)!;
    expect(why.textContent).toBe('Locked by IT.');
    expect(
      root.querySelector('tr[data-field="rules.unapproved-ai.otherwise"] [data-testid="lock"]'),
    ).not.toBeNull();
    expect(root.querySelector('tr[data-field="telemetry"]')!.textContent).toContain(
      'Built-in default',
    );
    expect(root.textContent).toContain('policy.telemetry');
    expect(root.textContent).toContain('tenant acme');
    // Every field has a row.
    expect(root.querySelectorAll('tr[data-field]').length).toBe(
      Object.keys(stateWith({}, []).fields).length,
    );
  });

  it('lets the agent change an unlocked preference and labels its control', () => {
    const { root, changes } = mount(stateWith({}, [], { reversibleMasking: false }));
    const row = root.querySelector('tr[data-field="reversibleMasking"]')!;
    expect(row.getAttribute('data-source')).toBe('local');
    const box = row.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(box.disabled).toBe(false);
    expect(root.querySelector(`label[for="${box.id}"]`)!.textContent).toBe(
      'Put masked values back into AI replies',
    );
    act(() => box.click());
    expect(changes).toEqual([['reversibleMasking', true]]);
  });
});
