/**
 * `/api/v1/settings/*`: the tenant's settings for the dashboard's Settings page (issue 6:
 * "settings (retention, k, webhooks, keys)"). Admins change them; auditors read them.
 *
 * - Retention days, k (the fewest people a group may show) and the telemetry level, read and
 *   changed together. Each change goes through the function the CLI uses (retention.ts
 *   setRetention, summary.ts setMinGroupSize, admin.ts setTelemetry) and is audited with the
 *   same action the CLI or the older route writes; a value sent unchanged writes nothing.
 * - The signing keys: every key the tenant has had (public halves only) with its dates, and
 *   rotation with a grace period (admin.ts rotateKey, audited as `key.rotate`).
 *
 * Webhooks have their own routes (routes/webhooks.ts), which the page calls as they are.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { rotateKey, setTelemetry, TELEMETRY_LEVELS, type TelemetryLevel } from '../admin.ts';
import { appendAudit } from '../audit.ts';
import type { Db } from '../db/index.ts';
import { fail, readBody, type AppEnv, type Deps } from '../http.ts';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, setRetention } from '../retention.ts';
import { requireUser } from '../session.ts';
import { setMinGroupSize } from '../summary.ts';
import * as doc from './docs.ts';

/** The bounds of k (summary.ts setMinGroupSize refuses anything else). */
export const MIN_GROUP_SIZE_MIN = 2;
export const MIN_GROUP_SIZE_MAX = 1000;
/** The longest grace period a rotation may give the old key (as HUSH_KEY_GRACE_DAYS, config.ts). */
export const GRACE_DAYS_MAX = 3650;

const SETTINGS = ['retentionDays', 'minGroupSize', 'telemetry'] as const;

const WholeNumber = (name: string, min: number, max: number) =>
  v.pipe(
    v.number(`${name} must be a number`),
    v.integer(`${name} must be a whole number`),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );

/** `POST /api/v1/settings` body: the settings to change, at least one. */
export const SettingsUpdate = v.pipe(
  v.strictObject(
    {
      retentionDays: v.optional(
        WholeNumber('retentionDays', RETENTION_DAYS_MIN, RETENTION_DAYS_MAX),
      ),
      minGroupSize: v.optional(WholeNumber('minGroupSize', MIN_GROUP_SIZE_MIN, MIN_GROUP_SIZE_MAX)),
      telemetry: v.optional(
        v.picklist(TELEMETRY_LEVELS, `telemetry must be one of ${TELEMETRY_LEVELS.join(', ')}`),
      ),
    },
    (i) =>
      i.expected === 'never'
        ? `unknown field (allowed: ${SETTINGS.join(', ')})`
        : `must be an object with ${SETTINGS.join(', ')}`,
  ),
  v.check(
    (b) => SETTINGS.some((k) => b[k] !== undefined),
    `name at least one setting to change: ${SETTINGS.join(', ')}`,
  ),
);

/** `GET /api/v1/settings` answer. */
export const SettingsResponse = v.object({
  /** Days incidents and false alarms are kept (retention.ts). */
  retentionDays: v.number(),
  /** k for k-anonymity (summary.ts). */
  minGroupSize: v.number(),
  /** Whether masked override reasons may be stored (`counts-and-reasons`) or not (`counts`). */
  telemetry: v.picklist(TELEMETRY_LEVELS),
  limits: v.object({
    retentionDays: v.object({ min: v.number(), max: v.number() }),
    minGroupSize: v.object({ min: v.number(), max: v.number() }),
    graceDays: v.object({ min: v.number(), max: v.number() }),
  }),
});

/** `POST /api/v1/settings` answer: the settings now, and which of them this call changed. */
export const SettingsUpdated = v.object({
  ...SettingsResponse.entries,
  changed: v.array(v.picklist(SETTINGS)),
});

/** `POST /api/v1/settings/keys/rotate` body. */
export const KeyRotate = v.strictObject(
  {
    graceDays: WholeNumber('graceDays', 0, GRACE_DAYS_MAX),
  },
  (i) =>
    i.expected === 'never'
      ? 'unknown field (allowed: graceDays)'
      : 'must be an object with graceDays',
);

/** A key's state now: the one that signs alone, one still signing in its grace, or done. */
export const KEY_STATUSES = ['current', 'previous', 'expired'] as const;

/** `GET /api/v1/settings/keys` and the rotate answer: public halves only, newest first. */
export const KeysList = v.object({
  keys: v.array(
    v.object({
      id: v.string(),
      /** SubjectPublicKeyInfo DER in base64: what IT pins in managed policy. */
      publicKey: v.string(),
      status: v.picklist(KEY_STATUSES),
      createdAt: v.string(),
      retiredAt: v.nullable(v.string()),
      /** When a retired key stops signing; null for the current key. */
      expiresAt: v.nullable(v.string()),
    }),
  ),
});

const isTelemetryLevel = (s: string): s is TelemetryLevel =>
  (TELEMETRY_LEVELS as readonly string[]).includes(s);

