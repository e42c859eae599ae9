import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('fills in defaults: embedded SQLite on 127.0.0.1', () => {
    expect(readConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8787,
      databaseUrl: undefined,
      dbFile: '.data/hush.sqlite',
      logLevel: 'info',
      rateLimitPerMinute: 120,
      keyGraceDays: 14,
    });
    expect(readConfig({ HUSH_PORT: '', PATH: '/bin' }).port).toBe(8787);
  });

  it('reads every variable', () => {
    expect(
      readConfig({
        HUSH_HOST: '0.0.0.0',
        HUSH_PORT: '9000',
        DATABASE_URL: 'postgres://hush@db:5432/hush',
        HUSH_LOG_LEVEL: 'warn',
        HUSH_RATE_LIMIT_PER_MINUTE: '10',
        HUSH_KEY_GRACE_DAYS: '30',
      }),
    ).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      databaseUrl: 'postgres://hush@db:5432/hush',
      logLevel: 'warn',
      rateLimitPerMinute: 10,
      keyGraceDays: 30,
    });
  });

  it('names every bad variable at once', () => {
    let err: unknown;
    try {
      readConfig({
        HUSH_PORT: '80a',
        DATABASE_URL: 'mysql://x',
        HUSH_LOG_LEVEL: 'loud',
        HUSH_RATE_LIMIT_PER_MINUTE: '0',
        HUSH_KEY_GRACE_DAYS: '-1',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'HUSH_PORT',
      'DATABASE_URL',
      'HUSH_LOG_LEVEL',
      'HUSH_RATE_LIMIT_PER_MINUTE',
      'HUSH_KEY_GRACE_DAYS',
    ]);
    expect(problems[1]).toContain('postgres://');
  });
});
