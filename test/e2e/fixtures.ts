/**
 * Launches Debian's Chromium with the built extension (.output/chrome-mv3) in a fresh profile.
 * See ../shared/ENV.md: --disable-extensions-except is required, and Chromium must not try to
 * reach Google's services on this closed network.
 */
import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_FLAGS, extensionFlags } from './chromium.ts';

export { CHROMIUM, CHROMIUM_FLAGS, extensionFlags };

/** The built extension; HUSH_OUT_DIR matches wxt.config.ts's output folder. */
export const EXTENSION_DIR = resolve(process.env.HUSH_OUT_DIR ?? '.output', 'chrome-mv3');

export async function launchWithExtension(): Promise<{ context: BrowserContext; dir: string }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built (${EXTENSION_DIR}); run npm run build`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'hush-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extensionFlags(EXTENSION_DIR), ...CHROMIUM_FLAGS],
  });
  return { context, dir };
}

export const test = base.extend<{ context: BrowserContext; worker: Worker; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, dir } = await launchWithExtension();
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
});

export { expect } from '@playwright/test';
