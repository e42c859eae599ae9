/**
 * Overrides (issue 6): the queue of "send anyway" decisions with their masked reasons, to review,
 * comment on and close, so a person reviews every high-risk decision (CONFIDENTIAL or RESTRICTED
 * data). Data from /api/v1/overrides (server/routes/overrides.ts). Filters and the open decision
 * live in the address, so a view can be bookmarked or sent to a colleague.
 *
 * Admins and managers comment and close (a manager only for their teams); auditors read. The
 * person's pseudonym shows only where the tenant's person-history setting allows it for the role.
 * Comments are masked by the server with the engine before they are stored; the form says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, qs, type User } from '../api.ts';
import { Figure, Status, useLoad } from '../components/common.tsx';
import { Table } from '../components/Table.tsx';
import { fmtInt, fmtTime } from '../format.ts';
import { BASE, navigate, onLinkClick } from '../router.ts';
import './review.css';

/** One decision, as the API answers it. */
export interface Override {
  id: string;
  time: string;
  site: string;
  host: string;
  channel: string;
  pageClass: string;
  action: string;
  team: string | null;
  user: string | null;
  types: string[];
  level: string;
  highRisk: boolean;
  reason: string | null;
  status: 'open' | 'closed';
  verdict: string | null;
  closedBy: string | null;
  closedAt: string | null;
  ageDays: number;
  comments: number;
}
interface Queue {
  items: Override[];
  matching: number;
  counts: { total: number; open: number; openHighRisk: number; closed: number };
  teams: string[] | null;
  showUsers: boolean;
}
interface Comment {
  id: string;
  author: string;
  authorEmail: string | null;
  createdAt: string;
  body: string;
}
interface Detail {
  override: Override;
  comments: Comment[];
  closedByEmail: string | null;
}

const STATUSES = ['open', 'closed', 'all'] as const;
const LEVELS = ['high', 'all', 'RESTRICTED', 'CONFIDENTIAL', 'INTERNAL', 'PUBLIC', 'NONE'] as const;
const LEVEL_LABELS: Record<(typeof LEVELS)[number], string> = {
  high: 'high-risk (confidential or restricted)',
  all: 'every level',
  RESTRICTED: 'restricted',
  CONFIDENTIAL: 'confidential',
  INTERNAL: 'internal',
  PUBLIC: 'public',
  NONE: 'no known type',
};
const VERDICTS = [
  ['justified', 'justified: the data had to go'],
  ['coached', 'coached: the person was shown another way'],
  ['policy-gap', 'policy gap: the policy should change'],
] as const;
const PAGE = 50;

const pick = <T extends string>(v: string | null, list: readonly T[], d: T): T =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : d;

/** What the masking notice under every comment box says. */
export function MaskingNote({ id }: { id: string }) {
  return (
    <p class="masked-note" id={id}>
      Written text is scanned before it is stored: emails, card numbers, names and other customer
      data are replaced by placeholders such as [EMAIL_1]. Do not quote customer data; describe the
      decision.
    </p>
  );
}

export function Overrides({ user, query }: { user: User; query: URLSearchParams }) {
  const status = pick(query.get('status'), STATUSES, 'open');
  const level = pick(query.get('level'), LEVELS, 'high');
  const team = query.get('team') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const id = query.get('id');
  const params = {
    status,
    level,
    team: team || undefined,
    from: from || undefined,
    to: to || undefined,
  };
  const [res, reload] = useLoad(
    () =>
      api<Queue>(`/api/v1/overrides${qs({ ...params, limit: PAGE, offset: offset || undefined })}`),
    JSON.stringify([params, offset]),
  );
  const go = (changes: Record<string, string | number | undefined>) =>
    navigate(
      `/overrides${qs({ ...params, offset: offset || undefined, id: id ?? undefined, ...changes })}`,
    );
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const val = (k: string) => {
      const v = f.get(k);
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    };
    navigate(
      `/overrides${qs({ status: val('status'), level: val('level'), team: val('team'), from: val('from'), to: val('to') })}`,
    );
  };
  const reviewer = user.role !== 'auditor';
  return (
    <section>
      <h1>Overrides</h1>
      <p class="lede">
        Decisions where someone chose to send anyway after a warning.{' '}
        {user.role === 'manager'
          ? `Your teams: ${user.teams.join(', ') || '(none assigned)'}. `
          : 'The whole tenant. '}
        Every high-risk decision (confidential or restricted data) stays open until a person reviews
        it and closes it with a verdict. Reasons are the agent&apos;s own words, masked in the
        browser before they were sent.
        {!reviewer && ' You can read the queue; admins and managers comment and close.'}
      </p>
      <form class="period" onSubmit={submit} aria-label="Filters">
        <label>
          Status{' '}
          <select name="status" value={status}>
            {STATUSES.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Level{' '}
          <select name="level" value={level}>
            {LEVELS.map((l) => (
              <option value={l}>{LEVEL_LABELS[l]}</option>
            ))}
          </select>
        </label>
        <label>
          Team <input name="team" value={team} list="override-teams" size={14} />
        </label>
        <datalist id="override-teams">
          {user.teams.map((t) => (
            <option value={t} />
          ))}
        </datalist>
        <label>
          From <input type="date" name="from" value={from} />
        </label>
        <label>
          To <input type="date" name="to" value={to} />
        </label>
        <button type="submit">Show</button>
      </form>
      {id && (
        <Decision
          id={id}
          reviewer={reviewer}
          onChanged={reload}
          onClose={() => go({ id: undefined })}
        />
      )}
      <Status res={res} />
      {res.state === 'ok' && (
        <>
          <div class="figures">
            <Figure
              testId="open-high-risk"
              label="Open high-risk decisions"
              value={fmtInt(res.data.counts.openHighRisk)}
              note="waiting for a person's review"
            />
            <Figure testId="open" label="Open, every level" value={fmtInt(res.data.counts.open)} />
            <Figure testId="closed" label="Closed" value={fmtInt(res.data.counts.closed)} />
            <Figure
              testId="total"
              label="Overrides"
              value={fmtInt(res.data.counts.total)}
              note={from && to ? `${from} to ${to}` : 'everything the tenant still keeps'}
            />
          </div>
          <QueueTable q={res.data} offset={offset} go={go} />
        </>
      )}
    </section>
  );
}

