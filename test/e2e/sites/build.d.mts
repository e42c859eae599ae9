// Types for build.mjs, which stays plain JavaScript so `node build.mjs` runs it without a loader.

export interface FixturePage {
  name: string;
  entry: string;
  label: string;
}

/** Where serve.ts serves the built assets from. */
export declare const ASSET_PREFIX: string;
/** Every page build.mjs makes. */
export declare const PAGES: FixturePage[];
/** The environment variable naming the folder the global setup built for every worker. */
export declare const BUILT_ENV: string;
/**
 * Builds every page from scratch into `outdir` (default: $HUSH_SITES_DIST, else dist/ beside
 * build.mjs), once per process and folder; later calls answer with the first build. A folder
 * named by $HUSH_SITES_BUILT (the global setup's) is not built again.
 */
export declare function buildSites(options?: { outdir?: string }): Promise<{
  outdir: string;
  ms: number;
}>;
