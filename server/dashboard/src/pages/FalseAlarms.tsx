/**
 * False alarms (issue 6): what agents marked "This was not sensitive", by detector, by site and by
 * day, each against the previous period of the same length, and per data type against the
 * incidents holding that type, so an admin sees which detector or site to tune in the policy.
 * From /api/v1/false-alarm-summary (server/routes/false-alarm-summary.ts). Admins and auditors:
 * reports carry no team, so a manager's team scope cannot apply to them.
 */
import { api, qs, type User } from '../api.ts';
import { HBarChart, SeriesChart } from '../components/Charts.tsx';
import { Figure, PeriodForm, Status, useLoad } from '../components/common.tsx';
import { Table } from '../components/Table.tsx';
import { defaultPeriod, fmtChange, fmtInt, fmtPct, fmtTime } from '../format.ts';
import { BASE, onLinkClick } from '../router.ts';

interface Counts {
  reports: number;
  previous: number;
  devices: number;
}
interface DetectorRow extends Counts {
  detector: string;
  source: 'built-in' | 'custom' | 'unknown';
  description: string | null;
  types: string[];
  disabled: boolean;
  sites: number;
}
interface SiteRow extends Counts {
  host: string;
  siteId: string | null;
  siteName: string | null;
  topDetectors: { detector: string; reports: number }[];
}
interface TypeRow {
  type: string;
  label: string;
  reports: number;
  incidents: number;
  share: number | null;
}
interface Summary {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  total: number;
  previousTotal: number;
  devices: number;
  series: { day: string; reports: number; previous: number }[];
  detectors: DetectorRow[];
  sites: SiteRow[];
  types: TypeRow[];
  policyRevision: number | null;
  rolledUpThrough: string | null;
}

const SOURCE = {
  'built-in': 'built-in',
  custom: 'custom (policy)',
  unknown: 'unknown to the server',
} as const;

export function FalseAlarms({ query }: { user: User; query: URLSearchParams }) {
  const def = defaultPeriod();
  const from = query.get('from') ?? def.from;
  const to = query.get('to') ?? def.to;
  const [res] = useLoad(
    () => api<Summary>(`/api/v1/false-alarm-summary${qs({ from, to })}`),
    `${from}|${to}`,
  );
  return (
    <section>
      <h1>False alarms</h1>
      <p class="lede">
        What agents marked “This was not sensitive” in the extension. A report holds the detector,
        the site and the minute: never the text, never who sent it.
      </p>
      <PeriodForm path="/false-alarms" from={from} to={to} />
      <Status res={res} />
      {res.state === 'ok' && <Body s={res.data} />}
    </section>
  );
}