function QueueTable({
  q,
  offset,
  go,
}: {
  q: Queue;
  offset: number;
  go: (changes: Record<string, string | number | undefined>) => void;
}) {
  const link = (r: Override) => {
    const p = new URLSearchParams(location.search);
    p.set('id', r.id);
    return `/overrides?${p.toString()}`;
  };
  return (
    <div class="queue">
      <Table
        caption="Overridden decisions, oldest first"
        csvName="hush-overrides"
        rows={q.items}
        empty="No decisions match these filters."
        columns={[
          {
            label: 'Decision',
            value: (r) => r.id,
            render: (r) => (
              <a href={BASE + link(r)} onClick={(e) => onLinkClick(e, link(r))}>
                Review<span class="sr-only"> the decision of {fmtTime(r.time)}</span>
              </a>
            ),
          },
          {
            label: 'Decided',
            value: (r) => r.time,
            // The day is enough beside the age; the minute is in the tooltip and the CSV.
            render: (r) => (
              <time dateTime={r.time} title={fmtTime(r.time)}>
                {r.time.slice(0, 10)}
              </time>
            ),
          },
          { label: 'Age (days)', value: (r) => r.ageDays, numeric: true },
          {
            label: 'Level',
            value: (r) => r.level,
            render: (r) => <span class={r.highRisk ? 'pill high' : 'pill'}>{r.level}</span>,
          },
          {
            label: 'Types',
            value: (r) => r.types.join('; '),
            render: (r) => r.types.join(', '),
          },
          { label: 'Site', value: (r) => r.site },
          { label: 'Team', value: (r) => r.team ?? '(no team)' },
          ...(q.showUsers
            ? [
                {
                  label: 'Person (pseudonym)',
                  value: (r: Override) => r.user,
                  // The first characters tell people apart on screen; the full pseudonym is in the
                  // tooltip, the decision view and the CSV.
                  render: (r: Override) => (
                    <span class="pseudonym" title={r.user ?? ''}>
                      {r.user?.slice(0, 10)}…
                    </span>
                  ),
                },
              ]
            : []),
          {
            label: 'Reason (masked)',
            value: (r) => r.reason,
            render: (r) => r.reason ?? <span class="help">not kept</span>,
          },
          {
            label: 'Review',
            value: (r) => (r.verdict ? `${r.status}: ${r.verdict}` : r.status),
          },
          { label: 'Comments', value: (r) => r.comments, numeric: true },
        ]}
      />
      {q.matching > PAGE && (
        <div class="pager">
          <span>
            {fmtInt(offset + 1)}–{fmtInt(Math.min(offset + PAGE, q.matching))} of{' '}
            {fmtInt(q.matching)}
          </span>
          <button
            type="button"
            class="secondary"
            disabled={offset === 0}
            onClick={() => go({ offset: Math.max(0, offset - PAGE) || undefined })}
          >
            Previous
          </button>
          <button
            type="button"
            class="secondary"
            disabled={offset + PAGE >= q.matching}
            onClick={() => go({ offset: offset + PAGE })}
          >
            Next
          </button>
        </div>
      )}
    </div>
  );
}

