/**
 * Shadow AI (issue 6): every AI tool the browsers saw in a period, from the extension's visit
 * counts and from incidents on AI pages: whether the published policy approves it (and what the
 * draft would make of it), the vendor facts, how many people used it (only from k: "fewer than
 * k" otherwise), visits and incidents, and visits over time. Admins approve or block a tool here;
 * that changes the policy DRAFT only, which is reviewed and published on the Policy page.
 * Figures come from /api/v1/shadow-ai/tools (server/routes/shadow-ai.ts); a manager's cover only
 * their teams, and are withheld when those teams had fewer than k people.
 */
import { useState } from 'preact/hooks';
import { api, ApiError, qs, type User } from '../api.ts';
import { SeriesChart } from '../components/Charts.tsx';
import { Figure, PeriodForm, Status, useLoad } from '../components/common.tsx';
import { Table } from '../components/Table.tsx';
import { defaultPeriod, fmtInt } from '../format.ts';
import { BASE, onLinkClick } from '../router.ts';
import './shadow-ai.css';

type ToolStatus = 'approved' | 'partly-approved' | 'unapproved' | 'excluded';

interface Tool {
  key: string;
  siteId: string | null;
  name: string;
  vendor: string | null;
  hosts: string[];
  status: ToolStatus;
  draftStatus: ToolStatus | null;
  facts: { zeroDataRetention: boolean | null; dataResidency: string[] | null };
  users: number | null;
  visits: number;
  incidents: number;
  series: { start: string; visits: number; incidents: number }[];
}

interface ToolsData {
  period: { from: string; to: string };
  bucket: 'day' | 'week';
  k: number;
  teams: string[] | null;
  suppressed: boolean;
  policy: {
    revision: number | null;
    draft: { basedOn: number | null; updatedAt: string } | null;
  };
  buckets: string[];
  tools: Tool[];
}

interface DecisionAnswer {
  key: string;
  decision: 'approve' | 'block';
  changed: boolean;
  draftStatus: ToolStatus;
}

/** What the last decision came to, shown above the figures. */
interface Message {
  kind: 'done' | 'error';
  text: string;
}

const STATUS_TEXT: Record<ToolStatus, string> = {
  approved: 'Approved',
  'partly-approved': 'Partly approved',
  unapproved: 'Not approved',
  excluded: 'Excluded',
};

/** The approval badge: text first (colour only repeats it). */
function Badge({ status, draft }: { status: ToolStatus; draft?: boolean }) {
  return (
    <span class={`badge badge-${status}${draft ? ' badge-draft' : ''}`}>
      {draft ? `Draft: ${STATUS_TEXT[status].toLowerCase()}` : STATUS_TEXT[status]}
    </span>
  );
}

const yesNo = (x: boolean | null) => (x === null ? '' : x ? 'yes' : 'no');

export function ShadowAi({ user, query }: { user: User; query: URLSearchParams }) {
  const def = defaultPeriod();
  const from = query.get('from') ?? def.from;
  const to = query.get('to') ?? def.to;
  const bucket = query.get('bucket') === 'week' ? 'week' : 'day';
  const [res, reload] = useLoad(
    () => api<ToolsData>(`/api/v1/shadow-ai/tools${qs({ from, to, bucket })}`),
    `${from}|${to}|${bucket}`,
  );
  // Kept here, not in Body: a decision reloads the figures, and Body is replaced while loading.
  const [message, setMessage] = useState<Message | null>(null);
  const [chartKey, setChartKey] = useState('');
  return (
    <section>
      <h1>Shadow AI</h1>
      <p class="lede">
        {user.role === 'manager'
          ? `Your teams: ${user.teams.join(', ') || '(none assigned)'}.`
          : 'The whole tenant.'}{' '}
        Every AI tool the browsers opened (visits) or where the guard acted (incidents), whether the
        published policy approves it, and what is known about the vendor.
      </p>
      <PeriodForm path="/shadow-ai" from={from} to={to} bucket={bucket} />
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          class={message.kind === 'error' ? 'error' : 'notice'}
          data-testid="decision-message"
        >
          {message.text}{' '}
          {message.kind === 'done' && (
            <a href={`${BASE}/policy`} onClick={(e) => onLinkClick(e, '/policy')}>
              Go to the Policy page
            </a>
          )}
        </p>
      )}
      <Status res={res} />
      {res.state === 'ok' && (
        <Body
          d={res.data}
          admin={user.role === 'admin'}
          reload={reload}
          setMessage={setMessage}
          chartKey={chartKey}
          setChartKey={setChartKey}
        />
      )}
    </section>
  );
}

