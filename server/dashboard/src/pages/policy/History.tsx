/**
 * Published revisions, newest first (a table with CSV), and for any earlier revision: its changes
 * against the newest one, and (admins) rolling back to it, which publishes its document again as
 * a new revision.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { Status, useLoad } from '../../components/common.tsx';
import { Table } from '../../components/Table.tsx';
import { fmtTime } from '../../format.ts';
import { Confirm } from './Confirm.tsx';
import { DiffView } from './DiffView.tsx';
import { formatDoc } from './model.ts';

export interface Revision {
  revision: number;
  publishedAt: string;
  publishedBy: string | null;
  rollbackOf: number | null;
}

/** "in force", "rollback to 2", or both. */
function note(r: Revision, newest: number | undefined): string {
  return [
    r.revision === newest ? 'in force' : '',
    r.rollbackOf !== null ? `rollback to ${r.rollbackOf}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export function History({
  revisions,
  newestText,
  who,
  admin,
  busy,
  onRollback,
}: {
  revisions: Revision[];
  newestText: string | null;
  who: (actor: string | null) => string;
  admin: boolean;
  busy: boolean;
  onRollback: (revision: number) => Promise<void>;
}) {
  const older = revisions.slice(1);
  const [chosen, setChosen] = useState<number | null>(older[0]?.revision ?? null);
  const [confirming, setConfirming] = useState(false);
  const [doc] = useLoad(
    () =>
      chosen === null
        ? Promise.resolve(null)
        : api<{ document: unknown }>(`/api/v1/policies/${chosen}`),
    String(chosen),
  );
  const newest = revisions[0]?.revision;
  return (
    <div class="policy-history">
      <Table<Revision>
        caption="Published revisions, newest first"
        csvName="hush-policy-revisions"
        empty="No policy has been published yet."
        rows={revisions}
        columns={[
          { label: 'Revision', value: (r) => r.revision, numeric: true },
          {
            label: 'Published',
            value: (r) => r.publishedAt,
            render: (r) => fmtTime(r.publishedAt),
          },
          { label: 'By', value: (r) => r.publishedBy, render: (r) => who(r.publishedBy) },
          {
            label: 'Note',
            value: (r) => note(r, newest),
            render: (r) => (
              <>
                {r.revision === newest && <strong>in force</strong>}
                {r.revision === newest && r.rollbackOf !== null && '; '}
                {r.rollbackOf !== null && `rollback to ${r.rollbackOf}`}
              </>
            ),
          },
        ]}
      />
      {older.length > 0 && chosen !== null && (
        <section class="history-compare" aria-labelledby="history-compare-title">
          <h2 id="history-compare-title">An earlier revision</h2>
          <div class="history-tools">
            <label for="history-rev">Revision</label>
            <select
              id="history-rev"
              value={String(chosen)}
              onChange={(e) => setChosen(Number(e.currentTarget.value))}
            >
              {older.map((r) => (
                <option key={r.revision} value={String(r.revision)}>
                  {r.revision} ({fmtTime(r.publishedAt)})
                </option>
              ))}
            </select>
            {admin && (
              <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
                Roll back to revision {chosen}…
              </button>
            )}
          </div>
          <Status res={doc} />
          {doc.state === 'ok' && doc.data && newestText !== null && (
            <>
              <p class="help">
                What rolling back would change: revision {newest} (in force) against revision{' '}
                {chosen}.
              </p>
              <DiffView
                before={newestText}
                after={formatDoc(doc.data.document)}
                label={`Revision ${newest} against revision ${chosen}`}
              />
            </>
          )}
          {confirming && (
            <Confirm
              title={`Roll back to revision ${chosen}?`}
              confirm={`Publish revision ${chosen}'s policy`}
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                void onRollback(chosen);
              }}
            >
              <p>
                Revision {chosen}’s policy is published again as revision {(newest ?? 0) + 1}.
                Browsers pick it up at their next policy check. A draft, if any, stays as it is.
              </p>
            </Confirm>
          )}
        </section>
      )}
    </div>
  );
}
