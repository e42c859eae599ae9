/**
 * The document-version seam. Every stored or received policy document passes through `migrate`
 * before it is read, so a synced policy or a cached copy written by an older release keeps
 * working after an update. Version 1 is the first; when version 2 comes, add `1: (doc) => ...`
 * to MIGRATIONS (each step takes version n to n + 1) with a test, and bump POLICY_VERSION.
 */
import { POLICY_VERSION, PolicyError } from './schema.ts';

/** One step: a document of version n (the key) to one of version n + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** The shipped steps, keyed by the version they start from. None yet: v1 is the first. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Brings `doc` to POLICY_VERSION. A document without `version` is taken as the current version
 * (IT writes managed policy by hand and may leave it out). A version newer than this release or
 * older than any step knows is an error naming `version`, so the caller keeps its last good policy.
 */
export function migrate(
  doc: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = POLICY_VERSION,
): Record<string, unknown> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new PolicyError([{ path: '', message: 'must be a JSON object' }]);
  }
  let current = doc as Record<string, unknown>;
  const raw = current.version ?? target;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    throw new PolicyError([{ path: 'version', message: 'must be a whole number' }]);
  }
  if (raw > target) {
    throw new PolicyError([
      {
        path: 'version',
        message: `${raw} is newer than this release of Hush understands (${target}); update the extension`,
      },
    ]);
  }
  for (let version = raw; version < target; version++) {
    const step = migrations[version];
    if (!step) {
      throw new PolicyError([
        { path: 'version', message: `${raw} is too old: no migration from version ${version}` },
      ]);
    }
    current = { ...step(current), version: version + 1 };
  }
  return { ...current, version: target };
}