interface BodyProps {
  d: ToolsData;
  admin: boolean;
  reload: () => void;
  setMessage: (m: Message | null) => void;
  chartKey: string;
  setChartKey: (key: string) => void;
}

function Body({ d, admin, reload, setMessage, chartKey, setChartKey }: BodyProps) {
  const [busy, setBusy] = useState<string | null>(null);
  if (d.suppressed) {
    return (
      <p role="status" class="notice">
        Figures withheld: your teams had fewer than {d.k} people using AI tools in this period, so
        showing them could single someone out.
      </p>
    );
  }
  const people = (t: Tool) => (t.users === null ? `fewer than ${d.k}` : fmtInt(t.users));
  const decide = async (t: Tool, decision: 'approve' | 'block') => {
    setBusy(`${t.key}:${decision}`);
    setMessage(null);
    try {
      const a = await api<DecisionAnswer>(
        `/api/v1/shadow-ai/tools/${encodeURIComponent(t.key)}/decision`,
        { method: 'POST', body: { decision } },
      );
      const verb = decision === 'approve' ? 'Approve' : 'Block';
      setMessage({
        kind: 'done',
        text: a.changed
          ? `${verb} ${t.name}: drafted — review and publish on the Policy page.`
          : `${t.name} is already ${a.draftStatus === 'approved' ? 'approved' : 'not approved'} in the draft; nothing changed.`,
      });
      reload();
    } catch (e) {
      setMessage({
        kind: 'error',
        text: e instanceof ApiError ? e.message : String(e),
      });
    } finally {
      setBusy(null);
    }
  };
  const chosen = d.tools.find((t) => t.key === chartKey) ?? null;
  const series = d.buckets.map((start, i) => {
    const of = (t: Tool) => t.series[i] ?? { visits: 0, incidents: 0 };
    const tools = chosen ? [chosen] : d.tools;
    return {
      start,
      visits: tools.reduce((s, t) => s + of(t).visits, 0),
      incidents: tools.reduce((s, t) => s + of(t).incidents, 0),
    };
  });
  const subject = chosen ? chosen.name : 'all AI tools';
  const unapproved = d.tools.filter((t) => t.status !== 'approved' && t.status !== 'excluded');
  return (
    <>
      <div class="figures">
        <Figure testId="tools" label="AI tools seen" value={fmtInt(d.tools.length)} />
        <Figure
          testId="unapproved"
          label="Not approved"
          value={fmtInt(unapproved.length)}
          note="under the published policy"
        />
        <Figure
          testId="visits"
          label="Visits"
          value={fmtInt(d.tools.reduce((s, t) => s + t.visits, 0))}
          note="page loads of AI tools"
        />
        <Figure
          testId="incidents"
          label="Incidents on AI tools"
          value={fmtInt(d.tools.reduce((s, t) => s + t.incidents, 0))}
        />
      </div>
      <p class="help" data-testid="policy-state">
        Published policy:{' '}
        {d.policy.revision === null
          ? 'none yet (built-in defaults)'
          : `revision ${d.policy.revision}`}
        .{' '}
        {d.policy.draft ? (
          <>
            A draft is waiting (based on{' '}
            {d.policy.draft.basedOn === null ? 'no revision' : `revision ${d.policy.draft.basedOn}`}
            ):{' '}
            <a href={`${BASE}/policy`} onClick={(e) => onLinkClick(e, '/policy')}>
              review and publish it on the Policy page
            </a>
            .
          </>
        ) : (
          'No draft.'
        )}
      </p>
      <Table
        caption={`AI tools seen from ${d.period.from} to ${d.period.to}`}
        csvName={`hush-shadow-ai-${d.period.from}-${d.period.to}`}
        rows={d.tools}
        empty="No AI tool was seen in this period."
        columns={[
          {
            label: 'Tool',
            value: (t) => t.key,
            render: (t) => (
              <>
                <strong>{t.name}</strong>
                <div class="hosts">{t.hosts.join(', ')}</div>
              </>
            ),
          },
          { label: 'Vendor', value: (t) => t.vendor },
          {
            label: 'Approval',
            value: (t) => t.status,
            render: (t) => (
              <>
                <Badge status={t.status} />
                {t.draftStatus !== null && t.draftStatus !== t.status && (
                  <Badge status={t.draftStatus} draft />
                )}
              </>
            ),
          },
          {
            label: 'Draft approval',
            value: (t) => t.draftStatus ?? '',
            render: (t) => (t.draftStatus ? STATUS_TEXT[t.draftStatus] : '–'),
          },
          {
            label: 'Zero data retention',
            value: (t) => yesNo(t.facts.zeroDataRetention),
            render: (t) => yesNo(t.facts.zeroDataRetention) || '–',
          },
          {
            label: 'Data residency',
            value: (t) => t.facts.dataResidency?.join(' ') ?? '',
            render: (t) => t.facts.dataResidency?.join(', ') || '–',
          },
          { label: 'People', value: (t) => t.users, numeric: true, render: people },
          {
            label: 'Visits',
            value: (t) => t.visits,
            numeric: true,
            render: (t) => fmtInt(t.visits),
          },
          {
            label: 'Incidents',
            value: (t) => t.incidents,
            numeric: true,
            render: (t) => fmtInt(t.incidents),
          },
          ...(admin
            ? [
                {
                  label: 'Decide (drafts a policy change)',
                  value: () => '',
                  render: (t: Tool) => (
                    <span class="decide">
                      <button
                        type="button"
                        class="secondary"
                        disabled={busy !== null || (t.draftStatus ?? t.status) === 'approved'}
                        onClick={() => void decide(t, 'approve')}
                      >
                        Approve<span class="sr-only"> {t.name}</span>
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        disabled={busy !== null || (t.draftStatus ?? t.status) === 'unapproved'}
                        onClick={() => void decide(t, 'block')}
                      >
                        Block<span class="sr-only"> {t.name}</span>
                      </button>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {!admin && <p class="help">Only admins can approve or block a tool.</p>}
      <h2>Visits by {d.bucket}</h2>
      <label class="chart-pick">
        Show{' '}
        <select value={chartKey} onChange={(e) => setChartKey(e.currentTarget.value)}>
          <option value="">all AI tools</option>
          {d.tools.map((t) => (
            <option value={t.key}>{t.name}</option>
          ))}
        </select>
      </label>
      <SeriesChart
        label={`Visits to ${subject} by ${d.bucket} from ${d.period.from} to ${d.period.to}`}
        bars={series.map((s) => ({ label: s.start, value: s.visits, previous: null }))}
      />
      <Table
        caption={`Visits and incidents of ${subject} by ${d.bucket}`}
        csvName={`hush-shadow-ai-${chosen ? chosen.key : 'all'}-by-${d.bucket}-${d.period.from}-${d.period.to}`}
        rows={series}
        columns={[
          { label: d.bucket === 'day' ? 'Day' : 'Week from', value: (s) => s.start },
          { label: 'Visits', value: (s) => s.visits, numeric: true },
          { label: 'Incidents', value: (s) => s.incidents, numeric: true },
        ]}
      />
      <p class="help">
        People are distinct pseudonyms over visits and incidents, shown from k = {d.k}. Visits are
        counted per agent's local day; incidents per UTC day.
      </p>
    </>
  );
}