function Body({ s }: { s: Summary }) {
  const top = s.detectors.find((d) => d.reports > 0);
  return (
    <>
      <div class="figures">
        <Figure
          testId="reports"
          label="Reports"
          value={fmtInt(s.total)}
          note={`previous period: ${fmtInt(s.previousTotal)} (${fmtChange(s.total, s.previousTotal)})`}
        />
        <Figure testId="devices" label="Devices reporting" value={fmtInt(s.devices)} />
        <Figure
          testId="detectors"
          label="Detectors reported"
          value={fmtInt(s.detectors.filter((d) => d.reports > 0).length)}
        />
        <Figure
          testId="sites"
          label="Sites"
          value={fmtInt(s.sites.filter((x) => x.reports > 0).length)}
        />
      </div>
      <p class="notice" data-hint="policy">
        To tune:{' '}
        {top
          ? `${top.detector} has the most reports (${fmtInt(top.reports)}). `
          : 'no reports in this period. '}
        On the{' '}
        <a href={`${BASE}/policy`} onClick={(e) => onLinkClick(e, '/policy')}>
          Policy page
        </a>{' '}
        a detector can be turned off or given a lower level, and a site excluded; a custom
        detector's pattern can be narrowed. Many reports from one device say more about that agent
        than about the detector.
      </p>
      <h2>Reports by day</h2>
      <SeriesChart
        label={`False-alarm reports by day from ${s.period.from} to ${s.period.to}, with the previous period`}
        bars={s.series.map((d) => ({ label: d.day, value: d.reports, previous: d.previous }))}
      />
      <div class="breakdowns">
        <div class="breakdown">
          <h2>By detector</h2>
          <HBarChart
            label="False-alarm reports by detector, this period against the previous period"
            bars={s.detectors.slice(0, 8).map((d) => ({
              label: d.detector,
              value: d.reports,
              previous: d.previous,
            }))}
          />
        </div>
        <div class="breakdown">
          <h2>By site</h2>
          <HBarChart
            label="False-alarm reports by site, this period against the previous period"
            bars={s.sites.slice(0, 8).map((x) => ({
              label: x.host,
              value: x.reports,
              previous: x.previous,
            }))}
          />
        </div>
      </div>
      <Table
        caption="False alarms by detector"
        csvName={`hush-false-alarms-by-detector-${s.period.from}-${s.period.to}`}
        rows={s.detectors}
        empty="No false alarms reported in this period."
        columns={[
          { label: 'Detector', value: (d) => d.detector, render: (d) => <code>{d.detector}</code> },
          {
            label: 'Source',
            value: (d) => (d.disabled ? `${SOURCE[d.source]}; off in policy` : SOURCE[d.source]),
          },
          { label: 'Data types', value: (d) => d.types.join('; ') },
          { label: 'Reports', value: (d) => d.reports, numeric: true },
          { label: 'Previous period', value: (d) => d.previous, numeric: true },
          { label: 'Change', value: (d) => fmtChange(d.reports, d.previous) },
          { label: 'Devices', value: (d) => d.devices, numeric: true },
          { label: 'Sites', value: (d) => d.sites, numeric: true },
          { label: 'What it finds', value: (d) => d.description ?? '' },
        ]}
      />
      <Table
        caption="False alarms by site"
        csvName={`hush-false-alarms-by-site-${s.period.from}-${s.period.to}`}
        rows={s.sites}
        empty="No false alarms reported in this period."
        columns={[
          { label: 'Host', value: (x) => x.host },
          { label: 'Site', value: (x) => x.siteName ?? '' },
          { label: 'Reports', value: (x) => x.reports, numeric: true },
          { label: 'Previous period', value: (x) => x.previous, numeric: true },
          { label: 'Change', value: (x) => fmtChange(x.reports, x.previous) },
          { label: 'Devices', value: (x) => x.devices, numeric: true },
          {
            label: 'Most reported detectors',
            value: (x) => x.topDetectors.map((d) => `${d.detector} (${d.reports})`).join('; '),
          },
        ]}
      />
      <h2>By data type, against incidents</h2>
      <p class="help">
        Incidents record data types, not detectors, so each report counts under every type its
        detector can find. The share is reports per incident that held the type in the period.
      </p>
      <Table
        caption="False alarms by data type"
        csvName={`hush-false-alarms-by-type-${s.period.from}-${s.period.to}`}
        rows={s.types}
        empty="No false alarms reported in this period."
        columns={[
          { label: 'Type', value: (r) => r.type },
          { label: 'Name', value: (r) => r.label },
          { label: 'Reports', value: (r) => r.reports, numeric: true },
          { label: 'Incidents with the type', value: (r) => r.incidents, numeric: true },
          {
            label: 'Reports per incident',
            value: (r) => r.share,
            numeric: true,
            render: (r) => (r.share === null ? 'no incidents' : fmtPct(r.share)),
          },
        ]}
      />
      <h2>Every day</h2>
      <Table
        caption="False alarms by day"
        csvName={`hush-false-alarms-by-day-${s.period.from}-${s.period.to}`}
        rows={s.series}
        columns={[
          { label: 'Day', value: (d) => d.day },
          { label: 'Reports', value: (d) => d.reports, numeric: true },
          { label: 'Previous period', value: (d) => d.previous, numeric: true },
        ]}
      />
      <p class="help">
        Custom and turned-off detectors as in policy revision {s.policyRevision ?? 'none'}; incident
        counts as of {fmtTime(s.rolledUpThrough) || 'never'} (daily rollups).
      </p>
    </>
  );
}