/** One decision: what happened, its comments, and (for reviewers) comment and close forms. */
function Decision({
  id,
  reviewer,
  onChanged,
  onClose,
}: {
  id: string;
  reviewer: boolean;
  onChanged: () => void;
  onClose: () => void;
}) {
  const [res, reload] = useLoad(
    () => api<Detail>(`/api/v1/overrides/${encodeURIComponent(id)}`),
    id,
  );
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the decision once, when it is opened (not again after each action, which
  // would pull a keyboard user out of the form they are in).
  const focused = useRef<string | null>(null);
  useEffect(() => {
    setMessage(null);
  }, [id]);
  useEffect(() => {
    if (res.state === 'ok' && focused.current !== id) {
      focused.current = id;
      heading.current?.focus();
    }
  }, [res.state, id]);
  const act = async (path: string, body: unknown, done: (r: { masked: number }) => string) => {
    try {
      const r = await api<{ masked: number }>(
        `/api/v1/overrides/${encodeURIComponent(id)}/${path}`,
        {
          body,
        },
      );
      setMessage({ text: done(r), error: false });
      reload();
      onChanged();
      return true;
    } catch (e) {
      setMessage({ text: e instanceof ApiError ? e.message : String(e), error: true });
      return false;
    }
  };
  const masked = (n: number) =>
    n === 0 ? '' : ` ${n} value${n === 1 ? ' was' : 's were'} masked before storing.`;
  if (res.state !== 'ok') {
    return (
      <section class="decision" aria-label="Decision">
        <Status res={res} />
      </section>
    );
  }
  const { override: o, comments, closedByEmail } = res.data;
  return (
    <section class="decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading" ref={heading} tabIndex={-1}>
        Decision of {fmtTime(o.time)}
      </h2>
      <dl>
        <dt>Level</dt>
        <dd>
          <span class={o.highRisk ? 'pill high' : 'pill'}>{o.level}</span>{' '}
          {o.highRisk ? 'high-risk: needs a review' : ''}
        </dd>
        <dt>Data types</dt>
        <dd>{o.types.join(', ') || 'none'}</dd>
        <dt>Site</dt>
        <dd>
          {o.site} ({o.pageClass}), by {o.channel}
        </dd>
        <dt>Policy asked</dt>
        <dd>{o.action}, and the agent sent anyway</dd>
        <dt>Team</dt>
        <dd>{o.team ?? '(no team)'}</dd>
        {o.user !== null && (
          <>
            <dt>Person (pseudonym)</dt>
            <dd class="pseudonym">{o.user}</dd>
          </>
        )}
        <dt>Reason (masked)</dt>
        <dd data-field="reason">{o.reason ?? 'not kept: the tenant keeps counts only'}</dd>
        <dt>Review</dt>
        <dd data-field="review">
          {o.status === 'closed'
            ? `closed as ${o.verdict ?? '?'} by ${closedByEmail ?? o.closedBy ?? 'someone'} on ${fmtTime(o.closedAt)}`
            : `open for ${o.ageDays} day${o.ageDays === 1 ? '' : 's'}`}
        </dd>
      </dl>
      <h3>Comments</h3>
      {comments.length === 0 ? (
        <p class="help">No comments yet.</p>
      ) : (
        <ol class="comments" aria-label="Comments">
          {comments.map((c) => (
            <li>
              <div class="meta">
                {c.authorEmail ?? c.author}, {fmtTime(c.createdAt)}
              </div>
              <div>{c.body}</div>
            </li>
          ))}
        </ol>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'notice'}>
          {message.text}
        </p>
      )}
      {reviewer && (
        <div class="review-forms">
          <form
            class="review-form"
            aria-label="Add a comment"
            onSubmit={async (e) => {
              e.preventDefault();
              const form = e.currentTarget as HTMLFormElement;
              const body = String(new FormData(form).get('body') ?? '');
              if (await act('comments', { body }, (r) => `Comment added.${masked(r.masked)}`))
                form.reset();
            }}
          >
            <h3>Add a comment</h3>
            <label for="comment-body">Comment</label>
            <textarea
              id="comment-body"
              name="body"
              maxLength={2000}
              required
              aria-describedby="comment-masking"
            />
            <MaskingNote id="comment-masking" />
            <button type="submit">Add comment</button>
          </form>
          {o.status === 'open' ? (
            <form
              class="review-form"
              aria-label="Close the decision"
              onSubmit={async (e) => {
                e.preventDefault();
                const f = new FormData(e.currentTarget as HTMLFormElement);
                const comment = String(f.get('comment') ?? '').trim();
                await act(
                  'close',
                  { verdict: String(f.get('verdict')), ...(comment ? { comment } : {}) },
                  (r) => `Closed.${masked(r.masked)}`,
                );
              }}
            >
              <h3>Close with a verdict</h3>
              <label for="close-verdict">Verdict</label>
              <select id="close-verdict" name="verdict">
                {VERDICTS.map(([v, label]) => (
                  <option value={v}>{label}</option>
                ))}
              </select>
              <label for="close-comment">Comment (optional)</label>
              <textarea
                id="close-comment"
                name="comment"
                maxLength={2000}
                aria-describedby="close-masking"
              />
              <MaskingNote id="close-masking" />
              <button type="submit">Close decision</button>
            </form>
          ) : (
            <div class="review-form">
              <h3>Closed</h3>
              <p>Closed by mistake, or it needs another look?</p>
              <button
                type="button"
                class="secondary"
                onClick={() => act('reopen', {}, () => 'Reopened.')}
              >
                Reopen decision
              </button>
            </div>
          )}
        </div>
      )}
      <p>
        <button type="button" class="secondary" onClick={onClose}>
          Back to the queue
        </button>
      </p>
    </section>
  );
}
