/**
 * The OpenAPI entries of the people routes (auth, users, devices, reveal) and the HTML pages,
 * spread into `ROUTES` in openapi.ts. Session routes need the `hush_session` cookie, and every
 * POST while signed in needs `X-CSRF-Token` (session.ts).
 */
import * as v from 'valibot';
import * as doc from '../routes/docs.ts';
import * as p from './schemas.ts';

// The people routes spell out why a session may be invalid; the meaning is the shared 401's.
const session: doc.Responses = {
  ...doc.roleOrCsrf,
  '401': doc.error('No valid session (missing, expired or revoked)'),
};
const write = doc.jsonWrite(session);

const route = (
  method: 'get' | 'post',
  path: string,
  summary: string,
  responses: doc.Responses,
  body?: v.GenericSchema,
): doc.RouteDoc => ({
  method,
  path,
  summary,
  device: false,
  responses,
  ...(body ? { body } : {}),
});

/** Every people route and page. */
export const PEOPLE_ROUTES: doc.RouteDoc[] = [
  route(
    'post',
    '/api/v1/auth/login',
    'Sign in with email, password and (always for admins) a TOTP code; sets the session cookie',
    {
      '200': ['Signed in', p.SessionResponse],
      ...doc.badInput,
      '401': doc.error('Wrong email, password or code (one message), or code needed'),
      '403': doc.error('An admin without a second factor'),
      '429': doc.error('Too many failed sign-ins for this account or address; see Retry-After'),
      ...doc.jsonBody,
    },
    p.LoginRequest,
  ),
  route('post', '/api/v1/auth/logout', 'End this session', {
    '200': ['Signed out', p.OkResponse],
    ...session,
  }),
  route('get', '/api/v1/auth/session', 'The signed-in user and the CSRF token', {
    '200': ['The session', p.SessionResponse],
    ...session,
  }),
  route(
    'post',
    '/api/v1/auth/password',
    'Change the password; ends every session of the user',
    { '200': ['Changed; sessions ended', p.RevokedResponse], ...write },
    p.PasswordChange,
  ),
  route('post', '/api/v1/auth/totp/setup', 'A new TOTP secret and its otpauth:// URI', {
    '200': ['Secret (not stored until confirmed)', p.TotpSetupResponse],
    ...session,
    '409': doc.error('A second factor is already set up'),
  }),
  route(
    'post',
    '/api/v1/auth/totp/confirm',
    'Store the TOTP secret once a code from it is shown',
    { '200': ['Stored', p.OkResponse], ...write },
    p.TotpConfirm,
  ),
  route(
    'post',
    '/api/v1/auth/setup',
    'Use a one-time invitation link: create the account (admins must add TOTP)',
    {
      '201': ['Created', v.object({ user: p.UserView })],
      ...doc.badInput,
      '401': doc.error('The link expired or was used'),
      '409': doc.error('Email taken, or an admin without TOTP'),
      ...doc.jsonBody,
    },
    p.SetupRequest,
  ),
  route('get', '/api/v1/users', "The tenant's users (admin, auditor)", {
    '200': ['Users', p.UserList],
    ...session,
  }),
  route(
    'post',
    '/api/v1/users/invitations',
    'A one-time link that creates a user of a role (and teams, for a manager) (admin)',
    { '201': ['The link, shown once', p.InvitationResponse], ...write },
    p.InvitationRequest,
  ),
  route(
    'post',
    '/api/v1/users/:id',
    "Change a user's role or teams (admin)",
    {
      '200': ['Changed', v.object({ user: p.UserView })],
      ...write,
      '404': doc.error('No such user in this tenant'),
      '409': doc.error('Would leave no admin, or an admin without TOTP'),
    },
    p.UserUpdate,
  ),
  route('post', '/api/v1/users/:id/revoke', 'Revoke a user and end their sessions (admin)', {
    '200': ['Revoked', p.RevokedResponse],
    ...session,
    '404': doc.error('No such user in this tenant'),
    '409': doc.error("The tenant's last admin"),
  }),
  route('post', '/api/v1/users/:id/sessions/revoke', "End a user's sessions (admin)", {
    '200': ['Ended', p.RevokedResponse],
    ...session,
    '404': doc.error('No such user in this tenant'),
  }),
  route('get', '/api/v1/devices', "The tenant's enrolled devices (admin, auditor)", {
    '200': ['Devices', p.DeviceList],
    ...session,
  }),
  route(
    'post',
    '/api/v1/devices/:id/revoke',
    'Revoke a device: its credential stops working (admin)',
    {
      '200': ['Revoked', v.object({ id: v.string(), revokedAt: v.string() })],
      ...session,
      '404': doc.error('No such device in this tenant'),
    },
  ),
  route(
    'post',
    '/api/v1/reveal/grants',
    'Ask to check who is behind a pseudonym: needs a fresh TOTP code and a reason; audited (admin)',
    { '201': ['A grant for 15 minutes', p.RevealGrantResponse], ...write },
    p.RevealGrantRequest,
  ),
  route(
    'post',
    '/api/v1/reveal/grants/:id/check',
    'Whether one of the candidate user ids is behind the granted pseudonym; audited (admin)',
    {
      '200': ['Match or not', p.RevealCheckResponse],
      ...write,
      '404': doc.error('No such grant of yours'),
    },
    p.RevealCheckRequest,
  ),
  route('get', '/setup', 'HTML: the page of a one-time link (query: token)', {
    '200': ['The form', null],
    '404': ['The link expired or was used', null],
  }),
  route('post', '/setup', 'HTML form post: create the account', {
    '200': ['Created', null],
    '400': ['Refused; the form again with the reason', null],
    '404': ['The link expired or was used', null],
  }),
  route('get', '/login', 'HTML: the sign-in form (query: tenant)', { '200': ['The form', null] }),
  route('post', '/login', 'HTML form post: sign in', {
    '200': ['Signed in', null],
    '401': ['Refused; the form again', null],
    '429': ['Locked for a while', null],
  }),
  route('post', '/logout', 'HTML form post: sign out (field _csrf)', {
    '200': ['Signed out', null],
    ...session,
  }),
];
