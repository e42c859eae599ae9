/**
 * `/api/v1/policies/*`: the dashboard's policy management (issue 6). Published revisions (list,
 * one document), the tenant's draft (read, save, discard), publishing the draft and rolling back
 * to an earlier revision. Devices keep fetching the newest revision, signed, at `/api/v1/policy`
 * (routes/policy.ts); nothing here signs, because signing happens on every device request.
 *
 * Roles: admins change; auditors and managers read. Managers may read because the policy decides
 * what their agents see and they answer their questions about it; they may not change it, because
 * the policy is tenant-wide and a manager's remit is their teams. Everything is scoped by the
 * session's tenant, so another tenant's revision is simply not found.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { fail, readBody, type AppEnv, type Deps } from '../http.ts';
import { requireUser } from '../session.ts';
import { PolicyInvalidError, discardDraft, getDraft, saveDraft } from '../policy/drafts.ts';
import {
  PolicyStateError,
  getRevision,
  listRevisions,
  publishDraft,
  rollbackTo,
} from '../policy/revisions.ts';
import * as doc from './docs.ts';

/** `PUT /api/v1/policies/draft` body: the whole draft document. */
export const DraftRequest = v.strictObject({ document: v.unknown() }, (i) =>
  i.expected === 'never'
    ? 'unknown field (allowed: document)'
    : 'must be an object with the policy as `document`',
);

const Revision = v.object({
  revision: v.number(),
  publishedAt: v.string(),
  /** The audit actor (`user:<id>`, `cli:<os user>`); null when the log does not say. */
  publishedBy: v.nullable(v.string()),
  /** For a rollback: the revision whose document it republished. */
  rollbackOf: v.nullable(v.number()),
});

/** `GET /api/v1/policies` answer, newest first. */
export const RevisionsResponse = v.object({ revisions: v.array(Revision) });

/** `GET /api/v1/policies/:revision` answer. */
export const RevisionResponse = v.object({
  ...Revision.entries,
  document: v.record(v.string(), v.unknown()),
});

/** `GET /api/v1/policies/draft` answer; `draft` is null when there is none. */
export const DraftResponse = v.object({
  draft: v.nullable(
    v.object({
      document: v.record(v.string(), v.unknown()),
      basedOn: v.nullable(v.number()),
      updatedBy: v.string(),
      updatedAt: v.string(),
    }),
  ),
});

/** Answer of publish and rollback: the new revision. */
export const PublishResponse = v.object({ revision: v.number() });

/** A revision number from the path, or 400. */
function revisionParam(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) {
    fail(400, 'invalid_request', 'revision: must be a revision number (1, 2, 3...)');
  }
  return Number(text);
}

/** Runs `work`, answering the policy module's refusals as 400/404/409 instead of 500. */
async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PolicyInvalidError) {
      fail(400, 'invalid_policy', err.message, [...err.issues]);
    }
    if (err instanceof PolicyStateError) fail(err.status, err.code, err.message);
    throw err;
  }
}

export function policyAdminRoutes(deps: Deps) {
  const admin = requireUser(deps, ['admin']);
  const reader = requireUser(deps, ['admin', 'manager', 'auditor']);
  return new Hono<AppEnv>()
    .get('/', reader, async (c) =>
      c.json({ revisions: await listRevisions(deps.db, c.var.user.tenantId) }),
    )
    .get('/draft', reader, async (c) =>
      c.json({ draft: await getDraft(deps.db, c.var.user.tenantId) }),
    )
    .put('/draft', admin, async (c) => {
      const body = await readBody(c, DraftRequest);
      const user = c.var.user;
      await refusals(() =>
        saveDraft(deps.db, user.tenantId, body.document, `user:${user.id}`, deps.now()),
      );
      return c.json({ draft: await getDraft(deps.db, user.tenantId) });
    })
    .delete('/draft', admin, async (c) => {
      const user = c.var.user;
      const discarded = await discardDraft(deps.db, user.tenantId, `user:${user.id}`, deps.now());
      return c.json({ discarded });
    })
    .post('/draft/publish', admin, async (c) => {
      const user = c.var.user;
      const r = await refusals(() =>
        publishDraft(deps.db, user.tenantId, `user:${user.id}`, deps.now()),
      );
      return c.json(r, 201);
    })
    .get('/:revision', reader, async (c) => {
      const n = revisionParam(c.req.param('revision'));
      const r = await getRevision(deps.db, c.var.user.tenantId, n);
      if (!r) fail(404, 'not_found', `there is no revision ${n}`);
      return c.json(r);
    })
    .post('/:revision/rollback', admin, async (c) => {
      const n = revisionParam(c.req.param('revision'));
      const user = c.var.user;
      const r = await refusals(() =>
        rollbackTo(deps.db, user.tenantId, n, `user:${user.id}`, deps.now()),
      );
      return c.json(r, 201);
    });
}

const readErrors = doc.signedIn('Role not allowed');
const writeErrors = doc.signedIn('Not an admin, or missing X-CSRF-Token');

/** The OpenAPI entries of the policy management routes, spread into ROUTES in openapi.ts. */
export const POLICY_ADMIN_ROUTES: doc.RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/policies',
    summary:
      "The tenant's published policy revisions, newest first, with who published each (admin, manager, auditor)",
    device: false,
    responses: { '200': ['The revisions', RevisionsResponse], ...readErrors },
  },
  {
    method: 'get',
    path: '/api/v1/policies/draft',
    summary: "The tenant's unpublished draft, or null (admin, manager, auditor)",
    device: false,
    responses: { '200': ['The draft', DraftResponse], ...readErrors },
  },
  {
    method: 'put',
    path: '/api/v1/policies/draft',
    summary:
      'Save the draft; validated as a published policy would be, issues name each field path (admin; audited)',
    device: false,
    body: DraftRequest,
    responses: {
      '200': ['Saved', DraftResponse],
      '400': doc.error('Bad body or invalid policy; `issues` name the paths'),
      ...writeErrors,
      ...doc.jsonBody,
    },
  },
  {
    method: 'delete',
    path: '/api/v1/policies/draft',
    summary: 'Discard the draft (admin; audited)',
    device: false,
    responses: {
      '200': ['Whether there was a draft', v.object({ discarded: v.boolean() })],
      ...writeErrors,
    },
  },
  {
    method: 'post',
    path: '/api/v1/policies/draft/publish',
    summary:
      'Publish the draft as the next revision; devices get it signed at /api/v1/policy (admin; audited)',
    device: false,
    responses: {
      '201': ['Published', PublishResponse],
      '400': doc.error('The draft no longer validates; `issues` name the paths'),
      ...writeErrors,
      '409': doc.error('There is no draft'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/policies/:revision',
    summary: 'One published revision with its document (admin, manager, auditor)',
    device: false,
    responses: {
      '200': ['The revision', RevisionResponse],
      '400': doc.error('Not a revision number'),
      ...readErrors,
      '404': doc.error('No such revision in this tenant'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/policies/:revision/rollback',
    summary:
      "Publish an earlier revision's document again as the next revision (admin; audited with from and to)",
    device: false,
    responses: {
      '201': ['Published', PublishResponse],
      '400': doc.error('Not a revision number, or the old document fails today’s check'),
      ...writeErrors,
      '404': doc.error('No such revision in this tenant'),
      '409': doc.error('That revision is already the newest'),
    },
  },
];
