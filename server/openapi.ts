/**
 * The OpenAPI 3.0 description, generated from the same valibot schemas the routes validate with
 * (schemas.ts). Every route the app serves must be listed in `ROUTES`; a test compares this list
 * with the app's own route table. Entries are built from routes/docs.ts (the route type, the error
 * body and the response sets routes share), as the route files' own entries are.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { ENTITY_TYPES } from '@/rules/types.ts';
import * as s from './schemas.ts';
import { PEOPLE_ROUTES } from './people/openapi.ts';
import { DASHBOARD_ROUTES } from './routes/dashboard-api.ts';
import { FALSE_ALARM_SUMMARY_ROUTES } from './routes/false-alarm-summary.ts';
import { SETTINGS_ROUTES } from './routes/settings.ts';
import { VISITS_ROUTES } from './routes/visits.ts';
import { SHADOW_AI_ROUTES } from './routes/shadow-ai.ts';
import { OVERRIDE_ROUTES } from './routes/overrides.ts';
import { TEAM_ROUTES } from './routes/teams.ts';
import { POLICY_ADMIN_ROUTES } from './routes/policy-admin.ts';
import * as audit from './routes/audit.ts';
import * as summary from './routes/summary.ts';
import * as hooks from './routes/webhooks.ts';
import * as doc from './routes/docs.ts';

/** Every route of the API. */
export const ROUTES: doc.RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/enroll',
    summary: 'Register a device with the tenant enrollment token; returns its credential once',
    device: false,
    body: s.EnrollRequest,
    responses: {
      '201': ['Enrolled', s.EnrollResponse],
      ...doc.badInput,
      '401': doc.error('Unknown tenant or wrong enrollment token'),
      ...doc.jsonBody,
    },
  },
  {
    method: 'get',
    path: '/api/v1/policy',
    summary: "The tenant's latest policy, signed by each of its signing keys (conditional: ETag)",
    device: true,
    headers: [{ name: 'If-None-Match', in: 'header', description: 'The ETag of the copy held' }],
    responses: {
      '200': ['The signed policy', s.PolicyResponse],
      '304': ['Unchanged since the ETag given', null],
      ...doc.noDevice,
      '404': doc.error('No policy published yet'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/policy/keys',
    summary: "The tenant's signing keys that sign now (current, and previous within their grace)",
    device: true,
    responses: { '200': ['The public keys', s.KeysResponse], ...doc.noDevice },
  },
  {
    method: 'post',
    path: '/api/v1/incidents',
    summary: 'Store a batch of incident records (at most 1,000); idempotent on record id',
    device: true,
    body: s.IncidentBatch,
    responses: {
      '200': ['Stored (a replay stores nothing new)', s.IncidentBatchResponse],
      ...doc.deviceWrite,
    },
  },
  {
    method: 'post',
    path: '/api/v1/false-alarms',
    summary: 'Report a false alarm (detector and site, never text); idempotent on id',
    device: true,
    body: s.FalseAlarm,
    responses: { '200': ['Stored', s.FalseAlarmResponse], ...doc.deviceWrite },
  },
  {
    method: 'get',
    path: '/api/v1/audit',
    summary:
      "The tenant's audit log, newest first (admin, auditor; session cookie). Query: limit (1-1000, default 100), before (seq)",
    device: false,
    responses: {
      '200': ['Audit entries', audit.AuditListResponse],
      ...doc.badInput,
      ...doc.adminOrAuditor,
    },
  },
  {
    method: 'get',
    path: '/api/v1/audit/verify',
    summary: "Walk the tenant's audit chain; names the first broken entry (admin, auditor)",
    device: false,
    responses: {
      '200': ['The verdict (ok false with brokenSeq when broken)', audit.AuditVerifyResponse],
      ...doc.adminOrAuditor,
    },
  },
  {
    method: 'post',
    path: '/api/v1/erasure',
    summary:
      "Erase every record of one user pseudonym (right to be forgotten); audited by the pseudonym's SHA-256 (admin; X-CSRF-Token)",
    device: false,
    body: audit.ErasureRequest,
    responses: {
      '200': ['Erased: rows deleted per table', audit.ErasureResponse],
      ...doc.adminWrite,
    },
  },
  ...(
    [
      [
        'overview',
        'Incidents over the period by day or week and by type, level, site, action, outcome, channel and page class, each against the previous period. Query: from, to (YYYY-MM-DD, both included), bucket (day, week)',
        summary.OverviewResponse,
      ],
      [
        'sites',
        'The top AI sites of the period. Query: from, to, limit (default 10)',
        summary.SitesResponse,
      ],
      [
        'teams',
        'Incidents by team; teams with fewer than k users are merged into other or withheld. Query: from, to',
        summary.TeamsResponse,
      ],
      [
        'people',
        'Incidents by person (pseudonym), only in teams of at least k users. Query: from, to, limit (default 100)',
        summary.PeopleResponse,
      ],
    ] as const
  ).map(([name, summaryText, response]): doc.RouteDoc => ({
    method: 'get',
    path: `/api/v1/summary/${name}`,
    summary: `${summaryText} (any signed-in user; a manager sees only their teams)`,
    device: false,
    responses: { '200': ['The summary', response], ...doc.badInput, ...doc.noSession },
  })),
  {
    method: 'post',
    path: '/api/v1/summary/settings',
    summary: "Set the tenant's k for k-anonymity (admin; X-CSRF-Token); audited",
    device: false,
    body: summary.SummarySettings,
    responses: { '200': ['Set', summary.SummarySettingsResponse], ...doc.adminWrite },
  },
  {
    method: 'get',
    path: '/api/v1/anomalies',
    summary:
      "Days on which a person's or team's incidents rose above their own baseline (a manager: their teams of at least k users). Query: from, to",
    device: false,
    responses: {
      '200': ['The anomalies', summary.AnomaliesResponse],
      ...doc.badInput,
      ...doc.noSession,
    },
  },
  {
    method: 'post',
    path: '/api/v1/anomalies/detect',
    summary:
      'Check one day for anomalies now (admin; X-CSRF-Token); new ones go to webhooks; audited',
    device: false,
    body: summary.DetectRequest,
    responses: { '200': ['Checked', summary.DetectResponse], ...doc.adminWrite },
  },
  {
    method: 'get',
    path: '/api/v1/webhooks',
    summary: "The tenant's outbound webhooks with delivery counts, never secrets (admin, auditor)",
    device: false,
    responses: { '200': ['The webhooks', hooks.WebhookList], ...doc.adminOrAuditor },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks',
    summary:
      'Create an outbound webhook (https, or http to localhost); the signing secret is in this answer only (admin; X-CSRF-Token); audited',
    device: false,
    body: hooks.WebhookCreate,
    responses: { '201': ['Created', hooks.WebhookCreated], ...doc.adminWrite },
  },
  {
    method: 'delete',
    path: '/api/v1/webhooks/:id',
    summary: 'Delete a webhook and its undelivered events (admin; X-CSRF-Token); audited',
    device: false,
    responses: {
      '200': ['Deleted', hooks.WebhookDeleted],
      ...doc.adminWithCsrf,
      '404': doc.error('No such webhook in this tenant'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/webhooks/:id/test',
    summary:
      'Send a signed test event now, one attempt, and report the answer (admin; X-CSRF-Token); audited',
    device: false,
    responses: {
      '200': ['What the receiver answered', hooks.WebhookTestResult],
      ...doc.adminWithCsrf,
      '404': doc.error('No such webhook in this tenant'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This description',
    device: false,
    responses: { '200': ['OpenAPI 3.0 document', null] },
  },
  ...PEOPLE_ROUTES,
  ...DASHBOARD_ROUTES,
  ...FALSE_ALARM_SUMMARY_ROUTES,
  ...SETTINGS_ROUTES,
  ...VISITS_ROUTES,
  ...SHADOW_AI_ROUTES,
  ...OVERRIDE_ROUTES,
  ...TEAM_ROUTES,
  ...POLICY_ADMIN_ROUTES,
];

function schema(x: v.GenericSchema): unknown {
  const { $schema: _drop, ...rest } = toJsonSchema(x, {
    target: 'openapi-3.0',
    // `ignore`: transforms and custom checks have no JSON Schema form; the shape and patterns do.
    errorMode: 'ignore',
    // OpenAPI 3.0 has no `propertyNames`, so a record keyed by entity type would lose its keys:
    // spell the counts out as one optional property a type, and nothing else.
    overrideSchema: ({ valibotSchema, jsonSchema }): JsonSchema | undefined => {
      if (valibotSchema !== s.Counts) return undefined;
      const count = jsonSchema.additionalProperties;
      if (typeof count !== 'object') return undefined;
      return {
        type: 'object',
        properties: Object.fromEntries(ENTITY_TYPES.map((t) => [t, count])),
        additionalProperties: false,
      };
    },
  });
  return rest;
}

/** Builds the OpenAPI document. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const op: Record<string, unknown> = {
      summary: r.summary,
      ...(r.device ? { security: [{ device: [] }] } : {}),
      ...(r.headers
        ? { parameters: r.headers.map((h) => ({ ...h, schema: { type: 'string' } })) }
        : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(r.body) } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(r.responses).map(([status, [description, body]]) => [
          status,
          body
            ? { description, content: { 'application/json': { schema: schema(body) } } }
            : { description },
        ]),
      ),
    };
    (paths[r.path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Hush backend',
      version,
      description:
        'Policy and incident service for the Hush extension. Incident records hold types and counts, never text from the page.',
    },
    components: {
      securitySchemes: {
        device: {
          type: 'http',
          scheme: 'bearer',
          description: 'The device credential returned by /api/v1/enroll',
        },
      },
    },
    paths,
  };
}
