import { describe, expect, it } from 'vitest';
import { DESCRIPTIONS } from './descriptions.ts';
import { DETECTORS } from './index.ts';

describe('detector descriptions', () => {
  it('describes every built-in detector and nothing else', () => {
    expect(Object.keys(DESCRIPTIONS).sort()).toEqual(DETECTORS.map((d) => d.id).sort());
  });

  it('keeps the sentences out of the detector objects, which ship in every bundle', () => {
    // The registry is bundled into the content script; rules/descriptions.ts is not.
    expect(DETECTORS.filter((d) => d.description !== undefined).map((d) => d.id)).toEqual([]);
  });
});
