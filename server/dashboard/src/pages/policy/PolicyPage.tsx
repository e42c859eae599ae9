/**
 * The Policy page itself (loaded on demand by pages/Policy.tsx), issue 6, on the policy management API (server/routes/policy-admin.ts): the tenant's
 * policy edited as a form and as JSON, its changes against the published revision, publishing,
 * the history with rollback, and a playground that runs the extension's engine in this page.
 *
 * One text is edited: the JSON. The form reads the document parsed from it and writes it back
 * formatted, so both always show the same policy. Every change is checked at once by the same
 * code the extension uses to read a published policy (policy/model.ts); saving and publishing
 * are refused while there is a problem, and the server checks again. Admins change; managers
 * and auditors read (the server refuses them any change).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, type User } from '../../api.ts';
import { fmtTime } from '../../format.ts';
import { Confirm } from './Confirm.tsx';
import { DiffView } from './DiffView.tsx';
import { History, type Revision } from './History.tsx';
import {
  checkDoc,
  effectiveOf,
  formatDoc,
  parseText,
  setPath,
  type Doc,
  type Issue,
} from './model.ts';
import { PolicyForm } from './PolicyForm.tsx';
import { Playground } from './Playground.tsx';
import './policy.css';

interface Draft {
  document: unknown;
  basedOn: number | null;
  updatedBy: string;
  updatedAt: string;
}

interface State {
  revisions: Revision[];
  draft: Draft | null;
  /** The newest published document, formatted; null when nothing is published. */
  publishedText: string | null;
  /** User id -> email, for "published by" (empty for roles that cannot list users). */
  emails: Map<string, string>;
}

const TABS = [
  ['form', 'Form'],
  ['json', 'JSON'],
  ['changes', 'Changes'],
  ['playground', 'Playground'],
  ['history', 'History'],
] as const;
type Tab = (typeof TABS)[number][0];

async function loadState(): Promise<State> {
  const [{ revisions }, { draft }, users] = await Promise.all([
    api<{ revisions: Revision[] }>('/api/v1/policies'),
    api<{ draft: Draft | null }>('/api/v1/policies/draft'),
    // Managers may not list users; they see the actor ids instead of emails.
    api<{ users: { id: string; email: string }[] }>('/api/v1/users').catch(() => ({ users: [] })),
  ]);
  const newest = revisions[0];
  const published = newest
    ? await api<{ document: unknown }>(`/api/v1/policies/${newest.revision}`)
    : null;
  return {
    revisions,
    draft,
    publishedText: published ? formatDoc(published.document) : null,
    emails: new Map(users.users.map((u) => [u.id, u.email])),
  };
}

export function PolicyPage({ user }: { user: User; query: URLSearchParams }) {
  // Not useLoad: a reload after save or publish must keep the editor (its tab, its message)
  // mounted, and only hand it the new state.
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    loadState().then(
      (s) => live && (setState(s), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [generation]);
  return (
    <section>
      <h1>Policy</h1>
      <p class="lede">
        What Hush does in your agents’ browsers. Edit a draft, check it in the playground, then
        publish it: browsers pick up the new revision at their next policy check.
        {user.role !== 'admin' && ' You can read the policy; only an admin can change it.'}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!state && !error && <p class="loading">Loading…</p>}
      {state && (
        <Editor
          state={state}
          admin={user.role === 'admin'}
          reload={() => setGeneration((g) => g + 1)}
        />
      )}
    </section>
  );
}

