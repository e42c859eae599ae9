/**
 * Settings (issue 6: "retention, k, webhooks, keys"): the tenant's retention period, k (the
 * fewest people a group may show), the telemetry level, the outbound webhooks and the policy
 * signing keys. Admins change them; auditors read them (the server's rule: routes/settings.ts and
 * routes/webhooks.ts refuse anyone else). Every change is audited by the server.
 *
 * Two things are shown once and never again: a new webhook's signing secret (the server keeps it
 * only encrypted, to sign deliveries) and, after a rotation, which key is new.
 */
import { useState } from 'preact/hooks';
import { api, ApiError, type User } from '../api.ts';
import { Status, useLoad } from '../components/common.tsx';
import { Table } from '../components/Table.tsx';
import { fmtInt, fmtTime } from '../format.ts';

type Telemetry = 'counts' | 'counts-and-reasons';
interface Range {
  min: number;
  max: number;
}
interface SettingsData {
  retentionDays: number;
  minGroupSize: number;
  telemetry: Telemetry;
  limits: { retentionDays: Range; minGroupSize: Range; graceDays: Range };
}
interface Webhook {
  id: string;
  url: string;
  format: 'json' | 'cef';
  events: ('incidents' | 'anomalies')[];
  createdAt: string;
  createdBy: string;
  deliveries: { pending: number; delivered: number; failed: number };
}
interface Key {
  id: string;
  publicKey: string;
  status: 'current' | 'previous' | 'expired';
  createdAt: string;
  retiredAt: string | null;
  expiresAt: string | null;
}

const TELEMETRY: Record<Telemetry, string> = {
  counts: 'counts only',
  'counts-and-reasons': 'counts and masked override reasons',
};
const NAMES = { retentionDays: 'retention', minGroupSize: 'k', telemetry: 'telemetry level' };
/** What the form offers before the admin chooses (the server's default, HUSH_KEY_GRACE_DAYS). */
const DEFAULT_GRACE_DAYS = 14;

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export function Settings({ user }: { user: User; query: URLSearchParams }) {
  const admin = user.role === 'admin';
  return (
    <section>
      <h1>Settings</h1>
      <p class="lede">
        {admin
          ? 'Changes take effect at once and are written to the audit log.'
          : 'You can read these settings; only an admin can change them.'}
      </p>
      <General admin={admin} />
      <Webhooks admin={admin} />
      <Keys admin={admin} />
    </section>
  );
}

/** Retention, k and telemetry: a form for admins, a table for auditors. */
function General({ admin }: { admin: boolean }) {
  const [res, reload] = useLoad(() => api<SettingsData>('/api/v1/settings'), 'settings');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    setNote(null);
    try {
      const r = await api<SettingsData & { changed: (keyof typeof NAMES)[] }>('/api/v1/settings', {
        body: {
          retentionDays: Number(f.get('retentionDays')),
          minGroupSize: Number(f.get('minGroupSize')),
          telemetry: String(f.get('telemetry')),
        },
      });
      setNote({
        ok: true,
        text: r.changed.length
          ? `Saved: ${r.changed.map((c) => NAMES[c]).join(', ')}.`
          : 'Nothing changed.',
      });
      reload();
    } catch (err) {
      setNote({ ok: false, text: message(err) });
    }
  };
  return (
    <>
      <h2>Data and privacy</h2>
      <Status res={res} />
      {res.state === 'ok' && !admin && (
        <Table
          caption="Data and privacy settings"
          csvName="hush-settings"
          rows={[
            {
              name: 'Retention (days)',
              value: res.data.retentionDays,
              meaning: 'how long incidents and false alarms are kept',
            },
            {
              name: 'k',
              value: res.data.minGroupSize,
              meaning: 'the fewest people a team or group may show',
            },
            {
              name: 'Telemetry level',
              value: res.data.telemetry,
              meaning: TELEMETRY[res.data.telemetry],
            },
          ]}
          columns={[
            { label: 'Setting', value: (r) => r.name },
            { label: 'Value', value: (r) => r.value },
            { label: 'Meaning', value: (r) => r.meaning },
          ]}
        />
      )}
      {res.state === 'ok' && admin && (
        // Keyed by the data: a fresh form after each load shows what the server holds.
        <form
          class="invite"
          aria-label="Data and privacy settings"
          onSubmit={save}
          key={JSON.stringify(res.data)}
        >
          <label>
            Retention (days){' '}
            <input
              type="number"
              name="retentionDays"
              required
              min={res.data.limits.retentionDays.min}
              max={res.data.limits.retentionDays.max}
              value={res.data.retentionDays}
            />
          </label>
          <label>
            k: fewest people a group may show{' '}
            <input
              type="number"
              name="minGroupSize"
              required
              min={res.data.limits.minGroupSize.min}
              max={res.data.limits.minGroupSize.max}
              value={res.data.minGroupSize}
            />
          </label>
          <label>
            Telemetry level{' '}
            <select name="telemetry" value={res.data.telemetry}>
              {(Object.keys(TELEMETRY) as Telemetry[]).map((t) => (
                <option value={t}>{TELEMETRY[t]}</option>
              ))}
            </select>
          </label>
          <button type="submit">Save settings</button>
        </form>
      )}
      {note && (
        <p role={note.ok ? 'status' : 'alert'} class={note.ok ? 'notice' : 'error'}>
          {note.text}
        </p>
      )}
      <p class="help">
        Records older than the retention period are deleted daily. Figures of teams and groups with
        fewer than k people are withheld. Override reasons are stored only at the level “counts and
        masked override reasons”.
      </p>
    </>
  );
}

