/**
 * The people commands of `hush-server` (cli.ts hands them over):
 *
 *   tenant user add TENANT --role R [--teams "A,B"]   a one-time link that creates the user
 *   tenant user list TENANT
 *   tenant user revoke TENANT USER                    USER: id or email; ends their sessions
 *   tenant admin-link TENANT                          a first-admin link, while it has no admin
 *   tenant pseudonym-key TENANT                       the key IT gives the extension
 *   setup-links                                       first-admin links of every tenant lacking one
 *
 * No password or second factor is ever typed on a command line (it would stay in shell history):
 * users are added by a one-time link they open themselves.
 */
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/index.ts';
import { createInvitation, firstAdminInvitation, invitationPath } from './invitations.ts';
import { pseudonymKey } from './pseudonym.ts';
import { isRole, listUsers, PeopleError, revokeUser } from './users.ts';

/** A usage mistake: cli.ts prints it with the usage text and exits 2. */
export class PeopleUsage extends Error {}

export const PEOPLE_USAGE = `  tenant user add TENANT --role ROLE [--teams "A,B"]   ROLE: admin | manager | auditor
  tenant user list TENANT
  tenant user revoke TENANT USER             USER: id or email
  tenant admin-link TENANT                   one-time link for the first admin
  tenant pseudonym-key TENANT                the extension's pseudonym key (managed policy)
  setup-links                                first-admin links for tenants without an admin`;

export interface PeopleArgs {
  /** Positionals after `tenant` (or `setup-links`). */
  words: (string | undefined)[];
  role?: string | undefined;
  teams?: string | undefined;
  actor: string;
  /** Where the server is reached, for printing whole links. */
  baseUrl: string;
  now: number;
}

async function tenantExists(db: Db, tenantId: string): Promise<void> {
  const t = await db
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!t) throw new Error(`no tenant ${tenantId}`);
}

function need(x: string | undefined, what: string): string {
  if (!x) throw new PeopleUsage(`missing ${what}`);
  return x;
}

/** Runs one people command; returns what to print as JSON. */
export async function peopleCommand(db: Db, command: string, a: PeopleArgs): Promise<unknown> {
  const link = (token: string) => `${a.baseUrl}${invitationPath(token)}`;
  if (command === 'setup-links') {
    const tenants = await db
      .selectFrom('tenants')
      .select(['id', 'name'])
      .orderBy('created_at')
      .execute();
    const links = [];
    for (const t of tenants) {
      const inv = await firstAdminInvitation(db, t.id, a.now);
      if (inv)
        links.push({
          tenantId: t.id,
          name: t.name,
          link: link(inv.token),
          expiresAt: inv.expiresAt,
        });
    }
    return { links };
  }
  const [verb, sub, x, y] = a.words;
  if (verb === 'admin-link') {
    const tenantId = need(sub, 'TENANT');
    await tenantExists(db, tenantId);
    const inv = await firstAdminInvitation(db, tenantId, a.now);
    if (!inv) throw new Error(`tenant ${tenantId} already has an admin; admins invite others`);
    return { link: link(inv.token), expiresAt: inv.expiresAt };
  }
  if (verb === 'pseudonym-key') {
    const tenantId = need(sub, 'TENANT');
    await tenantExists(db, tenantId);
    const key = await pseudonymKey(db, tenantId, a.now);
    await appendAudit(db, { tenantId, actor: a.actor, action: 'pseudonym.key.read' }, a.now);
    return { pseudonymKey: key };
  }
  if (verb !== 'user') throw new PeopleUsage(`unknown command: tenant ${verb ?? ''}`);
  const tenantId = need(x, 'TENANT');
  await tenantExists(db, tenantId);
  switch (sub) {
    case 'add': {
      const role = need(a.role, '--role');
      if (!isRole(role)) throw new PeopleUsage('--role must be admin, manager or auditor');
      const teams = (a.teams ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (teams.some((t) => t.length > 200))
        throw new PeopleUsage('a team name is over 200 characters');
      const inv = await createInvitation(db, { tenantId, role, teams, createdBy: a.actor }, a.now);
      await appendAudit(
        db,
        { tenantId, actor: a.actor, action: 'user.invite', details: { role, teams: teams.length } },
        a.now,
      );
      return {
        role,
        teams: role === 'manager' ? teams : [],
        link: link(inv.token),
        expiresAt: inv.expiresAt,
      };
    }
    case 'list':
      return { users: await listUsers(db, tenantId) };
    case 'revoke': {
      try {
        const r = await revokeUser(db, tenantId, need(y, 'USER'), a.now);
        await appendAudit(
          db,
          {
            tenantId,
            actor: a.actor,
            action: 'user.revoke',
            target: r.user.id,
            details: { sessionsRevoked: r.sessions },
          },
          a.now,
        );
        return { user: r.user, sessionsRevoked: r.sessions };
      } catch (e) {
        if (e instanceof PeopleError) throw new Error(e.message, { cause: e });
        throw e;
      }
    }
    default:
      throw new PeopleUsage(`unknown command: tenant user ${sub ?? ''}`);
  }
}
