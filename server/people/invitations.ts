/**
 * One-time links that create a user: the first admin of a tenant (printed by `npm start` while the
 * tenant has none) and users an admin invites. The token is 256 random bits shown once in the
 * link; only its SHA-256 is stored. A link expires, and the first successful use consumes it (a
 * conditional UPDATE, so two instances cannot both use it).
 */
import type { Db } from '../db/index.ts';
import { randomSecret, sha256Hex } from '../crypto.ts';
import type { Role } from '../session.ts';
import { createUser, isRole, PeopleError, type UserView } from './users.ts';
import type { ScryptParams } from './password.ts';
import { isTotpSecret, totpStep } from './totp.ts';
import { parseTeams } from '../session.ts';

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 24 * 60 * 60_000;

/** The path of the page that uses a link: `/setup?token=...`. */
export function invitationPath(token: string): string {
  return `/setup?token=${encodeURIComponent(token)}`;
}

/** Makes a one-time link's token for a new user of `role` (and teams, for a manager). */
export async function createInvitation(
  db: Db,
  inv: { tenantId: string; role: Role; teams: string[]; createdBy: string },
  now: number,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomSecret(32);
  const expiresAt = new Date(now + INVITATION_TTL_MS).toISOString();
  await db
    .insertInto('invitations')
    .values({
      token_hash: sha256Hex(token),
      tenant_id: inv.tenantId,
      role: inv.role,
      teams: JSON.stringify(inv.role === 'manager' ? inv.teams : []),
      created_by: inv.createdBy,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** The invitation a token names, while it is unused and unexpired; null otherwise. */
export async function openInvitation(db: Db, token: string, now: number) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || Date.parse(row.expires_at) <= now || !isRole(row.role)) {
    return null;
  }
  return { tenantId: row.tenant_id, role: row.role, teams: parseTeams(row.teams) };
}

export interface Acceptance {
  token: string;
  email: string;
  password: string;
  /** The base32 secret shown on the setup page; null to skip TOTP (not allowed for admins). */
  totpSecret: string | null;
  totpCode: string | null;
}

/**
 * Uses an invitation: checks everything first (so a typo does not burn the link), then consumes
 * the token and creates the user in one transaction. The TOTP code proves the authenticator app
 * holds the secret; its step is recorded so the same code cannot also sign in.
 */
export async function acceptInvitation(
  db: Db,
  a: Acceptance,
  now: number,
  cost?: ScryptParams,
): Promise<{ tenantId: string; user: UserView }> {
  const inv = await openInvitation(db, a.token, now);
  const invalid = () =>
    new PeopleError('invitation_invalid', 'this link is not valid: it expired or was already used');
  if (!inv) throw invalid();
  let step: number | null = null;
  if (a.totpSecret) {
    if (!isTotpSecret(a.totpSecret))
      throw new PeopleError('invalid', 'the TOTP secret is malformed');
    step = totpStep(a.totpSecret, a.totpCode ?? '', now);
    if (step === null) {
      throw new PeopleError('invalid', 'the code does not match; check the time on your phone');
    }
  } else if (inv.role === 'admin') {
    throw new PeopleError('totp_required', 'an admin needs a TOTP second factor');
  }
  return db.transaction().execute(async (tx) => {
    const used = await tx
      .updateTable('invitations')
      .set({ used_at: new Date(now).toISOString() })
      .where('token_hash', '=', sha256Hex(a.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date(now).toISOString())
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw invalid();
    const user = await createUser(
      tx,
      {
        tenantId: inv.tenantId,
        email: a.email,
        role: inv.role,
        teams: inv.teams,
        password: a.password,
        totpSecret: a.totpSecret,
        totpStep: step,
      },
      now,
      cost,
    );
    return { tenantId: inv.tenantId, user };
  });
}

/**
 * The first-admin link `npm start` prints: a new one while the tenant has no active admin, else
 * null. Earlier unused first-admin links are withdrawn, so only the latest printed link works.
 */
export async function firstAdminInvitation(
  db: Db,
  tenantId: string,
  now: number,
): Promise<{ token: string; expiresAt: string } | null> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'admin')
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (admin) return null;
  await db
    .updateTable('invitations')
    .set({ expires_at: new Date(now).toISOString() })
    .where('tenant_id', '=', tenantId)
    .where('created_by', '=', 'first-admin')
    .where('used_at', 'is', null)
    .execute();
  return createInvitation(
    db,
    { tenantId, role: 'admin', teams: [], createdBy: 'first-admin' },
    now,
  );
}
