/**
 * A checker for the subset of JSON Schema draft-03 that Chrome reads for managed storage
 * (type, properties, items, enum, minimum, maximum). Chrome drops a managed value that does not
 * match; the deployment-example tests use this to prove each example's values would survive.
 */
import type { SchemaNode } from './managed-schema.ts';

/** Keywords Chrome's schema parser knows for extension schemas; anything else is refused. */
export const CHROME_KEYWORDS = new Set([
  'type',
  'title',
  'description',
  'properties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'id',
  '$ref',
]);

/** Problems with a schema's shape (empty when Chrome would load it). */
export function schemaShapeProblems(node: unknown, path = ''): string[] {
  const at = path || '(top)';
  if (typeof node !== 'object' || node === null || Array.isArray(node))
    return [`${at}: not an object`];
  const n = node as Record<string, unknown>;
  const problems: string[] = [];
  for (const k of Object.keys(n)) {
    if (!CHROME_KEYWORDS.has(k)) problems.push(`${at}: keyword "${k}" is not accepted`);
  }
  const types = ['object', 'array', 'string', 'integer', 'number', 'boolean'];
  if (!types.includes(n.type as string))
    problems.push(`${at}: type must be one of ${types.join(', ')}`);
  if (n.type === 'object') {
    if (typeof n.properties !== 'object' || n.properties === null) {
      problems.push(`${at}: an object needs properties`);
    } else {
      for (const [k, child] of Object.entries(n.properties)) {
        problems.push(...schemaShapeProblems(child, path ? `${path}.${k}` : k));
      }
    }
  }
  if (n.type === 'array') problems.push(...schemaShapeProblems(n.items, `${path}[]`));
  if ((n.minimum !== undefined || n.maximum !== undefined) && n.type !== 'integer') {
    problems.push(`${at}: minimum and maximum are accepted on integers only`);
  }
  if (n.enum !== undefined) {
    const kind = n.type === 'integer' ? 'number' : n.type;
    if (!Array.isArray(n.enum) || n.enum.length === 0)
      problems.push(`${at}: enum must be a non-empty list`);
    else if (n.enum.some((e) => typeof e !== kind))
      problems.push(`${at}: enum values must be ${String(n.type)}`);
  }
  return problems;
}

/** Where `value` does not match `schema` (empty when Chrome would keep it). */
export function valueProblems(schema: SchemaNode, value: unknown, path = ''): string[] {
  const at = path || '(top)';
  const t = schema.type;
  const ok =
    t === 'object'
      ? typeof value === 'object' && value !== null && !Array.isArray(value)
      : t === 'array'
        ? Array.isArray(value)
        : t === 'integer'
          ? Number.isInteger(value)
          : typeof value === t;
  if (!ok) return [`${at}: expected ${t}`];
  if (schema.enum && !schema.enum.includes(value as string))
    return [`${at}: not one of the allowed values`];
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return [`${at}: below minimum`];
    if (schema.maximum !== undefined && value > schema.maximum) return [`${at}: above maximum`];
  }
  const problems: string[] = [];
  if (t === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const child = schema.properties?.[k];
      const p = path ? `${path}.${k}` : k;
      if (!child) problems.push(`${p}: not in the schema`);
      else problems.push(...valueProblems(child, v, p));
    }
  }
  if (t === 'array') {
    (value as unknown[]).forEach((v, i) =>
      problems.push(...valueProblems(schema.items!, v, `${path}[${i}]`)),
    );
  }
  return problems;
}
