/**
 * The Policy page's model: reading the JSON text, checking a document exactly as the server and
 * the extension will (so the page can say what is wrong before anything is sent), and editing a
 * document field by field for the form.
 *
 * The check is the same code the extension's sync client runs on a published policy
 * (`readLayer(migrate(doc))` from lib/policy), plus the server's own rules (server/policy/
 * document.ts: an object with a whole-number version of at least 1, at most 1 MiB as JSON). The
 * server checks again on save and publish; this copy only makes the answer immediate.
 */
import { migrate } from '@/lib/policy/migrate.ts';
import { PolicyError, readLayer, type Policy } from '@/lib/policy/schema.ts';
import { effectivePolicy } from '@/lib/policy/layers.ts';

/** The server's cap on a policy document (server/policy/document.ts POLICY_MAX_BYTES). */
export const POLICY_MAX_BYTES = 1024 * 1024;

/** One problem: the field path (`rules.unapproved-ai.otherwise`) and what is wrong. */
export interface Issue {
  path: string;
  message: string;
}

/** A policy document as edited: a JSON object. */
export type Doc = Record<string, unknown>;

/** The JSON text the page shows for a document: two-space indented, keys as written. */
export function formatDoc(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function isRecord(x: unknown): x is Doc {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Parses the JSON text; on a syntax error, the problem with its line and column. */
export function parseText(text: string): { doc: unknown } | { error: string } {
  try {
    return { doc: JSON.parse(text) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(message)?.[1];
    const where = at !== undefined ? ` at ${lineCol(text, Number(at))}` : '';
    return { error: `not valid JSON${where}` };
  }
}

/** Every problem of `doc` as a published policy; empty when it can be published. */
export function checkDoc(doc: unknown): Issue[] {
  // As the server's schema does, an array passes this first test and fails on `version`.
  if (typeof doc !== 'object' || doc === null) {
    return [{ path: '(document)', message: 'the policy must be a JSON object' }];
  }
  const version = (doc as Doc).version;
  if (typeof version !== 'number') {
    return [{ path: 'version', message: 'must be the policy document version (a number)' }];
  }
  if (!Number.isInteger(version) || version < 1) {
    return [{ path: 'version', message: 'must be a whole number of at least 1' }];
  }
  const size = new TextEncoder().encode(JSON.stringify(doc)).length;
  if (size > POLICY_MAX_BYTES) {
    return [
      {
        path: '(document)',
        message: `the document is ${size} bytes; at most ${POLICY_MAX_BYTES} are allowed`,
      },
    ];
  }
  try {
    return readLayer(migrate(doc)).problems.map((p) => ({
      path: p.path || '(document)',
      message: p.message,
    }));
  } catch (err) {
    if (err instanceof PolicyError) {
      return err.problems.map((p) => ({ path: p.path || '(document)', message: p.message }));
    }
    throw err;
  }
}

/** The effective policy a browser applies with `doc` as its synced layer (no managed policy). */
export function effectiveOf(doc: unknown): Policy {
  return effectivePolicy({ synced: readLayer(migrate(doc)).layer }).policy;
}

/** The value at a dotted field path (`rules.unapproved-ai.otherwise`), or undefined. */
export function getPath(doc: Doc, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return node;
}

/**
 * A copy of `doc` with the field at `path` set to `value`, or removed when `value` is undefined
 * (then parents left empty are removed too, so clearing a field in the form leaves no `{}`
 * behind in the JSON and the diff).
 */
export function setPath(doc: Doc, path: string, value: unknown): Doc {
  const out = structuredClone(doc);
  const parts = path.split('.');
  const chain: Doc[] = [out];
  let node = out;
  for (const part of parts.slice(0, -1)) {
    if (!isRecord(node[part])) {
      if (value === undefined) return out;
      node[part] = {};
    }
    node = node[part] as Doc;
    chain.push(node);
  }
  const last = parts.at(-1)!;
  if (value === undefined) {
    delete node[last];
    for (let i = chain.length - 1; i > 0; i--) {
      if (Object.keys(chain[i]!).length > 0) break;
      delete chain[i - 1]![parts[i - 1]!];
    }
  } else {
    node[last] = value;
  }
  return out;
}
