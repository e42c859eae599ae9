/**
 * The dashboard shell: checks the session, shows the sign-in page without one, otherwise the
 * navigation for the user's role and the current page. Role limits are the server's (each API
 * answers 403 to a role it does not serve); the shell only leaves out what a role cannot open
 * and says so plainly when such a page is opened by its address.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, setCsrfToken, type Session, type User } from './api.ts';
import { Login } from './pages/Login.tsx';
import { Overview } from './pages/Overview.tsx';
import { Devices } from './pages/Devices.tsx';
import { Users } from './pages/Users.tsx';
import { Audit } from './pages/Audit.tsx';
import { Policy } from './pages/Policy.tsx';
import { FalseAlarms } from './pages/FalseAlarms.tsx';
import { Settings } from './pages/Settings.tsx';
import { Overrides } from './pages/Overrides.tsx';
import { Teams } from './pages/Teams.tsx';
import { ShadowAi } from './pages/ShadowAi.tsx';
import { BASE, navigate, onLinkClick, useLocation } from './router.ts';

type Role = User['role'];
const READERS: Role[] = ['admin', 'auditor'];

/** Every page: its path, its name in the navigation, and the roles the server lets read it. */
export const PAGES = [
  {
    path: '/',
    label: 'Overview',
    roles: ['admin', 'manager', 'auditor'] as Role[],
    Page: Overview,
  },
  { path: '/devices', label: 'Devices', roles: READERS, Page: Devices },
  { path: '/users', label: 'Users and roles', roles: READERS, Page: Users },
  { path: '/audit', label: 'Audit log', roles: READERS, Page: Audit },
  {
    path: '/overrides',
    label: 'Overrides',
    roles: ['admin', 'manager', 'auditor'] as Role[],
    Page: Overrides,
  },
  { path: '/teams', label: 'Teams', roles: ['admin', 'manager', 'auditor'] as Role[], Page: Teams },
  {
    path: '/policy',
    label: 'Policy',
    roles: ['admin', 'manager', 'auditor'] as Role[],
    Page: Policy,
  },
  { path: '/false-alarms', label: 'False alarms', roles: READERS, Page: FalseAlarms },
  { path: '/settings', label: 'Settings', roles: READERS, Page: Settings },
  {
    path: '/shadow-ai',
    label: 'Shadow AI',
    roles: ['admin', 'manager', 'auditor'] as Role[],
    Page: ShadowAi,
  },
];

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const loc = useLocation();
  const main = useRef<HTMLElement>(null);

  const load = () =>
    api<Session>('/api/v1/auth/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setSession(s);
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setSession(null);
        else setError(e instanceof Error ? e.message : String(e));
      });
  useEffect(() => {
    void load();
  }, []);

  // After a navigation, focus moves to the page's content so keyboard and screen-reader users
  // start there, not at the top of the navigation again.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [loc.path]);

  if (error)
    return (
      <p role="alert" class="error">
        The dashboard could not start: {error}
      </p>
    );
  if (session === undefined) return <p class="loading">Loading…</p>;
  if (session === null || loc.path === '/login') {
    return (
      <Login
        tenant={loc.query.get('tenant') ?? ''}
        onSignedIn={(s) => {
          setCsrfToken(s.csrfToken);
          setSession(s);
          if (loc.path === '/login') navigate('/', true);
        }}
      />
    );
  }
  const user = session.user;
  const page = PAGES.find((p) => p.path === loc.path);
  const signOut = async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken('');
    setSession(null);
  };
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Hush</span>
        <nav aria-label="Dashboard">
          <ul>
            {PAGES.filter((p) => p.roles.includes(user.role)).map((p) => (
              <li>
                <a
                  href={BASE + p.path}
                  aria-current={p.path === loc.path ? 'page' : undefined}
                  onClick={(e) => onLinkClick(e, p.path)}
                >
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {user.email} <span class="role">({user.role})</span>
          </span>
          <button type="button" class="secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {!page ? (
          <NotFound />
        ) : !page.roles.includes(user.role) ? (
          <Forbidden role={user.role} label={page.label} />
        ) : (
          <page.Page user={user} query={loc.query} />
        )}
      </main>
    </>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <a href={`${BASE}/`} onClick={(e) => onLinkClick(e, '/')}>
          Go to the overview
        </a>
      </p>
    </section>
  );
}

function Forbidden({ role, label }: { role: Role; label: string }) {
  return (
    <section>
      <h1>Not available</h1>
      <p role="alert" class="notice">
        {label} is not available to the {role} role. Ask an admin if you need it.
      </p>
    </section>
  );
}
