/** Small pieces the pages share: loading a resource, the period form, figure cards. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { navigate } from '../router.ts';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string; status: number }
  | { state: 'ok'; data: T };

/** Runs `load` whenever `key` changes; the newest answer wins. */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [res, setRes] = useState<Loaded<T>>({ state: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setRes({ state: 'loading' });
    load().then(
      (data) => live && setRes({ state: 'ok', data }),
      (e: unknown) =>
        live &&
        setRes({
          state: 'error',
          message: e instanceof Error ? e.message : String(e),
          status: e instanceof ApiError ? e.status : 0,
        }),
    );
    return () => {
      live = false;
    };
  }, [key, n]);
  return [res, () => setN((x) => x + 1)];
}

/** What to show while loading or on an error; null when there is data. */
export function Status({ res }: { res: Loaded<unknown> }) {
  if (res.state === 'loading') return <p class="loading">Loading…</p>;
  if (res.state === 'error') {
    return (
      <p role="alert" class="error">
        {res.message}
      </p>
    );
  }
  return null;
}

/** The period chosen in the address (?from&to&bucket), with the form that changes it. */
export function PeriodForm({
  path,
  from,
  to,
  bucket,
}: {
  path: string;
  from: string;
  to: string;
  bucket?: 'day' | 'week';
}) {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const p = new URLSearchParams();
    for (const k of ['from', 'to', 'bucket']) {
      const v = f.get(k);
      if (typeof v === 'string' && v) p.set(k, v);
    }
    navigate(`${path}?${p.toString()}`);
  };
  return (
    <form class="period" onSubmit={submit} aria-label="Period">
      <label>
        From <input type="date" name="from" value={from} required />
      </label>
      <label>
        To <input type="date" name="to" value={to} required />
      </label>
      {bucket && (
        <label>
          By{' '}
          <select name="bucket" value={bucket}>
            <option value="day">day</option>
            <option value="week">week</option>
          </select>
        </label>
      )}
      <button type="submit">Show</button>
    </form>
  );
}

/** One headline figure. */
export function Figure({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ComponentChildren;
  note?: ComponentChildren;
  testId?: string;
}) {
  return (
    <div class="figure" data-figure={testId}>
      <div class="figure-label">{label}</div>
      <div class="figure-value">{value}</div>
      {note && <div class="figure-note">{note}</div>}
    </div>
  );
}
