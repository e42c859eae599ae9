import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, decide } from '@/lib/guard/decide.ts';
import { defaultSettings } from '@/lib/guard/context.ts';
import { scanWithPolicy } from '@/rules/policy.ts';
import { FIELDS, PolicyError, getField, layerToDocument, parseLayer, readLayer } from './schema.ts';
import { defaultPolicy } from './defaults.ts';
import { canChangeLocally, effectivePolicy, LOCAL_FIELDS } from './layers.ts';
import { migrate, type Migration } from './migrate.ts';
import { classify, toGuardRules, toGuardSettings, toPageTexts, toScanOptions } from './convert.ts';
import { readManaged } from './managed.ts';

const layer = (doc: unknown) => parseLayer(doc);

describe('defaults', () => {
  it('equal the guard built-in rules and settings, so no policy changes nothing', () => {
    const p = defaultPolicy();
    expect(toGuardRules(p)).toEqual(
      Object.fromEntries(
        Object.entries(DEFAULT_RULES).map(([c, r]) => [
          c,
          { byType: {}, byLevel: {}, strategyByType: {}, ...r },
        ]),
      ),
    );
    for (const c of ['unapproved-ai', 'approved-ai', 'support-tool'] as const) {
      expect(toGuardSettings(p, c)).toEqual(defaultSettings(c));
    }
    expect(toPageTexts(p)).toEqual({});
  });

  it('have a value for every field', () => {
    const p = defaultPolicy();
    for (const f of FIELDS) expect(getField(p, f), f).not.toBeUndefined();
  });
});

