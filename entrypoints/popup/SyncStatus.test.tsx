// @vitest-environment happy-dom
// The popup's sync section renders the uploader's status next to the policy sync's, and leaves
// it out where it is not known (the options page).
import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { summariseUploads, type SyncSummary } from '@/lib/sync/describe.ts';
import { SyncStatus } from './SyncStatus.tsx';

const SUMMARY: SyncSummary = {
  source: 'Built-in defaults',
  revision: 0,
  enrolment: 'Enrolled with the company backend',
  lastResult: 'Up to date',
  lastAttemptAt: null,
  failed: false,
};

afterEach(() => {
  document.body.innerHTML = '';
});

function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('SyncStatus', () => {
  it('shows the last upload error, what waits and what was dropped', () => {
    const uploads = summariseUploads({
      lastSuccessAt: null,
      lastAttemptAt: 1,
      lastError: 'offline',
      nextAttemptAt: 2,
      pending: 2,
      droppedTotal: 3,
    });
    const root = mount(<SyncStatus summary={SUMMARY} uploads={uploads} />);
    const status = root.querySelector('[data-testid="upload-status"]')!;
    expect(status.textContent).toBe('Failed: the backend could not be reached');
    expect(status.getAttribute('data-failed')).toBe('true');
    expect(root.querySelector('[data-testid="upload-pending"]')!.textContent).toBe(
      '2 reports waiting; 3 reports dropped (the queue was full)',
    );
  });

  it('names the last success', () => {
    const uploads = summariseUploads({
      lastSuccessAt: Date.UTC(2030, 0, 1),
      lastAttemptAt: Date.UTC(2030, 0, 1),
      lastError: null,
      nextAttemptAt: 0,
      pending: 0,
      droppedTotal: 0,
    });
    const root = mount(<SyncStatus summary={SUMMARY} uploads={uploads} />);
    expect(root.querySelector('[data-testid="upload-status"]')!.textContent).toMatch(
      /^Sent; last sent .+/,
    );
    expect(root.querySelector('[data-testid="upload-pending"]')!.textContent).toBe(
      'Nothing waiting',
    );
  });

  it('leaves the reports out when they are not known', () => {
    const root = mount(<SyncStatus summary={SUMMARY} />);
    expect(root.querySelector('[data-testid="upload-status"]')).toBeNull();
    expect(root.querySelector('[data-testid="last-sync"]')!.textContent).toBe('Up to date');
  });
});
