/**
 * Teams (issue 6): per-team trends against the previous period, repeat incidents before and after
 * each coaching note, adding a note, and a person's pseudonymous history where the tenant's
 * person-history setting allows it for the role. Data from /api/v1/teams/* (server/routes/
 * teams.ts) and, for the list of people, /api/v1/summary/people. Team figures follow the
 * k-anonymity rule: teams with fewer than k people are summed into "other" or withheld, and the
 * page says so instead of showing them.
 */
import { useState } from 'preact/hooks';
import { api, ApiError, qs, type User } from '../api.ts';
import { SeriesChart } from '../components/Charts.tsx';
import { PeriodForm, Status, useLoad } from '../components/common.tsx';
import { Table, type Column } from '../components/Table.tsx';
import { dayOf, defaultPeriod, fmtInt, fmtTime } from '../format.ts';
import { BASE, navigate, onLinkClick } from '../router.ts';
import { MaskingNote } from './Overrides.tsx';
import './review.css';

interface Point {
  start: string;
  incidents: number;
  items: number;
  previous: number | null;
}
interface TrendRow {
  team: string | null;
  users: number;
  incidents: number;
  items: number;
  previous: number | null;
  series: Point[];
}
interface Trend {
  period: { from: string; to: string };
  bucket: 'day' | 'week';
  k: number;
  teams: TrendRow[];
  other: (Omit<TrendRow, 'team'> & { groups: number }) | null;
  withheldTeams: number;
}
interface Window {
  from: string;
  to: string;
  days: number;
  withheld: 'fewer-than-k' | 'person-history' | 'not-yet' | null;
  incidents: number | null;
  repeats: number | null;
  people: number | null;
  repeaters: number | null;
}
interface Note {
  id: string;
  team: string;
  user: string | null;
  person: boolean;
  day: string;
  note: string;
  author: string;
  authorEmail: string | null;
  createdAt: string;
  before: Window;
  after: Window;
}
interface Coaching {
  k: number;
  repeatDays: number;
  compareDays: number;
  notes: Note[];
  more: number;
}
interface Settings {
  personHistory: 'off' | 'admins' | 'admins-and-managers';
  mayReadHistory: boolean;
}
interface People {
  people: { user: string; team: string | null; incidents: number }[];
  more: number;
}
interface HistoryItem {
  id: string;
  time: string;
  site: string;
  channel: string;
  types: string[];
  level: string;
  action: string;
  outcome: string;
  team: string | null;
}
interface History {
  user: string;
  incidents: HistoryItem[];
  more: number;
}

const SETTING_LABELS: Record<Settings['personHistory'], string> = {
  off: 'nobody',
  admins: 'admins only',
  'admins-and-managers': "admins, and managers for their own teams' people",
};
const WITHHELD: Record<NonNullable<Window['withheld']>, string> = {
  'fewer-than-k': 'withheld (fewer than k people)',
  'person-history': "withheld (a person's figures)",
  'not-yet': 'not yet',
};
const whole = (v: string | null, d: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : d;
};
const teamName = (t: string | null) => t ?? '(no team)';