/** The outbound webhooks: list for both, add, test and delete for admins. */
function Webhooks({ admin }: { admin: boolean }) {
  const [res, reload] = useLoad(() => api<{ webhooks: Webhook[] }>('/api/v1/webhooks'), 'hooks');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    setNote(null);
    setSecret(null);
    try {
      const r = await api<{ webhook: Webhook; secret: string }>('/api/v1/webhooks', {
        body: {
          url: String(f.get('url')),
          format: String(f.get('format')),
          events: f.getAll('events').map(String),
        },
      });
      setSecret(r.secret);
      form.reset();
      reload();
    } catch (err) {
      setNote({ ok: false, text: message(err) });
    }
  };
  const test = async (h: Webhook) => {
    setNote(null);
    try {
      const r = await api<{ delivered: boolean; status: number | null; error: string | null }>(
        `/api/v1/webhooks/${h.id}/test`,
        { method: 'POST', body: {} },
      );
      setNote(
        r.delivered
          ? { ok: true, text: `Test event delivered to ${h.url} (HTTP ${r.status ?? '?'}).` }
          : {
              ok: false,
              text: `Test event not delivered to ${h.url}: ${r.error ?? `HTTP ${r.status ?? '?'}`}.`,
            },
      );
      reload();
    } catch (err) {
      setNote({ ok: false, text: message(err) });
    }
  };
  const remove = async (h: Webhook) => {
    if (!confirm(`Delete the webhook to ${h.url}? Events not yet delivered are dropped.`)) return;
    setNote(null);
    try {
      await api(`/api/v1/webhooks/${h.id}`, { method: 'DELETE' });
      setNote({ ok: true, text: `The webhook to ${h.url} is deleted.` });
      reload();
    } catch (err) {
      setNote({ ok: false, text: message(err) });
    }
  };
  return (
    <>
      <h2>Webhooks</h2>
      <p class="help">
        Incidents and anomalies go to a SIEM or chat tool as JSON or CEF, signed with the
        webhook&apos;s secret (header X-Hush-Signature).
      </p>
      <Status res={res} />
      {res.state === 'ok' && (
        <Table
          caption="Webhooks"
          csvName="hush-webhooks"
          rows={res.data.webhooks}
          empty="No webhook yet."
          columns={[
            {
              label: 'URL',
              value: (h) => h.url,
              render: (h) => <code class="secret">{h.url}</code>,
            },
            { label: 'Format', value: (h) => h.format },
            { label: 'Events', value: (h) => h.events.join('; ') },
            { label: 'Created', value: (h) => h.createdAt, render: (h) => fmtTime(h.createdAt) },
            { label: 'Delivered', value: (h) => h.deliveries.delivered, numeric: true },
            { label: 'Pending', value: (h) => h.deliveries.pending, numeric: true },
            { label: 'Failed', value: (h) => h.deliveries.failed, numeric: true },
            ...(admin
              ? [
                  {
                    label: 'Actions',
                    value: () => '',
                    render: (h: Webhook) => (
                      <span class="pager">
                        <button type="button" class="secondary" onClick={() => test(h)}>
                          Send a test event<span class="sr-only"> to {h.url}</span>
                        </button>
                        <button type="button" class="secondary" onClick={() => remove(h)}>
                          Delete<span class="sr-only"> the webhook to {h.url}</span>
                        </button>
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {note && (
        <p role={note.ok ? 'status' : 'alert'} class={note.ok ? 'notice' : 'error'}>
          {note.text}
        </p>
      )}
      {admin && (
        <form class="invite" aria-label="Add a webhook" onSubmit={add}>
          <label>
            Webhook URL{' '}
            <input
              type="url"
              name="url"
              required
              placeholder="https://siem.example.com/hush"
              size={40}
            />
          </label>
          <label>
            Format{' '}
            <select name="format">
              <option value="json">JSON</option>
              <option value="cef">CEF (ArcSight, QRadar, Sentinel)</option>
            </select>
          </label>
          <fieldset>
            <legend>Events</legend>
            <label>
              <input type="checkbox" name="events" value="incidents" defaultChecked /> incidents
            </label>{' '}
            <label>
              <input type="checkbox" name="events" value="anomalies" /> anomalies
            </label>
          </fieldset>
          <button type="submit">Add webhook</button>
        </form>
      )}
      {secret && (
        <p role="status" class="notice" data-secret-once>
          Webhook added. Its signing secret is shown only now; put it in the receiver to check the
          signature: <code class="secret">{secret}</code>
        </p>
      )}
    </>
  );
}

/** The signing keys: list for both, rotation with a grace period for admins. */
function Keys({ admin }: { admin: boolean }) {
  const [res, reload] = useLoad(() => api<{ keys: Key[] }>('/api/v1/settings/keys'), 'keys');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const rotate = async (e: SubmitEvent) => {
    e.preventDefault();
    const graceDays = Number(new FormData(e.currentTarget as HTMLFormElement).get('graceDays'));
    const ask =
      graceDays === 0
        ? 'Make a new signing key and stop the current one at once? Browsers that pin the current key will refuse new policies until they pin the new one.'
        : `Make a new signing key? The current one keeps signing for ${fmtInt(graceDays)} days; pin the new key in managed policy before then.`;
    if (!confirm(ask)) return;
    setNote(null);
    try {
      const r = await api<{ keys: Key[] }>('/api/v1/settings/keys/rotate', {
        body: { graceDays },
      });
      const current = r.keys.find((k) => k.status === 'current');
      setNote({
        ok: true,
        text: `New key ${current?.id ?? ''} is current; pin its public key in managed policy (policySigningKey).`,
      });
      reload();
    } catch (err) {
      setNote({ ok: false, text: message(err) });
    }
  };
  return (
    <>
      <h2>Policy signing keys</h2>
      <p class="help">
        Browsers accept a policy only when it is signed by the key they pin. After a rotation the
        old key keeps signing beside the new one for the grace period, so IT can pin the new key
        first.
      </p>
      <Status res={res} />
      {res.state === 'ok' && (
        <Table
          caption="Signing keys"
          csvName="hush-signing-keys"
          rows={res.data.keys}
          columns={[
            { label: 'Key id', value: (k) => k.id, render: (k) => <code>{k.id}</code> },
            {
              label: 'Status',
              value: (k) => k.status,
              render: (k) => (
                <span class={k.status === 'expired' ? undefined : 'good'}>
                  {k.status === 'previous' ? 'previous (still signing)' : k.status}
                </span>
              ),
            },
            { label: 'Created', value: (k) => k.createdAt, render: (k) => fmtTime(k.createdAt) },
            { label: 'Retired', value: (k) => k.retiredAt, render: (k) => fmtTime(k.retiredAt) },
            {
              label: 'Stops signing',
              value: (k) => k.expiresAt,
              render: (k) => fmtTime(k.expiresAt),
            },
            {
              label: 'Public key (SPKI, base64)',
              value: (k) => k.publicKey,
              render: (k) => <code class="secret">{k.publicKey}</code>,
            },
          ]}
        />
      )}
      {admin && res.state === 'ok' && (
        <form class="invite" aria-label="Rotate the signing key" onSubmit={rotate}>
          <label>
            Grace period (days the old key keeps signing){' '}
            <input
              type="number"
              name="graceDays"
              required
              min={0}
              max={3650}
              value={DEFAULT_GRACE_DAYS}
            />
          </label>
          <button type="submit">Rotate key</button>
        </form>
      )}
      {note && (
        <p role={note.ok ? 'status' : 'alert'} class={note.ok ? 'notice' : 'error'}>
          {note.text}
        </p>
      )}
    </>
  );
}
