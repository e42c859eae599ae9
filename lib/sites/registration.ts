/**
 * The guard on hosts that only policy names (issue 4). The manifest declares the guard and the
 * backstop for catalogue hosts; a host IT adds to `sites.unapprovedAi`, `sites.supportTools` or
 * `sites.approved` gets the same two scripts registered at runtime with
 * `scripting.registerContentScripts` (persisting across sessions, so they are in place at
 * document_start after a browser restart, before the worker has even started), updated whenever
 * the effective policy changes, and unregistered when IT removes the host.
 *
 * Host access. A registered script runs only where the extension has host access; Hush asks for
 * none at install (its manifest names only catalogue hosts, through the content scripts), and
 * lists `*://*\/*` under optional host permissions, so access to one of IT's hosts is granted by
 * the agent on the options page (permissions.request needs a click there) or by IT (see
 * docs/deploy/README.md, "Hosts IT adds"). A host without access is not registered and is shown
 * on the options page as not guarded yet, with the reason (`sites:coverage` below).
 *
 * Each registration holds the patterns of one page class, and runs a one-line script first that
 * names the class (policy-class.ts). It excludes every catalogue pattern, so a page never gets
 * the guard twice. Patterns with a path get a registration of their own: Chrome refuses
 * `matchOriginAsFallback` (needed for about:blank and srcdoc editor frames) on a path.
 *
 * Storage key (forever): `sites:coverage` in storage.local, { v: 1, at, hosts, problem? } (see
 * Coverage); written by the background after every sync, read by the options page.
 */
import type { PageClass } from '@/lib/guard/decide.ts';
import { catalogueMatches, toMatchPatterns } from '@/lib/guard/pages.ts';
import type { Policy } from '@/lib/policy/schema.ts';
import { CATALOGUE, type SiteEntry } from './catalogue.ts';

export const COVERAGE_KEY = 'sites:coverage';
/** Every id Hush registers starts with this; ids without it are not Hush's to remove. */
export const SCRIPT_PREFIX = 'hush-policy-';

/** The built scripts a registration runs (WXT's output names for the entrypoints). */
export const FILES = {
  guard: 'content-scripts/guard.js',
  backstop: 'content-scripts/backstop.js',
  /**
   * One class mark a world: Chrome injects a file once per frame, so a mark shared by the
   * backstop's registration (page world) and the guard's (isolated world) would reach only one.
   */
  classMark: {
    ISOLATED: {
      'unapproved-ai': 'policy-class-unapproved-ai.js',
      'approved-ai': 'policy-class-approved-ai.js',
      'support-tool': 'policy-class-support-tool.js',
    },
    MAIN: {
      'unapproved-ai': 'policy-class-unapproved-ai-main.js',
      'approved-ai': 'policy-class-approved-ai-main.js',
      'support-tool': 'policy-class-support-tool-main.js',
    },
  } satisfies Record<'ISOLATED' | 'MAIN', Record<PageClass, string>>,
} as const;

/** A host pattern from policy and the class it gives a page (classify's order decides). */
export interface PolicyHost {
  pattern: string;
  pageClass: PageClass;
}

/** How one of IT's hosts is guarded, for the options page. */
export type HostState =
  /** The catalogue's manifest scripts cover every page the pattern names. */
  | 'catalogue'
  /** Registered: the guard runs there. */
  | 'guarded'
  /** Hush has no access to the host yet: nothing can run there until it is granted. */
  | 'no-access'
  /** This browser cannot register content scripts (no `scripting.registerContentScripts`). */
  | 'unsupported'
  /** The browser refused the registration (the coverage's `problem` says why). */
  | 'failed';

export interface HostCoverage extends PolicyHost {
  state: HostState;
  /** The origin pattern to ask host access for (`*://help.example.com/*`). */
  origin: string;
}

export interface Coverage {
  v: 1;
  /** When it was computed (ms since the epoch). */
  at: number;
  hosts: HostCoverage[];
  /** The browser's error when a registration failed (an API message, never page content). */
  problem?: string;
}

/** What registerContentScripts takes and getRegisteredContentScripts returns (the part used). */
export interface ScriptSpec {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  world: 'ISOLATED' | 'MAIN';
  allFrames: boolean;
  runAt: 'document_start';
  matchOriginAsFallback: boolean;
  persistAcrossSessions: boolean;
}

