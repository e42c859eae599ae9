/**
 * Audit log (issue 6) on the audit API (server/routes/audit.ts): the verdict of walking the
 * tenant's hash chain, then the entries newest first, 100 at a time. Admins and auditors.
 */
import { useState } from 'preact/hooks';
import { api, qs, type User } from '../api.ts';
import { Status, useLoad } from '../components/common.tsx';
import { Table } from '../components/Table.tsx';
import { fmtTime } from '../format.ts';

interface Entry {
  seq: number;
  time: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
interface Verdict {
  ok: boolean;
  entries: number;
  headHash?: string;
  brokenSeq?: number;
  problem?: string;
}

const PAGE = 100;

export function Audit(_: { user: User; query: URLSearchParams }) {
  const [before, setBefore] = useState<number[]>([]);
  const cursor = before.at(-1);
  const [verdict] = useLoad(() => api<Verdict>('/api/v1/audit/verify'), 'verify');
  const [res] = useLoad(
    () => api<{ entries: Entry[] }>(`/api/v1/audit${qs({ limit: PAGE, before: cursor })}`),
    String(cursor),
  );
  return (
    <section>
      <h1>Audit log</h1>
      <Status res={verdict} />
      {verdict.state === 'ok' &&
        (verdict.data.ok ? (
          <p role="status" class="verify good" data-verify="ok">
            Chain verified: {verdict.data.entries} entries, each linked to the one before
            {verdict.data.headHash ? (
              <>
                {' '}
                (head <code>{verdict.data.headHash.slice(0, 16)}</code>)
              </>
            ) : null}
            .
          </p>
        ) : (
          <p role="alert" class="verify bad" data-verify="broken">
            Chain BROKEN at entry {verdict.data.brokenSeq}: {verdict.data.problem}
          </p>
        ))}
      <Status res={res} />
      {res.state === 'ok' && (
        <>
          <Table
            caption={cursor ? `Audit entries before ${cursor}` : 'Audit entries, newest first'}
            csvName={`hush-audit${cursor ? `-before-${cursor}` : ''}`}
            rows={res.data.entries}
            columns={[
              { label: 'Seq', value: (e) => e.seq, numeric: true },
              { label: 'Time', value: (e) => e.time, render: (e) => fmtTime(e.time) },
              { label: 'Actor', value: (e) => e.actor },
              { label: 'Action', value: (e) => e.action },
              { label: 'Target', value: (e) => e.target },
              {
                label: 'Details',
                value: (e) => JSON.stringify(e.details),
                render: (e) => <code class="details">{JSON.stringify(e.details)}</code>,
              },
              {
                label: 'Hash',
                value: (e) => e.hash,
                render: (e) => <code>{e.hash.slice(0, 12)}</code>,
              },
            ]}
          />
          <div class="pager">
            {before.length > 0 && (
              <button
                type="button"
                class="secondary"
                onClick={() => setBefore(before.slice(0, -1))}
              >
                Newer entries
              </button>
            )}
            {res.data.entries.length === PAGE && (
              <button
                type="button"
                class="secondary"
                onClick={() => setBefore([...before, res.data.entries.at(-1)!.seq])}
              >
                Older entries
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
