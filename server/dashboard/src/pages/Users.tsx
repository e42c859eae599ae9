/**
 * Users and roles (issue 6) on the people API (server/routes/users.ts): admins and auditors see
 * the tenant's users; admins also invite (a one-time link, shown once) and revoke. The auditor
 * sees no control that would change anything (the server refuses them anyway).
 */
import { useState } from 'preact/hooks';
import { api, ApiError, type User } from '../api.ts';
import { Status, useLoad } from '../components/common.tsx';
import { Table } from '../components/Table.tsx';
import { fmtTime } from '../format.ts';

export function Users({ user }: { user: User; query: URLSearchParams }) {
  const [res, reload] = useLoad(() => api<{ users: User[] }>('/api/v1/users'), 'users');
  const admin = user.role === 'admin';
  const [message, setMessage] = useState<string | null>(null);
  const revoke = async (u: User) => {
    if (!confirm(`Revoke ${u.email}? They are signed out and cannot sign in again.`)) return;
    try {
      await api(`/api/v1/users/${u.id}/revoke`, { method: 'POST', body: {} });
      setMessage(`${u.email} is revoked.`);
      reload();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section>
      <h1>Users and roles</h1>
      <p class="lede">
        Admins run the tenant; managers see only their teams; auditors read users, devices and the
        audit log.
        {!admin && ' You can read this list; only an admin can change it.'}
      </p>
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      {admin && <Invite />}
      <Status res={res} />
      {res.state === 'ok' && (
        <Table
          caption="Users"
          csvName="hush-users"
          rows={res.data.users}
          columns={[
            { label: 'Email', value: (u) => u.email },
            { label: 'Role', value: (u) => u.role },
            { label: 'Teams', value: (u) => u.teams.join('; ') },
            { label: 'Second factor', value: (u) => (u.totp ? 'yes' : 'no') },
            { label: 'Created', value: (u) => u.createdAt, render: (u) => fmtTime(u.createdAt) },
            {
              label: 'Status',
              value: (u) => (u.revokedAt ? `revoked ${u.revokedAt}` : 'active'),
              render: (u) => (u.revokedAt ? `revoked ${fmtTime(u.revokedAt)}` : 'active'),
            },
            ...(admin
              ? [
                  {
                    label: 'Actions',
                    value: () => '',
                    render: (u: User) =>
                      u.revokedAt || u.id === user.id ? null : (
                        <button type="button" class="secondary" onClick={() => revoke(u)}>
                          Revoke<span class="sr-only"> {u.email}</span>
                        </button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </section>
  );
}

/** The invitation form: role and teams in, a one-time link out (shown once, never stored). */
function Invite() {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const role = String(f.get('role'));
    const teams = String(f.get('teams') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    setError(null);
    try {
      const r = await api<{ path: string; expiresAt: string }>('/api/v1/users/invitations', {
        body: { role, ...(role === 'manager' ? { teams } : {}) },
      });
      setLink(`${location.origin}${r.path} (valid until ${fmtTime(r.expiresAt)})`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form class="invite" onSubmit={submit} aria-label="Invite a user">
      <h2>Invite a user</h2>
      <label>
        Role{' '}
        <select name="role">
          <option value="manager">manager</option>
          <option value="auditor">auditor</option>
          <option value="admin">admin</option>
        </select>
      </label>
      <label>
        Teams (managers; comma-separated) <input name="teams" />
      </label>
      <button type="submit">Make a one-time link</button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {link && (
        <p role="status" class="notice">
          Send this link to the person; it is shown only now: <code class="secret">{link}</code>
        </p>
      )}
    </form>
  );
}
