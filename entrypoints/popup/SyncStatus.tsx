/**
 * Where the policy comes from and how the last sync with the company backend went (lib/sync), and
 * how the incident reports are getting there. Shown by the popup and the options page.
 */
import type { SyncSummary, UploadSummary } from '@/lib/sync/describe.ts';

function when(ms: number | null): string {
  if (ms === null) return '';
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

export function SyncStatus({
  summary,
  uploads = null,
}: {
  summary: SyncSummary;
  /** The incident uploader's status; null where it is not known (the options page). */
  uploads?: UploadSummary | null;
}) {
  return (
    <section aria-labelledby="sync-heading" data-testid="sync-status">
      <h2 id="sync-heading">Policy</h2>
      <dl class="sync">
        <dt>Source</dt>
        <dd data-testid="policy-source">{summary.source}</dd>
        <dt>Backend</dt>
        <dd data-testid="enrolment">{summary.enrolment}</dd>
        <dt>Last sync</dt>
        <dd data-testid="last-sync" data-failed={summary.failed ? 'true' : 'false'}>
          {summary.lastResult}
          {summary.lastAttemptAt !== null ? ` (${when(summary.lastAttemptAt)})` : ''}
        </dd>
        {uploads ? <Uploads uploads={uploads} /> : null}
      </dl>
    </section>
  );
}

function Uploads({ uploads }: { uploads: UploadSummary }) {
  return (
    <>
      <dt>Reports</dt>
      <dd data-testid="upload-status" data-failed={uploads.failed ? 'true' : 'false'}>
        {uploads.lastResult}
        {uploads.lastSuccessAt !== null ? `; last sent ${when(uploads.lastSuccessAt)}` : ''}
      </dd>
      <dt>Waiting</dt>
      <dd data-testid="upload-pending">
        {uploads.pending}
        {uploads.dropped ? `; ${uploads.dropped}` : ''}
      </dd>
    </>
  );
}
