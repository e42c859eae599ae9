/**
 * Runs once before any worker: builds the fixture sites, so that parallel workers share one build
 * instead of each deleting and rebuilding the folder another worker is serving from.
 */
import { BUILT_ENV, buildSites } from './sites/build.mjs';

export default async function globalSetup(): Promise<void> {
  const { outdir } = await buildSites();
  // Workers inherit the environment the global setup leaves.
  process.env[BUILT_ENV] = outdir;
}
