/**
 * Request and response shapes of the people routes (auth, users, devices, reveal): the routes
 * validate with these and the OpenAPI description (people/openapi.ts) is generated from them.
 */
import * as v from 'valibot';
import { PASSWORD_MAX } from './password.ts';

const strict = <T extends v.ObjectEntries>(entries: T) => {
  const allowed = Object.keys(entries).join(', ');
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never'
      ? `unknown field (allowed: ${allowed})`
      : `must be an object with ${allowed}`,
  );
};

const TenantId = v.pipe(
  v.string('must be a tenant id (a string)'),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be letters, digits, dashes or underscores'),
);
const Email = v.pipe(
  v.string('must be an email address (a string)'),
  v.trim(),
  v.maxLength(254, 'must be at most 254 characters'),
  v.email('must be an email address like ana@example.com'),
);
// Length rules for new passwords are checked by passwordProblem (one message for API and CLI);
// here only the cap, so a sign-in never hashes a megabyte.
const Password = v.pipe(
  v.string('must be the password (a string)'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(PASSWORD_MAX * 4, `must be at most ${PASSWORD_MAX} characters`),
);
const Code = v.pipe(
  v.string('must be the 6-digit code from the authenticator app (a string)'),
  v.regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app'),
);
const Role = v.picklist(
  ['admin', 'manager', 'auditor'],
  (i) => `must be a role: admin, manager or auditor (got ${i.received})`,
);
const Team = v.pipe(
  v.string('must be a team name (a string)'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(200, 'must be at most 200 characters'),
  v.regex(/^[^\u0000-\u001f\u007f]*$/, 'must not hold control characters'),
);
const Teams = v.pipe(v.array(Team, 'must be a list of team names'), v.maxLength(100));
const Pseudonym = v.pipe(
  v.string('must be the user pseudonym (a string)'),
  v.regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be a pseudonym: 16 to 128 base64url characters'),
);

export const UserView = v.object({
  id: v.string(),
  email: v.string(),
  role: Role,
  teams: v.array(v.string()),
  totp: v.boolean(),
  createdAt: v.string(),
  revokedAt: v.nullable(v.string()),
});

// --- Sign-in ------------------------------------------------------------------------------

export const LoginRequest = strict({
  tenantId: TenantId,
  email: Email,
  password: Password,
  /** Required when the user has a second factor (every admin does). */
  code: v.optional(Code),
});

export const SessionResponse = v.object({
  user: UserView,
  /** Send as `X-CSRF-Token` on every POST while signed in. */
  csrfToken: v.string(),
  expiresAt: v.string(),
});

export const PasswordChange = strict({ currentPassword: Password, newPassword: Password });

export const TotpSetupResponse = v.object({ secret: v.string(), uri: v.string() });
export const TotpConfirm = strict({
  secret: v.pipe(
    v.string('must be the base32 secret from /totp/setup'),
    v.regex(/^[A-Z2-7]{26,64}$/, 'must be a base32 secret'),
  ),
  code: Code,
});

export const SetupRequest = strict({
  token: v.pipe(v.string('must be the token from the link'), v.maxLength(128)),
  email: Email,
  password: Password,
  totpSecret: v.optional(
    v.pipe(v.string('must be a base32 secret'), v.regex(/^[A-Z2-7]{26,64}$/, 'must be base32')),
  ),
  totpCode: v.optional(Code),
});

export const OkResponse = v.object({ ok: v.boolean() });

// --- Users --------------------------------------------------------------------------------

export const UserList = v.object({ users: v.array(UserView) });

export const InvitationRequest = strict({ role: Role, teams: v.optional(Teams) });
export const InvitationResponse = v.object({
  /** Shown once: the one-time link is `<server>/setup?token=<token>`. */
  token: v.string(),
  path: v.string(),
  expiresAt: v.string(),
});

export const UserUpdate = strict({ role: v.optional(Role), teams: v.optional(Teams) });

export const RevokedResponse = v.object({ sessions: v.number() });

// --- Devices ------------------------------------------------------------------------------

export const DeviceView = v.object({
  id: v.string(),
  browser: v.string(),
  extensionVersion: v.string(),
  enrolledAt: v.string(),
  lastSeenAt: v.string(),
  revokedAt: v.nullable(v.string()),
});
export const DeviceList = v.object({ devices: v.array(DeviceView) });

// --- Reveal -------------------------------------------------------------------------------

export const REASON_MIN = 10;
export const REASON_MAX = 500;
export const CANDIDATES_MAX = 100;

export const RevealGrantRequest = strict({
  pseudonym: Pseudonym,
  reason: v.pipe(
    v.string('must be the reason for the reveal (a string)'),
    v.trim(),
    v.minLength(REASON_MIN, `must say why, in at least ${REASON_MIN} characters`),
    v.maxLength(REASON_MAX, `must be at most ${REASON_MAX} characters`),
  ),
  code: Code,
});
export const RevealGrantResponse = v.object({ grantId: v.string(), expiresAt: v.string() });

export const RevealCheckRequest = strict({
  candidates: v.pipe(
    v.array(
      v.pipe(
        v.string('must be a user id or email (a string)'),
        v.minLength(1, 'must not be empty'),
        v.maxLength(320, 'must be at most 320 characters'),
      ),
      'must be a list of candidate user ids or emails',
    ),
    v.minLength(1, 'must name at least one candidate'),
    v.maxLength(CANDIDATES_MAX, `must name at most ${CANDIDATES_MAX} candidates`),
  ),
});
export const RevealCheckResponse = v.object({
  match: v.boolean(),
  /** The index of the matching candidate in the request, or null. */
  index: v.nullable(v.number()),
});
