/**
 * Validation of a policy document at publish time.
 *
 * SEAM(lib/policy): the policy schema is being written in lib/policy/ (valibot). Until it is
 * wired in here, the server treats a policy as an opaque JSON object with a numeric `version`,
 * and checks only what it relies on itself (an object, a version, a size cap). When lib/policy
 * exports its document parser, call it inside `validatePolicyDocument` and keep this signature:
 * the admin CLI and the tests already go through it.
 */
import * as v from 'valibot';

/** The largest policy document the server signs and serves (custom dictionaries can be long). */
export const POLICY_MAX_BYTES = 1024 * 1024;

const Document = v.looseObject(
  {
    version: v.pipe(
      v.number('must be the policy document version (a number)'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
    ),
  },
  'the policy must be a JSON object',
);

/** A validated policy document (opaque to the server beyond its version). */
export type PolicyDocument = v.InferOutput<typeof Document>;

/** Validates `input` (parsed JSON); throws an Error naming the field on bad input. */
export function validatePolicyDocument(input: unknown): PolicyDocument {
  const r = v.safeParse(Document, input);
  if (!r.success) {
    const i = r.issues[0]!;
    throw new Error(`policy: ${v.getDotPath(i) ?? '(document)'}: ${i.message}`);
  }
  const size = Buffer.byteLength(JSON.stringify(r.output));
  if (size > POLICY_MAX_BYTES) {
    throw new Error(
      `policy: the document is ${size} bytes; at most ${POLICY_MAX_BYTES} are allowed`,
    );
  }
  return r.output;
}
