import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { openDb } from './db/index.ts';
import { silentLogger } from './log.ts';
import { ROUTES } from './openapi.ts';

describe('OpenAPI description', () => {
  // Routes are registered without touching the database, so an unopened in-memory one will do.
  const db = openDb({ file: ':memory:' });
  const app = createApp({ db, log: silentLogger, now: Date.now, rateLimitPerMinute: 1 });

  it('describes every route the app serves, and nothing it does not', async () => {
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/, '')}`),
    );
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.0.3');
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path}`),
      ),
    );
    expect([...served].sort()).toEqual([...described].sort());
    expect(described.size).toBe(ROUTES.length);
  });

  it('gives every route with a JSON body its 400, 413 and 415, and every error its issues', async () => {
    interface Op {
      requestBody?: unknown;
      responses: Record<
        string,
        { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }
      >;
    }
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, Op>>;
    };
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.requestBody !== undefined) {
          for (const status of ['400', '413', '415']) {
            if (!op.responses[status]) missing.push(`${method} ${path}: no ${status}`);
          }
        }
        for (const [status, response] of Object.entries(op.responses)) {
          const schema = response.content?.['application/json']?.schema;
          if (Number(status) >= 400 && schema?.properties && !('issues' in schema.properties)) {
            missing.push(`${method} ${path} ${status}: error without issues`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('carries the validation schemas: strict records, the vocabularies, the batch cap', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
      >;
    };
    interface Schema {
      properties: Record<
        string,
        Schema & { enum?: string[]; maxItems?: number; pattern?: string; items: Schema }
      >;
      additionalProperties?: boolean;
      required?: string[];
    }
    const batch =
      doc.paths['/api/v1/incidents']!.post!.requestBody!.content['application/json']!.schema;
    expect(batch.additionalProperties).toBe(false);
    expect(batch.properties.records!.maxItems).toBe(1000);
    const rec = batch.properties.records!.items;
    expect(rec.additionalProperties).toBe(false);
    expect(rec.properties.channel!.enum).toContain('paste');
    expect(rec.properties.outcome!.enum).toContain('overridden');
    expect(rec.properties.host!.pattern).toBeTruthy();
    expect(rec.required).toEqual(
      expect.arrayContaining(['id', 'time', 'host', 'channel', 'counts', 'user']),
    );
    expect(Object.keys(rec.properties)).not.toContain('text');
    const counts = rec.properties.counts!;
    expect(counts.additionalProperties).toBe(false);
    expect(Object.keys(counts.properties)).toContain('CREDIT_CARD');
  });
});