describe('validation', () => {
  it('names the field and the problem', () => {
    expect(() => layer({ rules: { 'unapproved-ai': { otherwise: 'explode' } } })).toThrow(
      /^rules\.unapproved-ai\.otherwise: must be one of allow, monitor, warn, mask, block \(got "explode"\)/,
    );
    expect(() => layer({ maxFileBytes: 12.5 })).toThrow(/^maxFileBytes: must be a whole number/);
    expect(() => layer({ disclosure: { url: 'javascript:alert(1)' } })).toThrow(
      /^disclosure\.url: must be an http or https address/,
    );
    expect(() => layer({ sites: { approved: [{ pattern: 'https://chatgpt.com' }] } })).toThrow(
      /^sites\.approved\[0\]\.pattern: must be a host/,
    );
    expect(() => layer({ telemetry: 'everything' })).toThrow(/^telemetry: must be one of counts/);
  });

  it('rejects unknown fields (a misspelt field must not be ignored)', () => {
    const err = (() => {
      try {
        layer({ overide: { allowed: false }, rules: { 'unapproved-ai': { otherwize: 'block' } } });
      } catch (e) {
        return e as PolicyError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(PolicyError);
    expect(err.problems.map((p) => p.path)).toEqual(['overide', 'rules.unapproved-ai.otherwize']);
    expect(err.message).toMatch(/^overide: unknown field \(and 1 more problem\)$/);
  });

  it('validates the engine part with the engine policy schema, paths prefixed', () => {
    expect(() =>
      layer({
        engine: {
          customDetectors: [{ id: 'emp', kind: 'regex', pattern: '(a+)+$' }],
        },
      }),
    ).toThrow(/^engine\.customDetectors\[0\]\.pattern: can backtrack catastrophically/);
    expect(() =>
      layer({ engine: { customDetectors: [{ id: 'email', kind: 'dictionary', words: ['x'] }] } }),
    ).toThrow(/^engine\.customDetectors\[0\]\.id: "email" is the id of a built-in detector/);
    expect(() => layer({ engine: { threshold: 2 } })).toThrow(
      /^engine\.threshold: must be between 0 and 1/,
    );
  });

  it('reads leniently: keeps what is valid and names the rest', () => {
    const { layer: l, problems } = readLayer({
      override: { allowed: false, reasonRequired: 'yes' },
      telemetry: 'counts-and-reasons',
    });
    expect([...l]).toEqual([
      ['override.allowed', false],
      ['telemetry', 'counts-and-reasons'],
    ]);
    expect(problems).toEqual([
      { path: 'override.reasonRequired', message: 'must be true or false' },
    ]);
    expect(readLayer([1, 2]).problems[0]!.message).toMatch(
      /must be a JSON object \(got an array\)/,
    );
  });

  it('normalises site patterns and round-trips a layer as a document', () => {
    const l = layer({ sites: { unapprovedAi: ['  AI.Example.com '] }, reversibleMasking: false });
    expect(l.get('sites.unapprovedAi')).toEqual(['ai.example.com']);
    expect(parseLayer(layerToDocument(l))).toEqual(l);
  });
});

describe('effectivePolicy: layers and locks', () => {
  const managed = layer({
    rules: { 'unapproved-ai': { otherwise: 'block' } },
    telemetry: 'counts',
  });
  const synced = layer({
    rules: { 'unapproved-ai': { otherwise: 'warn', strategy: 'redact' } },
    override: { allowed: false },
    reversibleMasking: false,
  });

  it('takes each field from the highest layer that sets it and says which', () => {
    const e = effectivePolicy({ managed: { layer: managed, locked: [] }, synced });
    expect(e.policy.rules['unapproved-ai'].otherwise).toBe('block');
    expect(e.fields['rules.unapproved-ai.otherwise']).toEqual({ source: 'managed', locked: false });
    expect(e.policy.rules['unapproved-ai'].strategy).toBe('redact');
    expect(e.fields['rules.unapproved-ai.strategy']!.source).toBe('synced');
    expect(e.policy.override.allowed).toBe(false);
    expect(e.fields['override.reasonRequired']).toEqual({ source: 'default', locked: false });
    expect(e.fields.telemetry!.source).toBe('managed');
  });

  it('a lock without a managed value pins the default against lower layers', () => {
    const e = effectivePolicy({ managed: { layer: new Map(), locked: ['override'] }, synced });
    expect(e.policy.override.allowed).toBe(true);
    expect(e.fields['override.allowed']).toEqual({ source: 'default', locked: true });
    expect(e.fields['override.reasonRequired']).toEqual({ source: 'default', locked: true });
    // Unlocked fields still come from the synced layer.
    expect(e.fields.reversibleMasking!.source).toBe('synced');
  });

  it('locks by field, by group and everything with *', () => {
    const local = layer({ reversibleMasking: false });
    const one = effectivePolicy({
      managed: { layer: managed, locked: ['rules.unapproved-ai.strategy'] },
      synced,
      local,
    });
    expect(one.policy.rules['unapproved-ai'].strategy).toBe('token');
    expect(one.fields['rules.unapproved-ai.strategy']).toEqual({ source: 'default', locked: true });
    expect(one.fields['rules.approved-ai.strategy']!.locked).toBe(false);
    const all = effectivePolicy({ managed: { layer: managed, locked: ['*'] }, synced, local });
    expect(Object.values(all.fields).every((f) => f.locked)).toBe(true);
    expect(all.policy.reversibleMasking).toBe(true);
    expect(all.policy.rules['unapproved-ai'].otherwise).toBe('block');
  });

  it('local preferences apply only to local fields, below synced, and not when locked', () => {
    const local = new Map<string, unknown>([
      ['rules.approved-ai.strategy', 'synthetic'],
      ['rules.unapproved-ai.otherwise', 'allow'],
    ]);
    const e = effectivePolicy({ local });
    expect(e.policy.rules['approved-ai'].strategy).toBe('synthetic');
    expect(e.fields['rules.approved-ai.strategy']!.source).toBe('local');
    // Not a local field: an agent cannot loosen the action.
    expect(e.policy.rules['unapproved-ai'].otherwise).toBe('mask');
    expect(canChangeLocally(e, 'rules.approved-ai.strategy')).toBe(true);
    expect(canChangeLocally(e, 'rules.unapproved-ai.otherwise')).toBe(false);
    const locked = effectivePolicy({
      managed: { layer: new Map(), locked: ['rules.approved-ai.strategy'] },
      local,
    });
    expect(locked.policy.rules['approved-ai'].strategy).toBe('token');
    expect(canChangeLocally(locked, 'rules.approved-ai.strategy')).toBe(false);
    const bySynced = effectivePolicy({ synced, local: layer({ reversibleMasking: true }) });
    expect(bySynced.policy.reversibleMasking).toBe(false);
    expect(canChangeLocally(bySynced, 'reversibleMasking')).toBe(false);
    expect(LOCAL_FIELDS).toContain('reversibleMasking');
  });

  it('never shares objects with its inputs', () => {
    const e = effectivePolicy({
      managed: { layer: layer({ sites: { excluded: ['a.example'] } }), locked: [] },
    });
    e.policy.sites.excluded.push('b.example');
    expect(
      effectivePolicy({
        managed: { layer: layer({ sites: { excluded: ['a.example'] } }), locked: [] },
      }).policy.sites.excluded,
    ).toEqual(['a.example']);
    expect(defaultPolicy().sites.excluded).toEqual([]);
  });
});

describe('migrate', () => {
  // A made-up version 0 (one flat action for unapproved AI, a list of approved hosts) to show the
  // seam works: v1 is the first real version.
  const fakeSteps: Record<number, Migration> = {
    0: (doc) => {
      const { action, approvedHosts, ...rest } = doc as {
        action?: string;
        approvedHosts?: string[];
      };
      return {
        ...rest,
        ...(action ? { rules: { 'unapproved-ai': { otherwise: action } } } : {}),
        ...(approvedHosts
          ? { sites: { approved: approvedHosts.map((pattern) => ({ pattern })) } }
          : {}),
      };
    },
  };

  it('brings an old document to the current version before it is read', () => {
    const doc = migrate(
      { version: 0, action: 'block', approvedHosts: ['chat.example.com'], telemetry: 'counts' },
      fakeSteps,
    );
    expect(doc).toEqual({
      version: 1,
      telemetry: 'counts',
      rules: { 'unapproved-ai': { otherwise: 'block' } },
      sites: { approved: [{ pattern: 'chat.example.com' }] },
    });
    const p = effectivePolicy({ synced: parseLayer(doc) }).policy;
    expect(p.rules['unapproved-ai'].otherwise).toBe('block');
    expect(classify('https://chat.example.com/', p)).toBe('approved-ai');
  });

  it('leaves a current document alone and takes a missing version as current', () => {
    expect(migrate({ version: 1, telemetry: 'counts' })).toEqual({
      version: 1,
      telemetry: 'counts',
    });
    expect(migrate({ telemetry: 'counts' })).toEqual({ version: 1, telemetry: 'counts' });
  });

  it('refuses newer, unknown and malformed versions with a clear message', () => {
    expect(() => migrate({ version: 2 })).toThrow(/^version: 2 is newer than this release/);
    expect(() => migrate({ version: 0 })).toThrow(
      /^version: 0 is too old: no migration from version 0/,
    );
    expect(() => migrate({ version: '1' })).toThrow(/^version: must be a whole number/);
    expect(() => migrate('policy')).toThrow(/must be a JSON object/);
  });
});

describe('converters', () => {
  const p = effectivePolicy({
    managed: {
      layer: layer({
        sites: {
          approved: [{ pattern: 'chatgpt.com', zeroDataRetention: true, dataResidency: ['EU'] }],
          unapprovedAi: ['ai.intranet.example'],
          supportTools: ['help.example.com'],
          excluded: ['claude.ai'],
        },
        rules: { 'unapproved-ai': { byType: { EMAIL: 'block' }, otherwise: 'warn' } },
        engine: {
          levels: { EMAIL: 'RESTRICTED' },
          customDetectors: [
            { id: 'employee-id', kind: 'regex', pattern: '(?<![\\w-])EMP-\\d{6}(?!\\w)' },
          ],
        },
        override: { allowed: false },
        failMode: { 'support-tool': 'closed' },
        disclosure: { text: 'Company rules apply.', url: 'https://intranet.example/ai' },
        approvedAlternative: { name: 'Company GPT', url: 'https://gpt.example.com' },
      }),
      locked: [],
    },
  }).policy;

  it('classifies pages: excluded, then approved, then IT lists, then the catalogue', () => {
    expect(classify('https://claude.ai/new', p)).toBe('excluded');
    expect(classify('https://chatgpt.com/c/1', p)).toBe('approved-ai');
    expect(classify('https://ai.intranet.example/x', p)).toBe('unapproved-ai');
    expect(classify('https://help.example.com/', p)).toBe('support-tool');
    expect(classify('https://gemini.google.com/app', p)).toBe('unapproved-ai');
    expect(classify('https://example.org/', p)).toBeNull();
    expect(classify('not a url', p)).toBeNull();
  });

  it('gives the guard its rules, texts and settings', () => {
    const rules = toGuardRules(p);
    expect(rules['unapproved-ai'].byType).toEqual({ EMAIL: 'block' });
    expect(rules['unapproved-ai'].otherwise).toBe('warn');
    expect(toPageTexts(p)).toEqual({
      disclosure: 'Company rules apply.',
      disclosureUrl: 'https://intranet.example/ai',
      approvedAlternative: { name: 'Company GPT', url: 'https://gpt.example.com' },
    });
    expect(toGuardSettings(p, 'support-tool')).toMatchObject({
      overrideAllowed: false,
      failMode: 'closed',
    });
    expect(toGuardSettings(p, 'unapproved-ai').failMode).toBe('closed');
  });

  it('gives the engine its scan options, and the decisions follow them', () => {
    const compiled = toScanOptions(p);
    const findings = scanWithPolicy(
      'Staff EMP-123456 wrote from ann.lee@northwind-mail.net',
      compiled,
    );
    expect(findings.map((f) => f.type).sort()).toEqual(['CUSTOM', 'EMAIL']);
    expect(findings.find((f) => f.type === 'EMAIL')!.level).toBe('RESTRICTED');
    const d = decide(findings, 'unapproved-ai', toGuardRules(p));
    expect(d.action).toBe('block');
    expect(d.findings.find((f) => f.finding.type === 'CUSTOM')!.action).toBe('warn');
  });
});

describe('readManaged', () => {
  it('splits connection, policy and locks, and names what it dropped', () => {
    const m = readManaged({
      backendUrl: 'https://hush.example.com',
      tenantId: 'acme',
      enrollmentToken: 'tok-123',
      policySigningKey: 'MCowBQYDK2VwAyEA',
      user: { id: 'agent@example.com', team: 'Tier 1' },
      policy: { reversibleMasking: false, failMode: { 'approved-ai': 'sideways' } },
      locked: ['reversibleMasking', 'rules', 'nope'],
      colour: 'blue',
    });
    expect(m.connection).toEqual({
      backendUrl: 'https://hush.example.com',
      tenantId: 'acme',
      enrollmentToken: 'tok-123',
      policySigningKey: 'MCowBQYDK2VwAyEA',
      user: { id: 'agent@example.com', team: 'Tier 1' },
    });
    expect([...m.layer]).toEqual([['reversibleMasking', false]]);
    expect(m.locked).toEqual(['reversibleMasking', 'rules']);
    expect(m.problems.map((p) => p.path)).toEqual([
      'policy.failMode.approved-ai',
      'locked[2]',
      'colour',
    ]);
  });

  it('refuses a plain-http backend that is not on this machine', () => {
    expect(readManaged({ backendUrl: 'http://hush.example.com' }).problems[0]).toEqual({
      path: 'backendUrl',
      message: 'must be an https address (http only for localhost)',
    });
    expect(readManaged({ backendUrl: 'http://127.0.0.1:8787' }).connection.backendUrl).toBe(
      'http://127.0.0.1:8787',
    );
  });

  it('refuses a managed policy of a newer version as a whole, naming it', () => {
    const m = readManaged({ policy: { version: 9, telemetry: 'counts' } });
    expect(m.layer.size).toBe(0);
    expect(m.problems[0]!.path).toBe('policy.version');
  });
});
