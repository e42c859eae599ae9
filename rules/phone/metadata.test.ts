import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types.
import { render } from '../../scripts/build-phone-metadata.mjs';

const require = createRequire(import.meta.url);

describe('phone metadata subset', () => {
  it('matches the installed libphonenumber-js (run node scripts/build-phone-metadata.mjs)', () => {
    const full = require('libphonenumber-js/metadata.min.json');
    const committed = readFileSync(new URL('./metadata.ts', import.meta.url), 'utf8');
    expect(committed).toBe(render(full));
  });
});
