import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDetectorDocs } from '../scripts/detector-docs.ts';

describe('docs/detectors.md', () => {
  it('is generated from the registry (run npx tsx scripts/detector-docs.ts)', () => {
    const committed = readFileSync(new URL('../docs/detectors.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderDetectorDocs());
  });
});
