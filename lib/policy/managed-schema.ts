/**
 * Builds managed_schema.json from the same valibot schemas that validate the policy, so the file
 * IT's tools read can never drift from what the extension accepts (a test compares the committed
 * file with this output; `npx tsx lib/policy/write-managed-schema.ts` rewrites it).
 *
 * Chrome and Edge accept only a subset of JSON Schema draft-03: a top-level `object`, `type`,
 * `properties`, `items`, `enum`, `minimum` and `maximum` (integers only), `title`, `description`, and no
 * `additionalProperties` (schema.cc rejects what it does not know, and then ignores every
 * managed value). A record keyed by a closed list (entity types, levels) becomes an object with
 * one property per key; the custom-detector variants become one object with the union of their
 * properties (the extension's own validation then checks each kind).
 */
import type * as v from 'valibot';
import { FIELDS, fieldSchema, LOCK_GROUPS } from './schema.ts';
import { MANAGED_ENTRIES } from './managed.ts';

/** One node of a draft-03 schema as Chrome reads it. */
export interface SchemaNode {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
}

type AnySchema = v.GenericSchema & {
  type: string;
  pipe?: readonly { type: string; requirement?: unknown }[];
  wrapped?: AnySchema;
  item?: AnySchema;
  entries?: Record<string, AnySchema>;
  key?: AnySchema;
  value?: AnySchema;
  options?: readonly unknown[];
  literal?: unknown;
};

/** The draft-03 node for a valibot schema (the subset the policy uses). */
export function toDraft03(schema: v.GenericSchema): SchemaNode {
  const s = schema as AnySchema;
  switch (s.type) {
    case 'optional':
    case 'nullable':
      return toDraft03(s.wrapped!);
    case 'string':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number': {
      const integer = s.pipe?.some((a) => a.type === 'integer');
      const node: SchemaNode = { type: integer ? 'integer' : 'number' };
      // Chrome takes a range only on integers; on a number it refuses the whole schema, and
      // the extension then fails to load (seen in Chromium 156). The extension checks the range.
      if (integer) {
        for (const a of s.pipe ?? []) {
          if (a.type === 'min_value') node.minimum = a.requirement as number;
          if (a.type === 'max_value') node.maximum = a.requirement as number;
        }
      }
      return node;
    }
    case 'literal':
      return {
        type: typeof s.literal === 'number' ? 'integer' : 'string',
        enum: [s.literal as string],
      };
    case 'picklist':
      return { type: 'string', enum: [...(s.options as string[])] };
    case 'array':
      return { type: 'array', items: toDraft03(s.item!) };
    case 'object':
    case 'strict_object':
      return {
        type: 'object',
        properties: Object.fromEntries(
          Object.entries(s.entries!).map(([k, e]) => [k, toDraft03(e)]),
        ),
      };
    case 'record': {
      const keys = s.key!.options as string[] | undefined;
      if (!keys) throw new Error('a record in managed policy needs a closed list of keys');
      const value = toDraft03(s.value!);
      return { type: 'object', properties: Object.fromEntries(keys.map((k) => [k, value])) };
    }
    case 'variant': {
      const properties: Record<string, SchemaNode> = {};
      for (const option of s.options as AnySchema[]) {
        for (const [k, e] of Object.entries(option.entries!)) {
          const node = toDraft03(e);
          const had = properties[k];
          // `kind` is a literal per option: collect them into one enum.
          if (had?.enum && node.enum) had.enum = [...new Set([...had.enum, ...node.enum])];
          else properties[k] ??= node;
        }
      }
      return { type: 'object', properties };
    }
    default:
      throw new Error(`no draft-03 form for a valibot "${s.type}" schema`);
  }
}

const DESCRIPTIONS: Record<string, string> = {
  backendUrl: 'The Hush backend, e.g. https://hush.example.com (https only).',
  tenantId: "The company's tenant id on the backend.",
  enrollmentToken: 'The token that lets a browser enroll once with the backend.',
  policySigningKey:
    'Public key (base64 SubjectPublicKeyInfo DER, ECDSA P-256 or Ed25519) that synced policies must be signed with.',
  pseudonymKey:
    "The tenant's pseudonym key (printed by `hush-server tenant pseudonym-key TENANT`): users are hashed with it, so the backend's audited reveal check can match them.",
  user: "The user's id (hashed before use: never sent as is), team and groups.",
  policy: 'Policy fields set by IT (see docs/policy.md). Highest layer.',
  locked:
    'Policy fields (e.g. "rules.unapproved-ai.otherwise"), groups (e.g. "rules") or "*" that no synced policy or local preference may change.',
};

/** The whole managed_schema.json. */
export function managedSchema(): SchemaNode {
  const policy: SchemaNode = {
    type: 'object',
    properties: { version: { type: 'integer', enum: [1] } },
  };
  for (const field of FIELDS) {
    const parts = field.split('.');
    let node = policy;
    for (const part of parts.slice(0, -1)) {
      node.properties![part] ??= { type: 'object', properties: {} };
      node = node.properties![part]!;
    }
    node.properties![parts.at(-1)!] = toDraft03(fieldSchema(field));
  }
  const properties: Record<string, SchemaNode> = {};
  for (const [key, schema] of Object.entries(MANAGED_ENTRIES)) {
    properties[key] = { ...toDraft03(schema), description: DESCRIPTIONS[key]! };
  }
  properties.policy = { ...policy, description: DESCRIPTIONS.policy! };
  properties.locked = {
    type: 'array',
    description: DESCRIPTIONS.locked!,
    items: { type: 'string', enum: [...LOCK_GROUPS, ...FIELDS] },
  };
  return { type: 'object', properties };
}
