/**
 * Dashboard users: one tenant's admins, managers and auditors. Emails are unique within a tenant
 * and kept trimmed and lower-cased; passwords only as scrypt hashes (password.ts); TOTP secrets as
 * base32 (the server must be able to compute codes, so they cannot be hashed).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.ts';
import type { UserTable } from '../db/schema.ts';
import { parseTeams, revokeUserSessions, ROLES, type Role } from '../session.ts';
import { DEFAULT_SCRYPT, hashPassword, passwordProblem, type ScryptParams } from './password.ts';

/** A refused change to users, with a code the routes map to 4xx and the CLI to a message. */
export class PeopleError extends Error {
  constructor(
    readonly code:
      'invalid' | 'exists' | 'not_found' | 'totp_required' | 'last_admin' | 'invitation_invalid',
    message: string,
  ) {
    super(message);
  }
}

/** How users are shown by the API and the CLI (never the hash or the TOTP secret). */
export interface UserView {
  id: string;
  email: string;
  role: Role;
  teams: string[];
  totp: boolean;
  createdAt: string;
  revokedAt: string | null;
}

/** Trims, NFC-normalises and lower-cases an email so one person has one account per tenant. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** Whether a string is a role. */
export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}

/** The API/CLI view of a row. */
export function userView(u: UserTable): UserView {
  return {
    id: u.id,
    email: u.email,
    role: isRole(u.role) ? u.role : 'auditor',
    teams: parseTeams(u.teams),
    totp: u.totp_secret !== null,
    createdAt: u.created_at,
    revokedAt: u.revoked_at,
  };
}

export interface NewUser {
  tenantId: string;
  email: string;
  role: Role;
  teams: string[];
  password: string;
  /** Base32; required for admins (they cannot sign in without a second factor). */
  totpSecret: string | null;
  /** The step of the code that confirmed the secret, so that code cannot be used again. */
  totpStep?: number | null;
}

/** Creates a user; refuses a duplicate email, a weak password and an admin without TOTP. */
export async function createUser(
  db: Db,
  u: NewUser,
  now: number,
  cost: ScryptParams = DEFAULT_SCRYPT,
): Promise<UserView> {
  const problem = passwordProblem(u.password);
  if (problem) throw new PeopleError('invalid', problem);
  if (u.role === 'admin' && !u.totpSecret) {
    throw new PeopleError('totp_required', 'an admin needs a TOTP second factor');
  }
  const email = normaliseEmail(u.email);
  const exists = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', u.tenantId)
    .where('email', '=', email)
    .executeTakeFirst();
  if (exists) throw new PeopleError('exists', 'a user with this email already exists');
  const at = new Date(now).toISOString();
  const row: UserTable = {
    id: randomUUID(),
    tenant_id: u.tenantId,
    email,
    role: u.role,
    teams: JSON.stringify(u.role === 'manager' ? u.teams : []),
    password_hash: await hashPassword(u.password, cost),
    totp_secret: u.totpSecret,
    totp_last_step: u.totpStep ?? null,
    created_at: at,
    password_changed_at: at,
    revoked_at: null,
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (err) {
    // Two requests creating the same email at once: the unique constraint decides.
    const again = await db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', u.tenantId)
      .where('email', '=', email)
      .executeTakeFirst();
    if (again) throw new PeopleError('exists', 'a user with this email already exists');
    throw err;
  }
  return userView(row);
}

/** A tenant's users, oldest first. */
export async function listUsers(db: Db, tenantId: string): Promise<UserView[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('email')
    .execute();
  return rows.map(userView);
}

/** One user of a tenant by id or email; null when the tenant has none such. */
export async function findUser(
  db: Db,
  tenantId: string,
  idOrEmail: string,
): Promise<UserTable | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('id', '=', idOrEmail), eb('email', '=', normaliseEmail(idOrEmail))]))
    .executeTakeFirst();
  return row ?? null;
}

/** Whether the tenant has an admin who can sign in. */
export async function hasActiveAdmin(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'admin')
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Revokes a user: they cannot sign in and every session ends. Refuses to revoke the tenant's last
 * active admin (nobody could then manage the tenant from the dashboard).
 */
export async function revokeUser(
  db: Db,
  tenantId: string,
  idOrEmail: string,
  now: number,
): Promise<{ user: UserView; sessions: number }> {
  const u = await findUser(db, tenantId, idOrEmail);
  if (!u) throw new PeopleError('not_found', 'no such user in this tenant');
  if (u.role === 'admin' && u.revoked_at === null) {
    const admins = await db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('role', '=', 'admin')
      .where('revoked_at', 'is', null)
      .execute();
    if (admins.length <= 1) {
      throw new PeopleError('last_admin', "the tenant's last admin cannot be revoked");
    }
  }
  const at = new Date(now).toISOString();
  await db
    .updateTable('users')
    .set({ revoked_at: u.revoked_at ?? at })
    .where('id', '=', u.id)
    .execute();
  const sessions = await revokeUserSessions(db, u.id, now);
  return { user: userView({ ...u, revoked_at: u.revoked_at ?? at }), sessions };
}

/** Changes a user's role and/or teams; an admin must have a second factor. */
export async function updateUser(
  db: Db,
  tenantId: string,
  id: string,
  change: { role?: Role | undefined; teams?: string[] | undefined },
): Promise<UserView> {
  const u = await findUser(db, tenantId, id);
  if (!u || u.id !== id) throw new PeopleError('not_found', 'no such user in this tenant');
  const role = change.role ?? (isRole(u.role) ? u.role : 'auditor');
  if (role === 'admin' && !u.totp_secret) {
    throw new PeopleError(
      'totp_required',
      'the user must set up a TOTP second factor before becoming an admin',
    );
  }
  if (u.role === 'admin' && role !== 'admin' && u.revoked_at === null) {
    const others = await db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('role', '=', 'admin')
      .where('revoked_at', 'is', null)
      .where('id', '!=', u.id)
      .executeTakeFirst();
    if (!others) throw new PeopleError('last_admin', "the tenant's last admin must stay admin");
  }
  const teams = role === 'manager' ? (change.teams ?? parseTeams(u.teams)) : [];
  await db
    .updateTable('users')
    .set({ role, teams: JSON.stringify(teams) })
    .where('id', '=', u.id)
    .execute();
  return userView({ ...u, role, teams: JSON.stringify(teams) });
}

/** Sets a new password and ends every session of the user (a changed password means a new start). */
export async function setPassword(
  db: Db,
  userId: string,
  password: string,
  now: number,
  cost: ScryptParams = DEFAULT_SCRYPT,
): Promise<number> {
  const problem = passwordProblem(password);
  if (problem) throw new PeopleError('invalid', problem);
  await db
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password, cost),
      password_changed_at: new Date(now).toISOString(),
    })
    .where('id', '=', userId)
    .execute();
  return revokeUserSessions(db, userId, now);
}
