import { describe, expect, it } from 'vitest';
import { summariseSync } from './describe.ts';
import type { SyncStatus } from './status.ts';

const base: SyncStatus = {
  enrolment: { state: 'enrolled', tenantId: 't', backendUrl: 'https://b.example', since: 0 },
  policy: {
    revision: 4,
    publishedAt: '2030-01-01T00:00:00.000Z',
    lastAttemptAt: 1000,
    lastSuccessAt: 1000,
    result: 'not-modified',
    reason: null,
  },
};

describe('summariseSync', () => {
  it('names the layers in force and the synced revision', () => {
    const s = summariseSync(base, ['managed', 'synced', 'default']);
    expect(s.source).toBe('Set by IT and the company backend (revision 4); the rest built in');
    expect(s.enrolment).toBe('Enrolled with the company backend');
    expect(s.lastResult).toBe('Up to date (revision 4)');
    expect(s.failed).toBe(false);
  });

  it('says built-in defaults when nothing else applies', () => {
    expect(summariseSync(base, ['default']).source).toBe('Built-in defaults');
  });

  it('names a failure by its reason, never more', () => {
    const s = summariseSync(
      { ...base, policy: { ...base.policy, result: 'failed', reason: 'bad-signature' } },
      ['synced'],
    );
    expect(s.lastResult).toBe('Failed: the policy signature did not verify, so it was refused');
    expect(s.failed).toBe(true);
  });

  it('describes each enrollment state', () => {
    const e = (enrolment: SyncStatus['enrolment']) =>
      summariseSync({ ...base, enrolment }, []).enrolment;
    expect(e({ state: 'not-configured' })).toBe('Not set up by IT (no backend)');
    expect(e({ state: 'pending' })).toBe('Not enrolled yet');
    expect(e({ state: 'failed', reason: 'unauthorized', at: 0, retryAt: 0 })).toBe(
      'Enrollment failed: the tenant id or enrollment token was refused',
    );
    const never = summariseSync({ ...base, policy: { ...base.policy, result: null } }, []);
    expect(never.lastResult).toBe('Never');
  });
});