export function Teams({ user, query }: { user: User; query: URLSearchParams }) {
  const def = defaultPeriod();
  const from = query.get('from') ?? def.from;
  const to = query.get('to') ?? def.to;
  const bucket = query.get('bucket') === 'day' ? 'day' : 'week';
  const repeatDays = whole(query.get('repeat'), 30, 90);
  const compareDays = whole(query.get('compare'), 28, 90);
  const person = query.get('person');
  const [trend] = useLoad(
    () => api<Trend>(`/api/v1/teams/trend${qs({ from, to, bucket })}`),
    `${from}|${to}|${bucket}`,
  );
  const [coaching, reloadCoaching] = useLoad(
    () => api<Coaching>(`/api/v1/teams/coaching${qs({ from, to, repeatDays, compareDays })}`),
    `${from}|${to}|${repeatDays}|${compareDays}`,
  );
  const [settings, reloadSettings] = useLoad(
    () => api<Settings>('/api/v1/teams/settings'),
    'settings',
  );
  const here = (changes: Record<string, string | number | undefined>) =>
    `/teams${qs({
      from,
      to,
      bucket,
      repeat: repeatDays,
      compare: compareDays,
      person: person ?? undefined,
      ...changes,
    })}`;
  const writer = user.role !== 'auditor';
  const mayRead = settings.state === 'ok' && settings.data.mayReadHistory;
  return (
    <section>
      <h1>Teams</h1>
      <p class="lede">
        {user.role === 'manager'
          ? `Your teams: ${user.teams.join(', ') || '(none assigned)'}.`
          : 'Every team of the tenant.'}{' '}
        Teams with fewer than k people with incidents are summed into &quot;other&quot; (or left
        out), so no figure singles someone out.
      </p>
      <PeriodForm path="/teams" from={from} to={to} bucket={bucket} />

      <h2>Incidents by team</h2>
      <Status res={trend} />
      {trend.state === 'ok' && <TrendView t={trend.data} />}

      <h2>Coaching and repeat incidents</h2>
      <p class="help">
        A repeat incident is one by someone who already had an incident in the {repeatDays} days
        before it. Each coaching note is compared over the {compareDays} days before and after its
        day (the day itself is in neither).
      </p>
      <form
        class="period"
        aria-label="Repeat windows"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget as HTMLFormElement);
          navigate(here({ repeat: String(f.get('repeat')), compare: String(f.get('compare')) }));
        }}
      >
        <label>
          Repeat window (days){' '}
          <input type="number" name="repeat" min={1} max={90} value={repeatDays} />
        </label>
        <label>
          Compare window (days){' '}
          <input type="number" name="compare" min={1} max={90} value={compareDays} />
        </label>
        <button type="submit">Apply</button>
      </form>
      <Status res={coaching} />
      {coaching.state === 'ok' && <CoachingView c={coaching.data} />}
      {writer && (
        <div class="review-forms">
          <NoteForm
            user={user}
            teams={
              user.role === 'manager'
                ? user.teams
                : trend.state === 'ok'
                  ? trend.data.teams.flatMap((r) => (r.team ? [r.team] : []))
                  : []
            }
            mayPerson={mayRead}
            onAdded={reloadCoaching}
          />
        </div>
      )}

      <h2>A person&apos;s history</h2>
      <Status res={settings} />
      {settings.state === 'ok' && (
        <>
          <p class="help" data-setting={settings.data.personHistory}>
            Who may read one person&apos;s history in this tenant:{' '}
            {SETTING_LABELS[settings.data.personHistory]}. A history lists incidents by pseudonym
            (time, site, channel, data types, what policy asked and what happened), never text; each
            reading is recorded in the audit log.
          </p>
          {user.role === 'admin' && (
            <SettingForm current={settings.data.personHistory} onSaved={reloadSettings} />
          )}
          {mayRead ? (
            <PersonView from={from} to={to} person={person} here={here} />
          ) : (
            <p role="status" class="notice">
              The person-history setting does not let the {user.role} role read a person&apos;s
              history.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function TrendView({ t }: { t: Trend }) {
  const groups = [
    ...t.teams.map((r) => ({ name: teamName(r.team), row: r as Omit<TrendRow, 'team'> })),
    ...(t.other
      ? [{ name: `Other (${t.other.groups} teams)`, row: t.other as Omit<TrendRow, 'team'> }]
      : []),
  ];
  if (groups.length === 0) {
    return (
      <p role="status" class="notice">
        Withheld: {t.withheldTeams > 0 ? 'these teams had' : 'there were'} fewer than {t.k} people
        with incidents in this period, so showing them could single someone out.
      </p>
    );
  }
  const buckets = groups[0]!.row.series.map((p) => p.start);
  const columns: Column<number>[] = [
    { label: t.bucket === 'day' ? 'Day' : 'Week from', value: (i) => buckets[i]! },
    ...groups.map((g) => ({
      label: g.name,
      value: (i: number) => g.row.series[i]!.incidents,
      numeric: true,
    })),
  ];
  return (
    <>
      <div class="team-charts">
        {groups.map((g) => (
          <div data-team={g.name}>
            <h3>
              {g.name}: {fmtInt(g.row.incidents)} incidents, {fmtInt(g.row.users)} people
              <span class="help">
                {' '}
                (previous period: {g.row.previous === null ? 'withheld' : fmtInt(g.row.previous)})
              </span>
            </h3>
            <SeriesChart
              label={`${g.name}: incidents by ${t.bucket} from ${t.period.from} to ${t.period.to}, with the previous period`}
              bars={g.row.series.map((p) => ({
                label: p.start,
                value: p.incidents,
                previous: p.previous,
              }))}
            />
          </div>
        ))}
      </div>
      <Table
        caption={`Incidents per team by ${t.bucket}`}
        csvName={`hush-teams-by-${t.bucket}-${t.period.from}-${t.period.to}`}
        rows={buckets.map((_, i) => i)}
        columns={columns}
      />
      <p class="help">k = {t.k}.</p>
    </>
  );
}

const figure = (w: Window, key: 'incidents' | 'repeats' | 'people' | 'repeaters') =>
  w.withheld ? WITHHELD[w.withheld] : fmtInt(w[key] ?? 0);

/** "fell", "rose", "same", or why it cannot be said. */
function change(n: Note): string {
  const b = n.before;
  const a = n.after;
  if (b.withheld || a.withheld) return WITHHELD[b.withheld ?? a.withheld!];
  if (a.days < b.days) return `so far (${a.days} of ${b.days} days): ${b.repeats} → ${a.repeats}`;
  if (a.repeats! < b.repeats!) return `fell: ${b.repeats} → ${a.repeats}`;
  if (a.repeats! > b.repeats!) return `rose: ${b.repeats} → ${a.repeats}`;
  return `same: ${b.repeats}`;
}

function CoachingView({ c }: { c: Coaching }) {
  return (
    <>
      <Table
        caption="Coaching notes with repeat incidents before and after"
        csvName="hush-coaching"
        rows={c.notes}
        empty="No coaching notes dated in this period."
        columns={[
          { label: 'Day', value: (n) => n.day },
          { label: 'Team', value: (n) => n.team },
          {
            label: 'About',
            value: (n) => (n.person ? (n.user ?? 'one person') : 'the team'),
            render: (n) =>
              n.person ? (
                n.user ? (
                  <span class="pseudonym">{n.user}</span>
                ) : (
                  'one person'
                )
              ) : (
                'the team'
              ),
          },
          { label: 'Note (masked)', value: (n) => n.note },
          { label: 'Written by', value: (n) => n.authorEmail ?? n.author },
          {
            label: 'Repeats before',
            value: (n) => n.before.repeats,
            render: (n) => figure(n.before, 'repeats'),
            numeric: true,
          },
          {
            label: 'Incidents before',
            value: (n) => n.before.incidents,
            render: (n) => figure(n.before, 'incidents'),
            numeric: true,
          },
          {
            label: 'Repeats after',
            value: (n) => n.after.repeats,
            render: (n) => figure(n.after, 'repeats'),
            numeric: true,
          },
          {
            label: 'Incidents after',
            value: (n) => n.after.incidents,
            render: (n) => figure(n.after, 'incidents'),
            numeric: true,
          },
          { label: 'Days after so far', value: (n) => n.after.days, numeric: true },
          { label: 'Repeats', value: (n) => change(n) },
        ]}
      />
      {c.more > 0 && <p class="help">{c.more} older notes in this period are not listed.</p>}
    </>
  );
}

function NoteForm({
  user,
  teams,
  mayPerson,
  onAdded,
}: {
  user: User;
  teams: string[];
  mayPerson: boolean;
  onAdded: () => void;
}) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const who = text('user');
    try {
      const r = await api<{ masked: number }>('/api/v1/teams/notes', {
        body: {
          team: text('team'),
          day: text('day'),
          note: text('note'),
          ...(who ? { user: who } : {}),
        },
      });
      setMessage({
        text: `Note added.${r.masked ? ` ${r.masked} value${r.masked === 1 ? ' was' : 's were'} masked before storing.` : ''}`,
        error: false,
      });
      form.reset();
      onAdded();
    } catch (err) {
      setMessage({ text: err instanceof ApiError ? err.message : String(err), error: true });
    }
  };
  return (
    <form class="review-form" aria-label="Add a coaching note" onSubmit={submit}>
      <h3>Add a coaching note</h3>
      <label for="note-team">Team</label>
      {user.role === 'manager' ? (
        <select id="note-team" name="team">
          {teams.map((t) => (
            <option value={t}>{t}</option>
          ))}
        </select>
      ) : (
        <>
          <input id="note-team" name="team" list="note-teams" required maxLength={200} />
          <datalist id="note-teams">
            {teams.map((t) => (
              <option value={t} />
            ))}
          </datalist>
        </>
      )}
      <label for="note-day">Day of the coaching</label>
      <input id="note-day" name="day" type="date" required value={dayOf(Date.now())} />
      {mayPerson && (
        <>
          <label for="note-user">One person (pseudonym, optional)</label>
          <input id="note-user" name="user" maxLength={128} />
        </>
      )}
      <label for="note-text">Note</label>
      <textarea
        id="note-text"
        name="note"
        maxLength={2000}
        required
        aria-describedby="note-masking"
      />
      <MaskingNote id="note-masking" />
      <button type="submit">Add note</button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'notice'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function SettingForm({
  current,
  onSaved,
}: {
  current: Settings['personHistory'];
  onSaved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="period"
      aria-label="Person-history setting"
      onSubmit={async (e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget as HTMLFormElement).get('personHistory'));
        try {
          await api('/api/v1/teams/settings', { body: { personHistory: value } });
          setError(null);
          onSaved();
        } catch (err) {
          setError(err instanceof ApiError ? err.message : String(err));
        }
      }}
    >
      <label>
        Who may read a person&apos;s history{' '}
        <select name="personHistory" value={current}>
          {(Object.keys(SETTING_LABELS) as Settings['personHistory'][]).map((k) => (
            <option value={k}>{SETTING_LABELS[k]}</option>
          ))}
        </select>
      </label>
      <button type="submit">Save setting</button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}

function PersonView({
  from,
  to,
  person,
  here,
}: {
  from: string;
  to: string;
  person: string | null;
  here: (changes: Record<string, string | number | undefined>) => string;
}) {
  const [people] = useLoad(
    () => api<People>(`/api/v1/summary/people${qs({ from, to, limit: 20 })}`),
    `${from}|${to}`,
  );
  const [history] = useLoad(
    () =>
      person
        ? api<History>(`/api/v1/teams/people/${encodeURIComponent(person)}/history`)
        : Promise.resolve(null),
    person ?? '',
  );
  return (
    <>
      <form
        class="period"
        aria-label="Find a person"
        onSubmit={(e) => {
          e.preventDefault();
          const v = String(new FormData(e.currentTarget as HTMLFormElement).get('person') ?? '');
          navigate(here({ person: v.trim() || undefined }));
        }}
      >
        <label>
          Pseudonym <input name="person" value={person ?? ''} size={44} maxLength={128} />
        </label>
        <button type="submit">Show history</button>
      </form>
      {person && <Status res={history} />}
      {history.state === 'ok' && history.data && (
        <Table
          caption="Incidents of this person, newest first"
          csvName={`hush-person-${history.data.user.slice(0, 12)}`}
          rows={history.data.incidents}
          columns={[
            { label: 'Time', value: (i) => i.time, render: (i) => fmtTime(i.time) },
            { label: 'Site', value: (i) => i.site },
            { label: 'Channel', value: (i) => i.channel },
            { label: 'Types', value: (i) => i.types.join('; ') },
            { label: 'Level', value: (i) => i.level },
            { label: 'Policy asked', value: (i) => i.action },
            { label: 'What happened', value: (i) => i.outcome },
            { label: 'Team', value: (i) => teamName(i.team) },
          ]}
        />
      )}
      <Status res={people} />
      {people.state === 'ok' && (
        <Table
          caption="People with the most incidents in the period"
          csvName={`hush-people-${from}-${to}`}
          rows={people.data.people}
          empty="No one to list (teams under k are not listed by person)."
          columns={[
            {
              label: 'Pseudonym',
              value: (p) => p.user,
              render: (p) => (
                <a
                  class="pseudonym"
                  href={BASE + here({ person: p.user })}
                  onClick={(e) => onLinkClick(e, here({ person: p.user }))}
                >
                  {p.user}
                </a>
              ),
            },
            { label: 'Team', value: (p) => teamName(p.team) },
            { label: 'Incidents', value: (p) => p.incidents, numeric: true },
          ]}
        />
      )}
    </>
  );
}
