/**
 * The dashboard's own sign-in page (issue 6): tenant, email, password and the authenticator code,
 * posted as JSON to the backend's sign-in API (server/routes/auth.ts), which sets the session
 * cookie and answers the CSRF token. Every failure shows the server's one message.
 */
import { useState } from 'preact/hooks';
import { api, ApiError, type Session } from '../api.ts';

export function Login({
  tenant,
  onSignedIn,
}: {
  tenant: string;
  onSignedIn: (s: Session) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const get = (k: string) => String(f.get(k) ?? '').trim();
    const code = get('code');
    setBusy(true);
    setError(null);
    try {
      const s = await api<Session>('/api/v1/auth/login', {
        body: {
          tenantId: get('tenantId'),
          email: get('email'),
          password: String(f.get('password') ?? ''),
          ...(code ? { code } : {}),
        },
      });
      onSignedIn(s);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="login">
      <h1>Sign in to Hush</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <form onSubmit={submit}>
        <label for="tenantId">Tenant id</label>
        <input id="tenantId" name="tenantId" required value={tenant} autoComplete="organization" />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
        />
        <label for="code">Authenticator code</label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          pattern="[0-9]{6}"
          autoComplete="one-time-code"
          aria-describedby="code-help"
        />
        <p id="code-help" class="help">
          The 6-digit code from your authenticator app (always needed for admins).
        </p>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
