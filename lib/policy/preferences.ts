/**
 * The agent's own preferences (the `local` layer): only LOCAL_FIELDS, validated before they are
 * stored, kept as a policy document under `policy:local`. The background validates them again
 * when it reads them, so a value written by anything else is named as a problem, not applied.
 */
import { LOCAL_FIELDS } from './layers.ts';
import { migrate } from './migrate.ts';
import { layerToDocument, parseLayer, PolicyError, readLayer } from './schema.ts';
import { KEYS } from './service.ts';

type Local = {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

/** Stores one preference; throws PolicyError naming the field when it is not allowed or invalid. */
export async function savePreference(local: Local, field: string, value: unknown): Promise<void> {
  if (!LOCAL_FIELDS.includes(field)) {
    throw new PolicyError([{ path: field, message: 'is not a preference an agent can set' }]);
  }
  const checked = parseLayer(layerToDocument(new Map([[field, value]])));
  const items = await local.get([KEYS.local]);
  let current = new Map<string, unknown>();
  try {
    current = new Map(readLayer(migrate(items[KEYS.local] ?? {})).layer);
  } catch {
    // An unreadable stored document is replaced: it held nothing that could apply.
  }
  for (const f of current.keys()) if (!LOCAL_FIELDS.includes(f)) current.delete(f);
  current.set(field, checked.get(field));
  await local.set({ [KEYS.local]: layerToDocument(current) });
}
