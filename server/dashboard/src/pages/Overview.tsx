/**
 * Overview (issue 6): incidents over time by day or week, by type, level, site, action and
 * outcome, each against the previous period of the same length; the top unapproved AI tools; and
 * the share of recorded decisions that needed no intervention. Figures come from the summary API
 * (server/routes/summary.ts, rollups with k-anonymity) and, for the tools, from
 * /api/v1/dashboard/unapproved-tools. A manager's figures cover only their teams.
 */
import { api, qs, type User } from '../api.ts';
import { HBarChart, SeriesChart } from '../components/Charts.tsx';
import { Figure, PeriodForm, Status, useLoad } from '../components/common.tsx';
import { Table, type Column } from '../components/Table.tsx';
import { defaultPeriod, fmtChange, fmtInt, fmtPct } from '../format.ts';

interface Row {
  key: string;
  incidents: number;
  items: number;
  previous: number | null;
}
interface OverviewData {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  bucket: 'day' | 'week';
  k: number;
  teams: string[] | null;
  suppressed: boolean;
  previousSuppressed: boolean;
  total: { incidents: number; items: number } | null;
  previousTotal: { incidents: number; items: number } | null;
  series: { start: string; incidents: number; items: number; previous: number | null }[];
  breakdown: Record<'type' | 'level' | 'site' | 'action' | 'outcome', Row[]>;
  rolledUpThrough: string | null;
}
interface ToolsData {
  suppressed: boolean;
  k: number;
  tools: { key: string; incidents: number; users: number | null }[];
}

/** Outcomes in which the guard did not step in: the agent's text went as typed. */
export const NO_INTERVENTION = ['allowed', 'monitored'];

const DIMENSIONS = [
  ['type', 'By data type'],
  ['level', 'By level'],
  ['site', 'By site'],
  ['action', 'By action (what policy asked)'],
  ['outcome', 'By outcome (what happened)'],
] as const;

const breakdownColumns: Column<Row>[] = [
  { label: 'Value', value: (r) => r.key },
  {
    label: 'Incidents',
    value: (r) => r.incidents,
    numeric: true,
    render: (r) => fmtInt(r.incidents),
  },
  { label: 'Items found', value: (r) => r.items, numeric: true, render: (r) => fmtInt(r.items) },
  { label: 'Previous period', value: (r) => r.previous, numeric: true },
  { label: 'Change', value: (r) => fmtChange(r.incidents, r.previous) },
];

export function Overview({ user, query }: { user: User; query: URLSearchParams }) {
  const def = defaultPeriod();
  const from = query.get('from') ?? def.from;
  const to = query.get('to') ?? def.to;
  const bucket = query.get('bucket') === 'week' ? 'week' : 'day';
  const key = `${from}|${to}|${bucket}`;
  const [res] = useLoad(
    () =>
      Promise.all([
        api<OverviewData>(`/api/v1/summary/overview${qs({ from, to, bucket })}`),
        api<ToolsData>(`/api/v1/dashboard/unapproved-tools${qs({ from, to })}`),
      ]),
    key,
  );
  return (
    <section>
      <h1>Overview</h1>
      <p class="lede">
        {user.role === 'manager'
          ? `Your teams: ${user.teams.join(', ') || '(none assigned)'}.`
          : 'The whole tenant.'}{' '}
        Incidents are decisions of the in-page guard on sensitive data; the previous period is the
        same number of days just before.
      </p>
      <PeriodForm path="/" from={from} to={to} bucket={bucket} />
      <Status res={res} />
      {res.state === 'ok' && <Body o={res.data[0]} tools={res.data[1]} />}
    </section>
  );
}

function Body({ o, tools }: { o: OverviewData; tools: ToolsData }) {
  if (o.suppressed || !o.total) {
    return (
      <p role="status" class="notice">
        Figures withheld: your teams had fewer than {o.k} people with incidents in this period, so
        showing them could single someone out.
      </p>
    );
  }
  const outcomes = o.breakdown.outcome;
  const quiet = outcomes
    .filter((r) => NO_INTERVENTION.includes(r.key))
    .reduce((s, r) => s + r.incidents, 0);
  const share = o.total.incidents ? quiet / o.total.incidents : null;
  return (
    <>
      <div class="figures">
        <Figure
          testId="incidents"
          label="Incidents"
          value={fmtInt(o.total.incidents)}
          note={`previous period: ${o.previousTotal ? fmtInt(o.previousTotal.incidents) : 'withheld'} (${fmtChange(o.total.incidents, o.previousTotal?.incidents ?? null)})`}
        />
        <Figure testId="items" label="Items found" value={fmtInt(o.total.items)} />
        <Figure
          testId="no-intervention"
          label="Needed no intervention"
          value={share === null ? '–' : fmtPct(share)}
          note="of recorded decisions: allowed or only monitored"
        />
        <Figure
          testId="unapproved"
          label="Unapproved AI tools"
          value={tools.suppressed ? 'withheld' : fmtInt(tools.tools.length)}
          note="with incidents in the period"
        />
      </div>
      {o.previousSuppressed && (
        <p role="status" class="notice">
          The previous period is withheld (fewer than {o.k} people then).
        </p>
      )}
      <h2>Incidents by {o.bucket}</h2>
      <SeriesChart
        label={`Incidents by ${o.bucket} from ${o.period.from} to ${o.period.to}, with the previous period`}
        bars={o.series.map((s) => ({ label: s.start, value: s.incidents, previous: s.previous }))}
      />
      <Table
        caption={`Incidents by ${o.bucket}`}
        csvName={`hush-incidents-by-${o.bucket}-${o.period.from}-${o.period.to}`}
        rows={o.series}
        columns={[
          { label: o.bucket === 'day' ? 'Day' : 'Week from', value: (s) => s.start },
          { label: 'Incidents', value: (s) => s.incidents, numeric: true },
          { label: 'Items found', value: (s) => s.items, numeric: true },
          { label: 'Previous period', value: (s) => s.previous, numeric: true },
        ]}
      />
      <h2>Top unapproved AI tools</h2>
      {tools.suppressed ? (
        <p class="notice">Withheld (fewer than {tools.k} people).</p>
      ) : (
        <Table
          caption="Unapproved AI tools by incidents"
          csvName={`hush-unapproved-tools-${o.period.from}-${o.period.to}`}
          rows={tools.tools}
          empty="No incidents on unapproved AI tools in this period."
          columns={[
            { label: 'Tool', value: (t) => t.key },
            { label: 'Incidents', value: (t) => t.incidents, numeric: true },
            {
              label: 'People',
              value: (t) => t.users,
              numeric: true,
              render: (t) => (t.users === null ? `fewer than ${tools.k}` : fmtInt(t.users)),
            },
          ]}
        />
      )}
      <div class="breakdowns">
        {DIMENSIONS.map(([dim, title]) => (
          <div class="breakdown" data-dim={dim}>
            <h2>{title}</h2>
            <HBarChart
              label={`${title}, incidents this period against the previous period`}
              bars={o.breakdown[dim].slice(0, 8).map((r) => ({
                label: r.key,
                value: r.incidents,
                previous: r.previous,
              }))}
            />
            <Table
              caption={`Incidents ${title.toLowerCase()}`}
              csvName={`hush-by-${dim}-${o.period.from}-${o.period.to}`}
              rows={o.breakdown[dim]}
              columns={breakdownColumns}
            />
          </div>
        ))}
      </div>
      <p class="help">
        Figures are as of {o.rolledUpThrough ?? 'never'} (daily rollups, refreshed every minute). k
        = {o.k}.
      </p>
    </>
  );
}
