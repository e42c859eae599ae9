/**
 * How every test and benchmark starts Debian's Chromium. No Playwright import here, so scripts
 * built on playwright-core (test/bench/page.ts) share it with the Playwright fixtures.
 */

/** Debian's Chromium; HUSH_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.HUSH_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags for Debian's Chromium on this closed network (../shared/ENV.md): no sandbox as root, and
 * nothing that would try to reach Google's services. Every launch (tests and benchmarks) uses
 * them.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The flags that load the unpacked extension in `dir` (and no other). */
export function extensionFlags(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}