function Editor({ state, admin, reload }: { state: State; admin: boolean; reload: () => void }) {
  const savedText = state.draft ? formatDoc(state.draft.document) : null;
  const baseText = savedText ?? state.publishedText ?? formatDoc({ version: 1 });
  const [text, setText] = useState(baseText);
  // A reload (after save, publish, discard) starts again from what the server now holds.
  useEffect(() => setText(baseText), [baseText]);
  const [tab, setTab] = useState<Tab>('form');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirm, setConfirm] = useState<'publish' | 'discard' | null>(null);

  const parsed = useMemo(() => parseText(text), [text]);
  const issues: Issue[] = useMemo(
    () => ('error' in parsed ? [{ path: '(JSON)', message: parsed.error }] : checkDoc(parsed.doc)),
    [parsed],
  );
  const valid = issues.length === 0;
  const doc = 'doc' in parsed && valid ? (parsed.doc as Doc) : null;
  const policy = useMemo(() => (doc ? effectiveOf(doc) : null), [doc]);
  const normalised = doc ? formatDoc(doc) : null;
  const unsaved = (normalised ?? text) !== baseText;
  const newest = state.revisions[0]?.revision ?? null;
  const stale = state.draft !== null && state.draft.basedOn !== newest;
  const who = (actor: string | null) => {
    if (!actor) return 'not recorded';
    const m = /^user:(.+)$/.exec(actor);
    return (m && state.emails.get(m[1]!)) ?? actor;
  };

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await work();
      setMessage({ kind: 'ok', text: done });
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const save = () => api('/api/v1/policies/draft', { method: 'PUT', body: { document: doc } });
  const onSave = () => run(async () => (await save(), 'Draft saved.'));
  const onPublish = () =>
    run(async () => {
      if (unsaved) await save();
      const r = await api<{ revision: number }>('/api/v1/policies/draft/publish', {
        method: 'POST',
      });
      return `Published as revision ${r.revision}.`;
    });
  const onDiscard = () =>
    run(async () => {
      if (state.draft) await api('/api/v1/policies/draft', { method: 'DELETE' });
      setText(state.publishedText ?? formatDoc({ version: 1 }));
      return 'Draft discarded.';
    });
  const onRollback = (n: number) =>
    run(async () => {
      const r = await api<{ revision: number }>(`/api/v1/policies/${n}/rollback`, {
        method: 'POST',
      });
      return `Revision ${n}'s policy is published again as revision ${r.revision}.`;
    });

  const changeField = (path: string, value: unknown) => {
    if (!('doc' in parsed) || typeof parsed.doc !== 'object' || parsed.doc === null) return;
    setText(formatDoc(setPath(parsed.doc as Doc, path, value)));
  };

  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex(([id]) => id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(i + step + TABS.length) % TABS.length]![0];
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  // Publishing what is already in force would only add a revision that changes nothing.
  const same = normalised !== null && normalised === state.publishedText;

  return (
    <>
      <div class="policy-status">
        <p data-testid="policy-state">
          {newest === null ? 'No policy published yet.' : `Revision ${newest} is in force.`}{' '}
          {state.draft
            ? `Draft saved ${fmtTime(state.draft.updatedAt)} by ${who(state.draft.updatedBy)}.`
            : 'No saved draft.'}
          {unsaved && ' Unsaved changes.'}
        </p>
        {stale && (
          <p class="notice" role="note">
            This draft was started from{' '}
            {state.draft?.basedOn === null
              ? 'no published policy'
              : `revision ${state.draft?.basedOn}`}
            ; revision {newest} has been published since. Check the changes before publishing: they
            are shown against revision {newest}.
          </p>
        )}
        {admin && (
          <div class="policy-actions">
            <button type="button" disabled={busy || !valid || !unsaved} onClick={onSave}>
              Save draft
            </button>
            <button
              type="button"
              disabled={busy || !valid || (!unsaved && !state.draft) || same}
              onClick={() => setConfirm('publish')}
            >
              Publish…
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy || (!state.draft && !unsaved)}
              onClick={() => setConfirm('discard')}
            >
              Discard draft…
            </button>
          </div>
        )}
        {message && (
          <p
            role={message.kind === 'ok' ? 'status' : 'alert'}
            class={message.kind === 'ok' ? 'notice' : 'error'}
          >
            {message.text}
          </p>
        )}
        {!valid && (
          <div role="alert" class="error policy-issues" data-testid="policy-issues">
            <p>
              {issues.length === 1 ? 'One problem' : `${issues.length} problems`} to fix before this
              can be saved or published:
            </p>
            <ul>
              {issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <div role="tablist" aria-label="Policy views" class="tabs" onKeyDown={onTabKey}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            class="tab"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="tab-panel">
        {tab === 'form' &&
          ('doc' in parsed &&
          typeof parsed.doc === 'object' &&
          parsed.doc !== null &&
          !Array.isArray(parsed.doc) ? (
            <PolicyForm
              doc={parsed.doc as Doc}
              issues={issues}
              readOnly={!admin}
              onChange={changeField}
            />
          ) : (
            <p role="alert" class="error">
              The JSON cannot be read, so the form cannot show it; fix it in the JSON tab.
            </p>
          ))}
        {tab === 'json' && (
          <div class="policy-json">
            <label for="policy-json" class="field-label">
              Policy JSON
            </label>
            <p class="help" id="policy-json-help">
              The whole document, as browsers receive it. See docs/policy.md for every field.
            </p>
            <textarea
              id="policy-json"
              rows={24}
              spellcheck={false}
              value={text}
              readOnly={!admin}
              aria-invalid={!valid}
              aria-describedby="policy-json-help"
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
        )}
        {tab === 'changes' &&
          (normalised === null ? (
            <p role="alert" class="error">
              Fix the problems above to see the changes.
            </p>
          ) : state.publishedText === null ? (
            <>
              <p class="help">Nothing is published yet: all of this is new.</p>
              <DiffView
                before=""
                after={normalised}
                label="The whole policy (nothing published yet)"
              />
            </>
          ) : (
            <>
              <p class="help">The policy being edited against revision {newest} (in force).</p>
              <DiffView
                before={state.publishedText}
                after={normalised}
                label={`Changes against revision ${newest}`}
              />
            </>
          ))}
        {tab === 'playground' && <Playground policy={policy} />}
        {tab === 'history' && (
          <History
            revisions={state.revisions}
            newestText={state.publishedText}
            who={who}
            admin={admin}
            busy={busy}
            onRollback={onRollback}
          />
        )}
      </div>

      {confirm === 'publish' && (
        <Confirm
          title={`Publish revision ${(newest ?? 0) + 1}?`}
          confirm="Publish"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void onPublish();
          }}
        >
          <p>
            Every browser of the tenant applies this policy at its next check.
            {unsaved && ' Your unsaved changes are saved to the draft first.'}
          </p>
          {normalised !== null && (
            <DiffView
              before={state.publishedText ?? ''}
              after={normalised}
              label="What publishing changes"
            />
          )}
        </Confirm>
      )}
      {confirm === 'discard' && (
        <Confirm
          title="Discard the draft?"
          confirm="Discard"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void onDiscard();
          }}
        >
          <p>The editor goes back to the published policy. This cannot be undone.</p>
        </Confirm>
      )}
    </>
  );
}