async function readSettings(
  db: Db,
  tenantId: string,
): Promise<v.InferOutput<typeof SettingsResponse>> {
  const t = await db
    .selectFrom('tenants')
    .select(['retention_days', 'min_group_size', 'telemetry'])
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return {
    retentionDays: Number(t.retention_days),
    minGroupSize: Number(t.min_group_size),
    // A value outside the list can only come from a hand-edited row: it reads as the stricter.
    telemetry: isTelemetryLevel(t.telemetry) ? t.telemetry : 'counts',
    limits: {
      retentionDays: { min: RETENTION_DAYS_MIN, max: RETENTION_DAYS_MAX },
      minGroupSize: { min: MIN_GROUP_SIZE_MIN, max: MIN_GROUP_SIZE_MAX },
      graceDays: { min: 0, max: GRACE_DAYS_MAX },
    },
  };
}

async function listKeys(db: Db, tenantId: string, now: number) {
  const rows = await db
    .selectFrom('signing_keys')
    .select(['id', 'public_key', 'created_at', 'retired_at', 'expires_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const at = new Date(now).toISOString();
  return {
    keys: rows.map((k) => ({
      id: k.id,
      publicKey: k.public_key,
      // The same rule as admin.ts signingKeys: a retired key signs until its expiry.
      status:
        k.retired_at === null
          ? ('current' as const)
          : k.expires_at !== null && k.expires_at > at
            ? ('previous' as const)
            : ('expired' as const),
      createdAt: k.created_at,
      retiredAt: k.retired_at,
      expiresAt: k.expires_at,
    })),
  };
}

export function settingsRoutes(deps: Deps) {
  const readers = requireUser(deps, ['admin', 'auditor']);
  const admin = requireUser(deps, ['admin']);
  return new Hono<AppEnv>()
    .get('/', readers, async (c) => c.json(await readSettings(deps.db, c.var.user.tenantId)))
    .post('/', admin, async (c) => {
      const body = await readBody(c, SettingsUpdate);
      const user = c.var.user;
      const actor = `user:${user.id}`;
      const before = await readSettings(deps.db, user.tenantId);
      const changed: (typeof SETTINGS)[number][] = [];
      // One change at a time, each in the audited function the CLI uses; the body was checked
      // whole first, so a bad value changes nothing.
      if (body.retentionDays !== undefined && body.retentionDays !== before.retentionDays) {
        await setRetention(deps.db, user.tenantId, body.retentionDays, {
          actor,
          now: deps.now(),
        });
        changed.push('retentionDays');
      }
      if (body.minGroupSize !== undefined && body.minGroupSize !== before.minGroupSize) {
        await setMinGroupSize(deps.db, user.tenantId, body.minGroupSize);
        // The action and details POST /api/v1/summary/settings writes, so one query finds both.
        await appendAudit(
          deps.db,
          {
            tenantId: user.tenantId,
            actor,
            action: 'summary.k.set',
            details: { minGroupSize: body.minGroupSize },
          },
          deps.now(),
        );
        changed.push('minGroupSize');
      }
      if (body.telemetry !== undefined && body.telemetry !== before.telemetry) {
        await setTelemetry(deps.db, user.tenantId, body.telemetry, { actor, now: deps.now() });
        changed.push('telemetry');
      }
      return c.json({ ...(await readSettings(deps.db, user.tenantId)), changed });
    })
    .get('/keys', readers, async (c) =>
      c.json(await listKeys(deps.db, c.var.user.tenantId, deps.now())),
    )
    .post('/keys/rotate', admin, async (c) => {
      const { graceDays } = await readBody(c, KeyRotate);
      const user = c.var.user;
      const now = deps.now();
      const current = await deps.db
        .selectFrom('signing_keys')
        .select('id')
        .where('tenant_id', '=', user.tenantId)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
      // Every tenant is created with a key; one without is broken, not a caller's mistake to fix.
      if (!current) fail(409, 'no_current_key', 'the tenant has no current signing key to rotate');
      await rotateKey(deps.db, user.tenantId, {
        graceDays,
        now,
        actor: `user:${user.id}`,
        secretKey: deps.secretKey,
      });
      return c.json(await listKeys(deps.db, user.tenantId, now));
    });
}

/** What a settings write may refuse. */
const write: doc.Responses = {
  ...doc.adminWrite,
  '400': doc.error('Bad body; `message` names the field'),
};

/** The OpenAPI entries of the settings routes, spread into ROUTES (openapi.ts). */
export const SETTINGS_ROUTES: doc.RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/settings',
    summary:
      "The tenant's retention days, k and telemetry level, with their limits (admin, auditor)",
    device: false,
    responses: { '200': ['The settings', SettingsResponse], ...doc.adminOrAuditor },
  },
  {
    method: 'post',
    path: '/api/v1/settings',
    summary:
      'Change any of retention days, k and telemetry level (admin; X-CSRF-Token); each change audited (tenant.retention, summary.k.set, tenant.telemetry)',
    device: false,
    body: SettingsUpdate,
    responses: { '200': ['The settings now, and what changed', SettingsUpdated], ...write },
  },
  {
    method: 'get',
    path: '/api/v1/settings/keys',
    summary:
      'Every signing key the tenant has had, public halves only, newest first, with its status and dates (admin, auditor)',
    device: false,
    responses: { '200': ['The keys', KeysList], ...doc.adminOrAuditor },
  },
  {
    method: 'post',
    path: '/api/v1/settings/keys/rotate',
    summary:
      'Make a new current signing key; the old one keeps signing for graceDays (0: stops at once) (admin; X-CSRF-Token); audited as key.rotate',
    device: false,
    body: KeyRotate,
    responses: {
      '200': ['The keys after the rotation', KeysList],
      ...write,
      '409': doc.error('The tenant has no current key'),
    },
  },
];
