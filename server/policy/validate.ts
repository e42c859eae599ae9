/**
 * The check a policy passes before the dashboard saves it as a draft or publishes it: the
 * server's own rules (validatePolicyDocument: an object with a version, within the size cap) and
 * then the extension's strict reader, exactly as a browser's sync client reads a published policy
 * (lib/sync/policy-sync.ts: `parseLayer(migrate(doc))`). A document the extension would refuse as
 * a whole must never be published from the dashboard: every browser would keep its old policy.
 */
import { migrate } from '@/lib/policy/migrate.ts';
import { PolicyError, parseLayer } from '@/lib/policy/schema.ts';
import { validatePolicyDocument, type PolicyDocument } from './document.ts';

/** One problem of a refused document: the field path (`rules.unapproved-ai.otherwise`) and why. */
export interface PolicyIssue {
  path: string;
  message: string;
}

/** A refused document; `issues` name every problem found (routes answer 400 with them). */
export class PolicyInvalidError extends Error {
  readonly issues: readonly PolicyIssue[];
  constructor(issues: readonly PolicyIssue[]) {
    const first = issues[0] ?? { path: '(document)', message: 'invalid policy' };
    const rest = issues.length - 1;
    const more = rest > 0 ? ` (and ${rest} more problem${rest > 1 ? 's' : ''})` : '';
    super(`policy: ${first.path || '(document)'}: ${first.message}${more}`);
    this.name = 'PolicyInvalidError';
    this.issues = issues;
  }
}

/** The server's view of the document, or PolicyInvalidError naming the first problem's path. */
function serverView(doc: unknown): PolicyDocument {
  try {
    return validatePolicyDocument(doc);
  } catch (err) {
    // validatePolicyDocument says `policy: <path>: <message>`; keep its path and wording.
    const text = err instanceof Error ? err.message : String(err);
    const m = /^policy: ([^:]*): (.*)$/s.exec(text);
    throw new PolicyInvalidError([
      m ? { path: m[1]!, message: m[2]! } : { path: '(document)', message: text },
    ]);
  }
}

/**
 * Validates `doc` (parsed JSON) as a complete published policy would be; returns it unchanged
 * (the stored text is what the author wrote, so the diff shows their document, not a normalised
 * one). Throws PolicyInvalidError with every problem's path.
 */
export function checkPolicy(doc: unknown): PolicyDocument {
  const out = serverView(doc);
  try {
    parseLayer(migrate(doc));
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err;
    throw new PolicyInvalidError(
      err.problems.map((p) => ({ path: p.path || '(document)', message: p.message })),
    );
  }
  return out;
}
