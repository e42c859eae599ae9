/**
 * What the sync client did, in one shape for the popup, the options page and the incident
 * uploader. Read from storage.local (extension pages may read it directly); holds no secret: no
 * credential, no pseudonym key, no enrollment token.
 */
import {
  KEYS as ENROL_KEYS,
  readEnrolmentRecord,
  readEnrolStatus,
  type EnrolReason,
} from './enrollment.ts';
import type { LocalArea } from './http.ts';
import { readSyncRecord, SYNC_KEY, type SyncReason } from './policy-sync.ts';

export interface SyncStatus {
  enrolment:
    | { state: 'enrolled'; tenantId: string; backendUrl: string; since: number }
    | { state: 'not-configured' }
    | { state: 'pending' }
    | { state: 'failed'; reason: EnrolReason | null; at: number; retryAt: number };
  policy: {
    /** The revision of the synced policy in force; 0 when none (built-in and managed only). */
    revision: number;
    publishedAt: string | null;
    lastAttemptAt: number | null;
    lastSuccessAt: number | null;
    result: 'updated' | 'not-modified' | 'failed' | null;
    /** Why the last attempt failed; null after a success. */
    reason: SyncReason | null;
  };
}

/** The sync status as stored now. */
export async function loadSyncStatus(local: Pick<LocalArea, 'get'>): Promise<SyncStatus> {
  const items = await local.get([ENROL_KEYS.enrolment, ENROL_KEYS.status, SYNC_KEY]);
  const record = readEnrolmentRecord(items[ENROL_KEYS.enrolment]);
  const status = readEnrolStatus(items[ENROL_KEYS.status]);
  const sync = readSyncRecord(items[SYNC_KEY]);
  const enrolment: SyncStatus['enrolment'] = record
    ? {
        state: 'enrolled',
        tenantId: record.tenantId,
        backendUrl: record.backendUrl,
        since: record.enrolledAt,
      }
    : status?.state === 'not-configured'
      ? { state: 'not-configured' }
      : status?.state === 'failed'
        ? {
            state: 'failed',
            reason: status.reason ?? null,
            at: status.at,
            retryAt: status.retryAt,
          }
        : { state: 'pending' };
  return {
    enrolment,
    policy: {
      revision: sync.accepted?.revision ?? 0,
      publishedAt: sync.accepted?.publishedAt ?? null,
      lastAttemptAt: sync.lastAttemptAt,
      lastSuccessAt: sync.lastSuccessAt,
      result: sync.result,
      reason: sync.reason,
    },
  };
}
