import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectivePolicy } from '@/lib/policy/layers.ts';
import { parseLayer, type Policy } from '@/lib/policy/schema.ts';
import { KEYS } from '@/lib/policy/service.ts';
import { takePolicyClass, markPolicyClass } from './policy-class.ts';
import {
  COVERAGE_KEY,
  FILES,
  coveredByCatalogue,
  desiredScripts,
  planScripts,
  policyHosts,
  readCoverage,
  startPolicyScripts,
  syncPolicyScripts,
  type ScriptingLike,
  type ScriptSpec,
} from './registration.ts';

beforeEach(() => fakeBrowser.reset());

function policyWith(sites: Record<string, unknown>): Policy {
  return effectivePolicy({ managed: { layer: parseLayer({ sites }), locked: [] } }).policy;
}

/**
 * An in-memory script registry with the browser's rules: registering a taken id, or updating
 * or unregistering an unknown one, fails the whole call. Every call is recorded.
 */
function registry(initial: ScriptSpec[] = []) {
  const scripts = new Map(initial.map((s) => [s.id, s]));
  const calls: string[] = [];
  const scripting: ScriptingLike = {
    getRegisteredContentScripts: async () => [...scripts.values()].map((s) => ({ ...s })),
    registerContentScripts: async (list) => {
      calls.push(`register ${list.map((s) => s.id).join(' ')}`);
      if (list.some((s) => scripts.has(s.id))) throw new Error('Duplicate script ID');
      for (const s of list) scripts.set(s.id, s);
    },
    updateContentScripts: async (list) => {
      calls.push(`update ${list.map((s) => s.id).join(' ')}`);
      if (list.some((s) => !scripts.has(s.id))) throw new Error('Nonexistent script ID');
      for (const s of list) scripts.set(s.id, s);
    },
    unregisterContentScripts: async (filter) => {
      calls.push(`unregister ${(filter?.ids ?? []).join(' ')}`);
      for (const id of filter?.ids ?? []) scripts.delete(id);
    },
  };
  return { scripting, scripts, calls };
}

/** Host access as a set of origin patterns the agent or IT granted. */
const access = (...origins: string[]) => ({
  contains: async ({ origins: asked }: { origins: string[] }) =>
    asked.every((o) => origins.includes(o)),
});

const SITES = {
  unapprovedAi: ['chat.corp-ai.example', 'llm.corp.example/playground', 'chatgpt.com'],
  supportTools: ['*.helpdesk.example'],
  approved: [{ pattern: 'ai.corp.example' }],
  excluded: ['ai.corp.example'],
};

describe('which hosts need a registration', () => {
  it("takes IT's hosts in classify order, leaves excluded ones out", () => {
    expect(policyHosts(policyWith(SITES))).toEqual([
      { pattern: 'chat.corp-ai.example', pageClass: 'unapproved-ai' },
      { pattern: 'llm.corp.example/playground', pageClass: 'unapproved-ai' },
      { pattern: 'chatgpt.com', pageClass: 'unapproved-ai' },
      { pattern: '*.helpdesk.example', pageClass: 'support-tool' },
    ]);
  });

  it('knows what the catalogue covers already', () => {
    expect(coveredByCatalogue('chatgpt.com')).toBe(true);
    expect(coveredByCatalogue('acme.zendesk.com')).toBe(true);
    expect(coveredByCatalogue('*.eu.zendesk.com')).toBe(true);
    expect(coveredByCatalogue('huggingface.co/chat/models')).toBe(true);
    // The apex is not under `*.zendesk.com`, and a broader wildcard is not under a host.
    expect(coveredByCatalogue('zendesk.com')).toBe(false);
    expect(coveredByCatalogue('*.openai.com')).toBe(false);
    expect(coveredByCatalogue('huggingface.co')).toBe(false);
  });

  it('groups patterns per class, paths apart, catalogue excluded, class mark first', () => {
    const scripts = desiredScripts(
      policyHosts(policyWith(SITES)).filter((h) => !coveredByCatalogue(h.pattern)),
    );
    expect(scripts.map((s) => [s.id, s.matches, s.js, s.world, s.matchOriginAsFallback])).toEqual([
      [
        'hush-policy-support-tool-backstop',
        ['*://*.helpdesk.example/*'],
        ['policy-class-support-tool-main.js', 'content-scripts/backstop.js'],
        'MAIN',
        true,
      ],
      [
        'hush-policy-support-tool-guard',
        ['*://*.helpdesk.example/*'],
        ['policy-class-support-tool.js', 'content-scripts/guard.js'],
        'ISOLATED',
        true,
      ],
      [
        'hush-policy-unapproved-ai-backstop',
        ['*://chat.corp-ai.example/*'],
        ['policy-class-unapproved-ai-main.js', 'content-scripts/backstop.js'],
        'MAIN',
        true,
      ],
      [
        'hush-policy-unapproved-ai-guard',
        ['*://chat.corp-ai.example/*'],
        ['policy-class-unapproved-ai.js', 'content-scripts/guard.js'],
        'ISOLATED',
        true,
      ],
      [
        'hush-policy-unapproved-ai-paths-backstop',
        ['*://llm.corp.example/playground*'],
        ['policy-class-unapproved-ai-main.js', 'content-scripts/backstop.js'],
        'MAIN',
        false,
      ],
      [
        'hush-policy-unapproved-ai-paths-guard',
        ['*://llm.corp.example/playground*'],
        ['policy-class-unapproved-ai.js', 'content-scripts/guard.js'],
        'ISOLATED',
        false,
      ],
    ]);
    for (const s of scripts) {
      expect(s).toMatchObject({
        allFrames: true,
        runAt: 'document_start',
        persistAcrossSessions: true,
      });
      expect(s.excludeMatches).toContain('*://chatgpt.com/*');
    }
  });
});

