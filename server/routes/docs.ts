/**
 * The pieces every route's OpenAPI entry is built from: the described-route type, the error body
 * and the response sets that many routes share. Each route file lists its own entries with these
 * and openapi.ts spreads them into `ROUTES`; this file imports no route, so any of them may import
 * it without a cycle.
 *
 * A response set only names what a route may answer; the route itself decides that (the session
 * and body middlewares in session.ts and http.ts). Status keys are strings of digits, so objects
 * enumerate them in numeric order whatever order the sets are spread in.
 */
import type * as v from 'valibot';
import { ErrorResponse } from '../schemas.ts';

/**
 * The body of every 4xx answer, as `fail` in http.ts writes it: `error`, `message`, and `issues`
 * when a JSON body failed its schema (one entry a field path, at most 20).
 */
export const ErrorBody = ErrorResponse;

/** One response: its description and its JSON body's schema, or null when it has none. */
export type ResponseDoc = readonly [description: string, schema: v.GenericSchema | null];

/** Status -> response. */
export type Responses = Record<string, ResponseDoc>;

/** One described route. */
export interface RouteDoc {
  method: 'get' | 'put' | 'post' | 'delete';
  path: string;
  summary: string;
  /** Needs `Authorization: Bearer <device credential>`. */
  device: boolean;
  body?: v.GenericSchema;
  responses: Responses;
  headers?: { name: string; in: 'header'; description: string }[];
}

/** A refusal: `description` with the error body. */
export const error = (description: string): ResponseDoc => [description, ErrorBody];

/** A JSON body that failed its schema (readBody in http.ts). */
export const badInput: Responses = { '400': error('Bad input; `message` names the field') };

/** A query that failed its schema. */
export const badQuery: Responses = { '400': error('Bad query; `message` names the parameter') };

/** What any route that reads a JSON body may refuse besides its schema. */
export const jsonBody: Responses = {
  '413': error('Body too large'),
  '415': error('Body is not JSON'),
};

/** Any route that needs the session cookie. */
export const noSession: Responses = { '401': error('No valid session') };

/** A session route that also refuses some roles or a missing CSRF token: `forbidden` says which. */
export const signedIn = (forbidden: string): Responses => ({
  ...noSession,
  '403': error(forbidden),
});

/** A session route only admins and auditors may read. */
export const adminOrAuditor = signedIn('Not an admin or auditor');

/** A session route only admins may use, with `X-CSRF-Token` on a write. */
export const adminWithCsrf = signedIn('Not an admin, or no CSRF token');

/** A session route that some roles may not use, with `X-CSRF-Token` on a write. */
export const roleOrCsrf = signedIn('Role not allowed, or missing X-CSRF-Token');

/** A route that reads a JSON body, with the refusals of its schema and body and `auth`'s. */
export const jsonWrite = (auth: Responses): Responses => ({ ...badInput, ...auth, ...jsonBody });

/** A route only admins may use that reads a JSON body (with `X-CSRF-Token`). */
export const adminWrite = jsonWrite(adminWithCsrf);

/** What a device route refuses without a valid device credential. */
export const noDevice: Responses = { '401': error('Missing or invalid credential') };

/** A device route that reads a JSON body: the input, credential, body and rate-limit refusals. */
export const deviceWrite: Responses = {
  ...jsonWrite(noDevice),
  '429': error('Rate limit for this device; see Retry-After'),
};
