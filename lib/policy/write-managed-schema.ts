// Rewrites public/managed_schema.json from the policy's schemas:
// `npx tsx lib/policy/write-managed-schema.ts` (formatted as the repository's Prettier does).
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { managedSchema } from './managed-schema.ts';

writeFileSync(
  new URL('../../public/managed_schema.json', import.meta.url),
  await format(JSON.stringify(managedSchema()), { parser: 'json' }),
);
