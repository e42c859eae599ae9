/** The toolbar popup: this site's class and what Hush did on the page (types and counts only). */
import { TYPE_INFO, type EntityType } from '@/rules/types.ts';
import { OUTCOMES, type Outcome } from '@/lib/guard/context.ts';
import type { PageClass } from '@/lib/guard/decide.ts';
import type { SyncSummary, UploadSummary } from '@/lib/sync/describe.ts';
import type { PopupState } from './state.ts';
import { SyncStatus } from './SyncStatus.tsx';
import type { FalseAlarmCounts } from '@/lib/incidents/false-alarms.ts';
import { FalseAlarms, type ReportFalseAlarm } from './FalseAlarms.tsx';
import { OUTCOME_LABEL } from './labels.ts';

const CLASS_LABEL: Record<PageClass, string> = {
  'unapproved-ai': 'Unapproved AI tool',
  'approved-ai': 'Approved AI tool',
  'support-tool': 'Support tool',
};

const CLASS_TEXT: Record<PageClass, string> = {
  'unapproved-ai': 'Customer data is masked before it can reach this AI tool.',
  'approved-ai': "Hush applies your company's rules for approved AI tools here.",
  'support-tool': "Hush applies your company's rules for support tools here.",
};

export function Popup({
  version,
  state,
  sync = null,
  uploads = null,
  falseAlarmCounts = null,
  onFalseAlarm = null,
}: {
  version: string;
  state: PopupState | null;
  /** The policy's source and the last sync; null until read. */
  sync?: SyncSummary | null;
  /** The incident uploader's status; null until read (or when the background cannot say). */
  uploads?: UploadSummary | null;
  /** The false-alarm queue's counts (issue 4); null until read. */
  falseAlarmCounts?: FalseAlarmCounts | null;
  /** Reports "this was not sensitive"; null where the popup cannot (no tab). */
  onFalseAlarm?: ReportFalseAlarm | null;
}) {
  const guarded = state !== null && state.pageClass !== null && !state.needsReload;
  return (
    <main class="popup">
      <h1>Hush</h1>
      {state === null ? <p role="status">Loading…</p> : <Site state={state} />}
      {guarded && onFalseAlarm ? (
        <FalseAlarms recent={state.recent} counts={falseAlarmCounts} onReport={onFalseAlarm} />
      ) : null}
      {sync ? <SyncStatus summary={sync} uploads={uploads} /> : null}
      <p class="version" data-testid="version">
        Version {version}
      </p>
    </main>
  );
}

function Site({ state }: { state: PopupState }) {
  const { pageClass } = state;
  const name = state.siteName ?? state.host;
  return (
    <>
      <section aria-labelledby="site-heading">
        <h2 id="site-heading" class="site">
          {name ?? 'This page'}
          {state.siteName && state.host ? <span class="host"> {state.host}</span> : null}
        </h2>
        <p class={`badge ${pageClass ?? 'none'}`} data-testid="page-class">
          {pageClass ? CLASS_LABEL[pageClass] : 'Not guarded'}
        </p>
        <p class="hint">
          {pageClass === null
            ? 'Hush does not check this page.'
            : state.needsReload
              ? 'Reload this page to turn Hush on here.'
              : CLASS_TEXT[pageClass]}
        </p>
      </section>
      {pageClass !== null && !state.needsReload ? <Summary state={state} /> : null}
    </>
  );
}

function Summary({ state }: { state: PopupState }) {
  const rows: { outcome: Outcome; type: EntityType; count: number }[] = [];
  for (const outcome of OUTCOMES) {
    const counts = state.outcomes[outcome];
    if (!counts) continue;
    const types = (Object.keys(counts) as EntityType[]).sort(
      (a, b) =>
        (counts[b] ?? 0) - (counts[a] ?? 0) || TYPE_INFO[a].label.localeCompare(TYPE_INFO[b].label),
    );
    for (const type of types) rows.push({ outcome, type, count: counts[type] ?? 0 });
  }
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">On this page</h2>
      {rows.length === 0 ? (
        <p data-testid="summary-empty">Nothing sensitive has been found on this page.</p>
      ) : (
        <table data-testid="summary">
          <caption class="visually-hidden">What Hush did on this page, by type of data</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Data</th>
              <th scope="col" class="num">
                Count
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.outcome}:${r.type}`}>
                <td>{OUTCOME_LABEL[r.outcome]}</td>
                <td>{TYPE_INFO[r.type].label}</td>
                <td class="num">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
