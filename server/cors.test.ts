import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { openDb } from './db/index.ts';
import { silentLogger } from './log.ts';

describe('CORS on the device routes', () => {
  // A preflight never reaches the database, so an unopened in-memory one will do.
  const app = createApp({
    db: openDb({ file: ':memory:' }),
    log: silentLogger,
    now: Date.now,
    rateLimitPerMinute: 10,
  });
  const preflight = (origin: string) =>
    app.request('/api/v1/incidents', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  it('lets an extension send incidents and read Retry-After', async () => {
    const origin = 'chrome-extension://pgianfnkfbenaoicloklnneaodpbmggj';
    const res = await preflight(origin);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const post = await app.request('/api/v1/incidents', { method: 'POST', headers: { origin } });
    expect(post.status).toBe(401);
    expect(post.headers.get('access-control-allow-origin')).toBe(origin);
    expect(post.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
  });

  it('answers the enrollment and policy preflights too', async () => {
    const origin = 'moz-extension://0b7e4f1c-3a2d-4e5f-9a8b-1c2d3e4f5a6b';
    for (const path of ['/api/v1/enroll', '/api/v1/policy', '/api/v1/false-alarms']) {
      const res = await app.request(path, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin'), path).toBe(origin);
    }
  });

  it('lets the policy sync send If-None-Match and read the ETag', async () => {
    const origin = 'chrome-extension://pgianfnkfbenaoicloklnneaodpbmggj';
    const res = await app.request('/api/v1/policy', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,if-none-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/GET/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/if-none-match/);
    const get = await app.request('/api/v1/policy', {
      headers: { origin, 'if-none-match': '"x"' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBe(origin);
    expect(get.headers.get('access-control-expose-headers')).toMatch(/\betag\b/);
  });

  it('gives web pages no permission', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
