/**
 * The Policy page's model: its check agrees with the server's on what may be published (the page
 * must never offer to publish what the server refuses, nor refuse what it takes), field edits
 * leave no empty objects behind, and the generated form places every schema field once.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS } from '@/lib/policy/schema.ts';
import { checkPolicy } from '../../../../policy/validate.ts';
import { sections } from './fields.ts';
import { checkDoc, parseText, setPath } from './model.ts';

const DOCS: unknown[] = [
  { version: 1 },
  {},
  [],
  null,
  { version: 0 },
  { version: 1.5 },
  { version: 2 },
  { version: 1, telemetry: 'counts-and-reasons', override: { allowed: false } },
  { version: 1, telemetry: 'everything' },
  { version: 1, rules: { 'unapproved-ai': { byType: { EMAIL: 'block' }, otherwise: 'warn' } } },
  { version: 1, rules: { 'unapproved-ai': { byType: { NOT_A_TYPE: 'block' } } } },
  { version: 1, sites: { approved: [{ pattern: 'claude.ai', name: 'Claude' }] } },
  { version: 1, sites: { approved: [{ pattern: 'https://claude.ai' }] } },
  { version: 1, approvedAlternative: { name: 'Copilot' } },
  { version: 1, disclosure: { url: 'javascript:alert(1)' } },
  { version: 1, engine: { threshold: 0.7, levels: { PHONE: 'RESTRICTED' } } },
  { version: 1, engine: { customDetectors: [{ id: 'x1', kind: 'regex', pattern: '(a+)+$' }] } },
  { version: 1, treshold: 0.5 },
];

describe('checkDoc', () => {
  it.each(DOCS.map((d) => [JSON.stringify(d), d]))('agrees with the server on %s', (_, doc) => {
    let server: string[] = [];
    try {
      checkPolicy(doc);
    } catch (err) {
      server = (err as { issues: { path: string }[] }).issues.map((i) => i.path);
    }
    expect(checkDoc(doc).map((i) => i.path)).toEqual(server);
  });

  it('names the line and column of a JSON syntax error', () => {
    expect(parseText('{\n  "version": 1,\n}')).toEqual({
      error: expect.stringMatching(/^not valid JSON at line 3, column 1$/),
    });
    expect(parseText('{"version": 1}')).toEqual({ doc: { version: 1 } });
  });
});

describe('setPath', () => {
  it('sets nested fields and prunes what clearing one leaves empty', () => {
    const a = setPath({ version: 1 }, 'rules.unapproved-ai.otherwise', 'warn');
    expect(a).toEqual({ version: 1, rules: { 'unapproved-ai': { otherwise: 'warn' } } });
    const b = setPath(a, 'rules.approved-ai.strategy', 'redact');
    expect(setPath(b, 'rules.unapproved-ai.otherwise', undefined)).toEqual({
      version: 1,
      rules: { 'approved-ai': { strategy: 'redact' } },
    });
    expect(setPath(a, 'rules.unapproved-ai.otherwise', undefined)).toEqual({ version: 1 });
    expect(setPath({ version: 1 }, 'sites.excluded', undefined)).toEqual({ version: 1 });
    // The input is never changed.
    expect(a).toEqual({ version: 1, rules: { 'unapproved-ai': { otherwise: 'warn' } } });
  });
});

describe('the generated form', () => {
  it('has a control for every schema field, once', () => {
    const placed = sections().flatMap((s) => s.fields.map((f) => f.path));
    expect([...placed].sort()).toEqual([...FIELDS].sort());
    const byPath = new Map(sections().flatMap((s) => s.fields.map((f) => [f.path, f])));
    expect(byPath.get('telemetry')?.control).toEqual({
      kind: 'choice',
      options: ['counts', 'counts-and-reasons'],
    });
    expect(byPath.get('override.allowed')?.control).toEqual({ kind: 'yesno' });
    expect(byPath.get('maxFileBytes')?.control).toEqual({ kind: 'number', integer: true });
    expect(byPath.get('sites.excluded')?.control).toEqual({ kind: 'lines' });
    expect(byPath.get('rules.support-tool.byType')?.control).toMatchObject({ kind: 'map' });
    expect(byPath.get('engine.customDetectors')?.control).toEqual({ kind: 'detectors' });
  });
});