/** The part of `browser.scripting` this module uses. */
export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Partial<ScriptSpec>[]>;
  registerContentScripts(scripts: ScriptSpec[]): Promise<unknown>;
  updateContentScripts(scripts: ScriptSpec[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
}

/** The part of `browser.permissions` this module uses. */
export interface PermissionsLike {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** The host part of a site pattern (`huggingface.co/chat` -> `huggingface.co`). */
function hostOf(pattern: string): string {
  const slash = pattern.indexOf('/');
  return slash < 0 ? pattern : pattern.slice(0, slash);
}

/** The origin pattern host access is asked for: `*.corp.example/x` -> `*://*.corp.example/*`. */
export function originOf(pattern: string): string {
  return `*://${hostOf(pattern)}/*`;
}

/**
 * Whether every page `pattern` names is also named by catalogue pattern `by`: the same pattern,
 * a host (or wildcard) under `by`'s wildcard, or a path under `by`'s host or path.
 */
export function patternWithin(pattern: string, by: string): boolean {
  const [host, path] = [hostOf(pattern), pattern.slice(hostOf(pattern).length)];
  const [byHost, byPath] = [hostOf(by), by.slice(hostOf(by).length)];
  const hostWithin = byHost.startsWith('*.')
    ? host.endsWith(byHost.slice(1)) && host !== byHost.slice(2)
    : !host.startsWith('*.') && host === byHost;
  if (!hostWithin) return false;
  if (byPath === '') return true;
  return path === byPath || path.startsWith(`${byPath}/`);
}

/** Whether the catalogue's manifest scripts already run on every page `pattern` names. */
export function coveredByCatalogue(
  pattern: string,
  catalogue: readonly SiteEntry[] = CATALOGUE,
): boolean {
  return catalogue.some((e) => e.patterns.some((p) => patternWithin(pattern, p)));
}

/**
 * The hosts policy names, each once, in the order classify() gives them their class (approved,
 * then unapproved AI, then support tools). A pattern IT also excludes is left out: exclusion wins.
 */
export function policyHosts(policy: Policy): PolicyHost[] {
  const excluded = new Set(policy.sites.excluded);
  const seen = new Set<string>();
  const out: PolicyHost[] = [];
  const add = (pattern: string, pageClass: PageClass): void => {
    if (seen.has(pattern) || excluded.has(pattern)) return;
    seen.add(pattern);
    out.push({ pattern, pageClass });
  };
  for (const a of policy.sites.approved) add(a.pattern, 'approved-ai');
  for (const p of policy.sites.unapprovedAi) add(p, 'unapproved-ai');
  for (const p of policy.sites.supportTools) add(p, 'support-tool');
  return out;
}

/** The registrations for `hosts` (all of which have host access), ordered by id. */
export function desiredScripts(
  hosts: readonly PolicyHost[],
  catalogue: readonly SiteEntry[] = CATALOGUE,
): ScriptSpec[] {
  const exclude = catalogueMatches(catalogue);
  const groups = new Map<string, { pageClass: PageClass; paths: boolean; matches: string[] }>();
  for (const h of hosts) {
    const paths = h.pattern.includes('/');
    const key = `${h.pageClass}${paths ? '-paths' : ''}`;
    const g = groups.get(key) ?? { pageClass: h.pageClass, paths, matches: [] };
    for (const m of toMatchPatterns({ patterns: [h.pattern] })) {
      if (!g.matches.includes(m)) g.matches.push(m);
    }
    groups.set(key, g);
  }
  const out: ScriptSpec[] = [];
  for (const [key, g] of groups) {
    for (const [world, file, name] of [
      ['ISOLATED', FILES.guard, 'guard'],
      ['MAIN', FILES.backstop, 'backstop'],
    ] as const) {
      out.push({
        id: `${SCRIPT_PREFIX}${key}-${name}`,
        matches: [...g.matches].sort(),
        excludeMatches: exclude,
        js: [FILES.classMark[world][g.pageClass], file],
        world,
        allFrames: true,
        runAt: 'document_start',
        matchOriginAsFallback: !g.paths,
        persistAcrossSessions: true,
      });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []): boolean =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Whether a registered script already is `want` (the fields Hush sets and browsers report). */
function same(have: Partial<ScriptSpec>, want: ScriptSpec): boolean {
  return (
    sameList(have.matches, want.matches) &&
    sameList(have.excludeMatches, want.excludeMatches) &&
    sameList(have.js, want.js) &&
    (have.world ?? 'ISOLATED') === want.world &&
    (have.matchOriginAsFallback ?? false) === want.matchOriginAsFallback
  );
}

export interface ScriptPlan {
  register: ScriptSpec[];
  update: ScriptSpec[];
  unregister: string[];
}

/**
 * What to change so that Hush's registered scripts are `desired`: new ids are registered, changed
 * ones updated, and Hush's ids no longer wanted unregistered. Ids of others are never touched.
 */
export function planScripts(
  desired: readonly ScriptSpec[],
  registered: readonly Partial<ScriptSpec>[],
): ScriptPlan {
  const have = new Map(
    registered.filter((r) => r.id?.startsWith(SCRIPT_PREFIX)).map((r) => [r.id!, r]),
  );
  const plan: ScriptPlan = { register: [], update: [], unregister: [] };
  for (const want of desired) {
    const current = have.get(want.id);
    if (!current) plan.register.push(want);
    else if (!same(current, want)) plan.update.push(want);
  }
  const wanted = new Set(desired.map((d) => d.id));
  plan.unregister = [...have.keys()].filter((id) => !wanted.has(id)).sort();
  return plan;
}

export interface SyncOptions {
  policy: Policy;
  /** browser.scripting; absent where the browser has none (then every host is `unsupported`). */
  scripting?: ScriptingLike;
  permissions?: PermissionsLike;
  local: { set(items: Record<string, unknown>): Promise<void> };
  now: () => number;
  catalogue?: readonly SiteEntry[];
}

/**
 * Brings the registered scripts in line with `policy` and the host access granted now, and
 * writes the coverage the options page shows. Never throws: a refusal is in the coverage.
 */
export async function syncPolicyScripts(o: SyncOptions): Promise<Coverage> {
  const catalogue = o.catalogue ?? CATALOGUE;
  const hosts = policyHosts(o.policy);
  const coverage: Coverage = { v: 1, at: o.now(), hosts: [] };
  const own = hosts.filter((h) => !coveredByCatalogue(h.pattern, catalogue));
  const access = new Map<string, boolean>();
  for (const h of own) {
    const origin = originOf(h.pattern);
    if (!access.has(origin)) {
      access.set(
        origin,
        (await o.permissions?.contains({ origins: [origin] }).catch(() => false)) ?? false,
      );
    }
  }
  const scripting = o.scripting;
  const supported = typeof scripting?.registerContentScripts === 'function';
  let failed = false;
  if (scripting && supported) {
    try {
      const granted = own.filter((h) => access.get(originOf(h.pattern)));
      const plan = planScripts(
        desiredScripts(granted, catalogue),
        await scripting.getRegisteredContentScripts(),
      );
      if (plan.unregister.length)
        await scripting.unregisterContentScripts({ ids: plan.unregister });
      if (plan.update.length) await scripting.updateContentScripts(plan.update);
      if (plan.register.length) await scripting.registerContentScripts(plan.register);
    } catch (err) {
      failed = true;
      coverage.problem = err instanceof Error ? err.message : String(err);
    }
  }
  for (const h of hosts) {
    const origin = originOf(h.pattern);
    const state: HostState = coveredByCatalogue(h.pattern, catalogue)
      ? 'catalogue'
      : !supported
        ? 'unsupported'
        : !access.get(origin)
          ? 'no-access'
          : failed
            ? 'failed'
            : 'guarded';
    coverage.hosts.push({ ...h, state, origin });
  }
  await o.local.set({ [COVERAGE_KEY]: coverage });
  return coverage;
}

/** Reads the coverage the background wrote; null when absent or not of this version. */
export function readCoverage(raw: unknown): Coverage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Partial<Coverage>;
  if (c.v !== 1 || typeof c.at !== 'number' || !Array.isArray(c.hosts)) return null;
  const states: readonly HostState[] = [
    'catalogue',
    'guarded',
    'no-access',
    'unsupported',
    'failed',
  ];
  const hosts = c.hosts.filter(
    (h): h is HostCoverage =>
      typeof h === 'object' &&
      h !== null &&
      typeof h.pattern === 'string' &&
      typeof h.origin === 'string' &&
      states.includes(h.state) &&
      ['unapproved-ai', 'approved-ai', 'support-tool'].includes(h.pageClass),
  );
  return {
    v: 1,
    at: c.at,
    hosts,
    ...(typeof c.problem === 'string' ? { problem: c.problem } : {}),
  };
}

export interface StartOptions extends Omit<SyncOptions, 'policy'> {
  /** The effective policy, after the cached layers were read (PolicyService.policy). */
  policy: () => Promise<Policy>;
  /** browser.storage.onChanged: a new `policy:revision` means the effective policy changed. */
  onChanged: {
    addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
  };
  /** browser.permissions.onAdded / onRemoved: host access granted or taken away. */
  permissionEvents?: { addListener(cb: () => void): void }[];
  /** The storage key whose change means a new effective policy (`policy:revision`). */
  revisionKey: string;
}

/**
 * Keeps the registrations in step: at start-up, on every new effective policy and on every
 * change of host access. Syncs run one after another (two overlapping registrations of one id
 * would fail), and a burst of changes while one runs leads to one more sync, not many.
 */
export function startPolicyScripts(o: StartOptions): { synced(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  const sync = (): Promise<void> => {
    if (queued) return running;
    queued = true;
    running = running.then(async () => {
      queued = false;
      await syncPolicyScripts({ ...o, policy: await o.policy() }).catch(() => undefined);
    });
    return running;
  };
  o.onChanged.addListener((changes, area) => {
    if (area === 'local' && o.revisionKey in changes) void sync();
  });
  for (const event of o.permissionEvents ?? []) event.addListener(() => void sync());
  void sync();
  return { synced: () => running };
}
