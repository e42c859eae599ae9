// Shared by the custom-detector tests (not a test file itself, and not part of the engine).
import { expect } from 'vitest';

/** Milliseconds of the faster of two runs: a busy machine hurts less. */
function bestOf2(run: () => void): number {
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Linear time on 1 MB: either fast outright, or about 4x the time of 256 KB (quadratic would be
 * 16x). The ratio keeps the test meaningful on a shared, loaded CI machine.
 */
export function expectLinear(
  run: (input: string) => void,
  make: (size: number) => string,
  name: string,
) {
  const small = bestOf2(() => run(make(1 << 18)));
  const big = bestOf2(() => run(make(1 << 20)));
  console.log(`${name}: 256 KB ${Math.round(small)} ms, 1 MB ${Math.round(big)} ms`);
  expect(
    big < 1500 || big < 10 * small,
    `${name}: ${big} ms for 1 MB, ${small} ms for 256 KB`,
  ).toBe(true);
}