describe('planScripts', () => {
  const [a, b] = desiredScripts([{ pattern: 'a.example', pageClass: 'unapproved-ai' }]) as [
    ScriptSpec,
    ScriptSpec,
  ];

  it('registers what is new, updates what changed, unregisters what is gone, leaves others', () => {
    const changed = { ...b, matches: ['*://old.example/*'] };
    const stale = { ...a, id: 'hush-policy-support-tool-guard' };
    const foreign = { ...a, id: 'someone-else' };
    expect(planScripts([a, b], [changed, stale, foreign])).toEqual({
      register: [a],
      update: [b],
      unregister: ['hush-policy-support-tool-guard'],
    });
  });

  it('does nothing when the registrations are already right, in any order', () => {
    const reported = {
      ...b,
      matches: [...b.matches].reverse(),
      excludeMatches: [...b.excludeMatches].reverse(),
    };
    expect(planScripts([a, b], [reported, a])).toEqual({
      register: [],
      update: [],
      unregister: [],
    });
  });
});

describe('syncPolicyScripts', () => {
  it('registers granted hosts, reports the rest with the reason, and writes the coverage', async () => {
    const { scripting, scripts } = registry();
    const coverage = await syncPolicyScripts({
      policy: policyWith(SITES),
      scripting,
      permissions: access('*://chat.corp-ai.example/*'),
      local: fakeBrowser.storage.local,
      now: () => 1_000,
    });
    expect([...scripts.keys()].sort()).toEqual([
      'hush-policy-unapproved-ai-backstop',
      'hush-policy-unapproved-ai-guard',
    ]);
    expect(coverage.hosts.map((h) => [h.pattern, h.state, h.origin])).toEqual([
      ['chat.corp-ai.example', 'guarded', '*://chat.corp-ai.example/*'],
      ['llm.corp.example/playground', 'no-access', '*://llm.corp.example/*'],
      ['chatgpt.com', 'catalogue', '*://chatgpt.com/*'],
      ['*.helpdesk.example', 'no-access', '*://*.helpdesk.example/*'],
    ]);
    const stored = (await fakeBrowser.storage.local.get(COVERAGE_KEY))[COVERAGE_KEY];
    expect(readCoverage(stored)).toEqual(coverage);
  });

  it('follows policy: a changed list updates, a removed host is unregistered', async () => {
    const { scripting, scripts, calls } = registry();
    const all = access('*://chat.corp-ai.example/*', '*://*.helpdesk.example/*', '*://x.example/*');
    const sync = (sites: Record<string, unknown>) =>
      syncPolicyScripts({
        policy: policyWith(sites),
        scripting,
        permissions: all,
        local: fakeBrowser.storage.local,
        now: () => 1,
      });
    await sync(SITES);
    await sync({ ...SITES, unapprovedAi: ['chat.corp-ai.example', 'x.example'] });
    expect(scripts.get('hush-policy-unapproved-ai-guard')?.matches).toEqual([
      '*://chat.corp-ai.example/*',
      '*://x.example/*',
    ]);
    await sync({});
    expect(scripts.size).toBe(0);
    expect(calls).toEqual([
      'register hush-policy-support-tool-backstop hush-policy-support-tool-guard hush-policy-unapproved-ai-backstop hush-policy-unapproved-ai-guard',
      'update hush-policy-unapproved-ai-backstop hush-policy-unapproved-ai-guard',
      'unregister hush-policy-support-tool-backstop hush-policy-support-tool-guard hush-policy-unapproved-ai-backstop hush-policy-unapproved-ai-guard',
    ]);
  });

  it('names a refusal and a browser without the API instead of failing', async () => {
    const { scripting } = registry();
    scripting.registerContentScripts = async () => {
      throw new Error('Invalid match pattern');
    };
    const refused = await syncPolicyScripts({
      policy: policyWith({ unapprovedAi: ['chat.corp-ai.example'] }),
      scripting,
      permissions: access('*://chat.corp-ai.example/*'),
      local: fakeBrowser.storage.local,
      now: () => 1,
    });
    expect(refused).toMatchObject({
      problem: 'Invalid match pattern',
      hosts: [{ pattern: 'chat.corp-ai.example', state: 'failed' }],
    });
    const old = await syncPolicyScripts({
      policy: policyWith({ unapprovedAi: ['chat.corp-ai.example'] }),
      local: fakeBrowser.storage.local,
      now: () => 1,
    });
    expect(old.hosts).toMatchObject([{ state: 'unsupported' }]);
  });

  it('runs again on a new policy revision and on a change of host access, one sync at a time', async () => {
    const { scripting, scripts } = registry();
    let sites: Record<string, unknown> = {};
    const granted: string[] = [];
    let grant: () => void = () => {};
    const started = startPolicyScripts({
      policy: async () => policyWith(sites),
      scripting,
      permissions: { contains: async ({ origins }) => origins.every((o) => granted.includes(o)) },
      permissionEvents: [{ addListener: (cb) => (grant = cb) }],
      onChanged: fakeBrowser.storage.onChanged,
      revisionKey: KEYS.revision,
      local: fakeBrowser.storage.local,
      now: () => 1,
    });
    await started.synced();
    expect(scripts.size).toBe(0);
    sites = { unapprovedAi: ['chat.corp-ai.example'] };
    await fakeBrowser.storage.local.set({ [KEYS.revision]: 2 });
    await fakeBrowser.storage.local.set({ [KEYS.revision]: 3 });
    await started.synced();
    expect(scripts.size).toBe(0); // No access yet.
    granted.push('*://chat.corp-ai.example/*');
    grant();
    await started.synced();
    expect(scripts.size).toBe(2);
  });
});

describe('the class mark', () => {
  it('hands the class to the first script of a frame only, and only a known class', () => {
    const frame = {};
    markPolicyClass('support-tool', frame);
    expect(takePolicyClass(frame)).toBe('support-tool');
    markPolicyClass('unapproved-ai', frame);
    expect(takePolicyClass(frame)).toBeNull();
    const other = { __hushPolicyPageClass: 'root' };
    expect(takePolicyClass(other)).toBeNull();
    expect(takePolicyClass({})).toBeNull();
  });
});

describe('the files a registration names', () => {
  it('are built from entrypoints of those names (WXT writes <name>.js)', () => {
    const root = new URL('../../entrypoints/', import.meta.url);
    const entry = (file: string) =>
      file.startsWith('content-scripts/')
        ? `${file.slice('content-scripts/'.length, -3)}.content.ts`
        : `${file.slice(0, -3)}.ts`;
    const files = [
      FILES.guard,
      FILES.backstop,
      ...Object.values(FILES.classMark).flatMap((byClass) => Object.values(byClass)),
    ];
    expect(files).toHaveLength(8);
    for (const file of files) expect(existsSync(new URL(entry(file), root)), file).toBe(true);
  });
});
