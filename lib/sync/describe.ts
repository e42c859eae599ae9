/**
 * The sync status in words, for the popup and the options page: where the policy comes from and
 * which revision, when the last sync ran and how it went, whether this browser is enrolled, and
 * how the incident reports are getting to the backend.
 * Pure, so both pages show the same sentences and tests need no browser.
 */
import type { Source } from '@/lib/policy/layers.ts';
import type { EnrolReason } from './enrollment.ts';
import type { SyncReason } from './policy-sync.ts';
import type { SyncStatus } from './status.ts';
import type { UploadError, UploadStatusView } from './upload.ts';

/** Each failure reason in words (never with a body or value from the backend). */
export const SYNC_REASON_TEXT: Record<SyncReason, string> = {
  'not-configured': 'no backend is set up by IT',
  'not-enrolled': 'this browser is not enrolled yet',
  'no-signing-key': 'IT has not pinned a policy-signing key',
  'bad-key': 'the policy-signing key set by IT is not a usable public key',
  offline: 'the backend could not be reached',
  unauthorized: 'the backend no longer accepts this browser (enrolling again)',
  'no-policy': 'no policy has been published yet',
  'server-error': 'the backend had a problem',
  'bad-response': 'the backend sent something that is not a signed policy',
  unsigned: 'the policy was not signed with the pinned key',
  'bad-signature': 'the policy signature did not verify, so it was refused',
  'invalid-payload': 'the signed policy was malformed',
  'tenant-mismatch': 'the policy was for another company',
  rollback: 'the policy was older than the one in force',
  'invalid-policy': 'the policy did not pass validation',
};

export const ENROL_REASON_TEXT: Record<EnrolReason, string> = {
  'not-configured': 'no backend is set up by IT',
  unauthorized: 'the tenant id or enrollment token was refused',
  offline: 'the backend could not be reached',
  'server-error': 'the backend had a problem',
  'bad-response': 'the backend sent an unexpected answer',
};

export interface SyncSummary {
  /** "Set by IT and the company backend (revision 3)", "Built-in defaults"... */
  source: string;
  /** The synced revision in force; 0 when none. */
  revision: number;
  /** "Enrolled", "Not set up by IT", "Enrollment failed: ...". */
  enrolment: string;
  /** "Up to date (revision 4)", "New policy received (revision 4)", "Failed: ...", "Never". */
  lastResult: string;
  /** When the last sync ran (ms), or null. */
  lastAttemptAt: number | null;
  /** Whether the last sync failed (the pages mark it). */
  failed: boolean;
}

/**
 * Summarises the sync status. `sources` are the sources of the effective policy's fields
 * (PolicyState.fields), so "the company backend" is named only when a synced value applies.
 */
export function summariseSync(status: SyncStatus, sources: Iterable<Source>): SyncSummary {
  const used = new Set(sources);
  const parts: string[] = [];
  if (used.has('managed')) parts.push('IT');
  if (used.has('synced')) parts.push(`the company backend (revision ${status.policy.revision})`);
  if (used.has('local')) parts.push('your preferences');
  const source = parts.length
    ? `Set by ${parts.join(', ').replace(/, ([^,]*)$/, ' and $1')}; the rest built in`
    : 'Built-in defaults';

  const e = status.enrolment;
  const enrolment =
    e.state === 'enrolled'
      ? 'Enrolled with the company backend'
      : e.state === 'not-configured'
        ? 'Not set up by IT (no backend)'
        : e.state === 'pending'
          ? 'Not enrolled yet'
          : `Enrollment failed: ${e.reason ? ENROL_REASON_TEXT[e.reason] : 'unknown reason'}`;

  const p = status.policy;
  const lastResult =
    p.result === null
      ? 'Never'
      : p.result === 'updated'
        ? `New policy received (revision ${p.revision})`
        : p.result === 'not-modified'
          ? p.revision > 0
            ? `Up to date (revision ${p.revision})`
            : 'Up to date'
          : `Failed: ${p.reason ? SYNC_REASON_TEXT[p.reason] : 'unknown reason'}`;
  return {
    source,
    revision: p.revision,
    enrolment,
    lastResult,
    lastAttemptAt: p.lastAttemptAt,
    failed: p.result === 'failed',
  };
}

/** Each uploader failure in words (never a body from the backend). */
export const UPLOAD_ERROR_TEXT: Record<UploadError, string> = {
  offline: 'the backend could not be reached',
  'server-error': 'the backend had a problem',
  'rate-limited': 'the backend asked to wait',
  unauthorized: 'the backend no longer accepts this browser (enrolling again)',
  refused: 'the backend refused the reports',
};

export interface UploadSummary {
  /** "Sent", "Waiting to send: the backend could not be reached", "Nothing sent yet". */
  lastResult: string;
  /** When a report batch was last acknowledged (ms), or null. */
  lastSuccessAt: number | null;
  /** "Nothing waiting", "3 reports waiting". */
  pending: string;
  /** "12 reports dropped (the queue was full)" when any were; null otherwise. */
  dropped: string | null;
  /** Whether the last attempt failed (the pages mark it). */
  failed: boolean;
}

const reports = (n: number) => `${n} report${n === 1 ? '' : 's'}`;

/** The uploader's status in words for the popup (lib/sync/upload.ts loadUploadStatus). */
export function summariseUploads(view: UploadStatusView): UploadSummary {
  const failed = view.lastError !== null;
  const lastResult = failed
    ? `Failed: ${UPLOAD_ERROR_TEXT[view.lastError!]}`
    : view.lastSuccessAt !== null
      ? 'Sent'
      : view.pending > 0
        ? 'Not sent yet'
        : 'Nothing to send yet';
  return {
    lastResult,
    lastSuccessAt: view.lastSuccessAt,
    pending: view.pending === 0 ? 'Nothing waiting' : `${reports(view.pending)} waiting`,
    dropped:
      view.droppedTotal > 0 ? `${reports(view.droppedTotal)} dropped (the queue was full)` : null,
    failed,
  };
}
