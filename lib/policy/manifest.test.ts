import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedSchema, type SchemaNode } from './managed-schema.ts';
import { schemaShapeProblems, valueProblems } from './draft03.ts';
import { FIELDS } from './schema.ts';
import { readManaged } from './managed.ts';
import { EXTENSION_ID, extensionIdOf } from './extension-id.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('managed_schema.json', () => {
  const committed = JSON.parse(read('public/managed_schema.json')) as SchemaNode;

  it('is the schema generated from the policy (run lib/policy/write-managed-schema.ts)', () => {
    expect(committed).toEqual(managedSchema());
  });

  it('has the draft-03 shape Chrome and Edge accept', () => {
    expect(committed.type).toBe('object');
    expect(schemaShapeProblems(committed)).toEqual([]);
    expect(read('public/managed_schema.json')).not.toMatch(
      /additionalProperties|patternProperties|"\$schema"|"required"|oneOf|anyOf|allOf/,
    );
    // The checker itself catches what Chrome refuses.
    expect(
      schemaShapeProblems({ type: 'object', properties: {}, additionalProperties: false }),
    ).toEqual(['(top): keyword "additionalProperties" is not accepted']);
    // Chromium 156 refuses a range on a number (and then does not load the extension at all).
    expect(schemaShapeProblems({ type: 'number', minimum: 0 })).toEqual([
      '(top): minimum and maximum are accepted on integers only',
    ]);
  });

  it('covers connection, identity, locks and every policy field', () => {
    const p = committed.properties!;
    for (const key of [
      'backendUrl',
      'tenantId',
      'enrollmentToken',
      'policySigningKey',
      'user',
      'locked',
    ]) {
      expect(p[key], key).toBeDefined();
    }
    expect(Object.keys(p.user!.properties!)).toEqual(['id', 'team', 'groups']);
    for (const field of FIELDS) {
      let node: SchemaNode | undefined = p.policy;
      for (const part of field.split('.')) node = node?.properties?.[part];
      expect(node, field).toBeDefined();
    }
    expect(p.locked!.items!.enum).toEqual(expect.arrayContaining([...FIELDS, '*', 'rules']));
  });

  it('lets through what the extension accepts, and the extension reads it whole', () => {
    const managed = {
      backendUrl: 'https://hush.example.com',
      tenantId: 'acme',
      user: { team: 'Tier 2' },
      locked: ['rules', 'override.allowed'],
      policy: {
        version: 1,
        sites: {
          approved: [{ pattern: 'chatgpt.com', zeroDataRetention: true, dataResidency: ['EU'] }],
          excluded: ['claude.ai'],
        },
        rules: {
          'unapproved-ai': {
            byType: { EMAIL: 'block' },
            byLevel: { RESTRICTED: 'block' },
            otherwise: 'mask',
          },
          'support-tool': { strategyByType: { CREDIT_CARD: 'partial' } },
        },
        engine: {
          threshold: 0.6,
          levels: { IP_ADDRESS: 'CONFIDENTIAL' },
          customDetectors: [
            { id: 'employee-id', kind: 'regex', pattern: 'EMP-\\d{6}', flags: 'i', score: 0.9 },
            { id: 'code-names', kind: 'dictionary', words: ['Falcon'], caseSensitive: false },
            { id: 'customers', kind: 'edm', salt: 's', hashes: ['a'.repeat(64)], type: 'PERSON' },
          ],
        },
        failMode: { 'approved-ai': 'closed' },
        maxFileBytes: 10485760,
        telemetry: 'counts-and-reasons',
      },
    };
    expect(valueProblems(committed, managed)).toEqual([]);
    expect(readManaged(managed).problems).toEqual([]);
    expect(valueProblems(committed, { policy: { telemetry: 'all' } })).toEqual([
      'policy.telemetry: not one of the allowed values',
    ]);
  });
});

describe('the stable extension id', () => {
  const config = read('wxt.config.ts');
  const key = /EXTENSION_KEY =\s*'([A-Za-z0-9+/=]+)'/.exec(config)?.[1];

  it('comes from the public key in wxt.config.ts', async () => {
    expect(key).toBeDefined();
    // A public key only: an RSA SubjectPublicKeyInfo, never a private key.
    expect(Buffer.from(key!, 'base64').subarray(0, 2).toString('hex')).toBe('3082');
    expect(config).not.toMatch(/PRIVATE KEY/);
    expect(await extensionIdOf(Buffer.from(key!, 'base64'))).toBe(EXTENSION_ID);
  });

  it('is the one the docs name', () => {
    expect(read('docs/policy.md')).toContain(EXTENSION_ID);
    expect(config).toContain(EXTENSION_ID);
  });
});
