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
      trustedProxies: [],
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

  it('reads trusted proxies as addresses and CIDR ranges, comma- or space-separated', () => {
    expect(
      readConfig({ HUSH_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.10 2001:db8::/32,::1' })
        .trustedProxies,
    ).toEqual(['10.0.0.0/8', '192.0.2.10', '2001:db8::/32', '::1']);
    expect(readConfig({ HUSH_TRUSTED_PROXIES: '' }).trustedProxies).toEqual([]);
  });

  it('names every bad trusted-proxy entry in one start-up error', () => {
    let err: unknown;
    try {
      readConfig({ HUSH_TRUSTED_PROXIES: '10.0.0.0/33, lb.example.com, 2001:db8::/129, 1.2.3/8' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^HUSH_TRUSTED_PROXIES must list IP addresses or CIDR ranges/);
    expect(problems[0]).toContain(
      '"10.0.0.0/33": the prefix length must be a whole number from 0 to 32',
    );
    expect(problems[0]).toContain('"lb.example.com" is not an IP address or CIDR range');
    expect(problems[0]).toContain(
      '"2001:db8::/129": the prefix length must be a whole number from 0 to 128',
    );
    expect(problems[0]).toContain('"1.2.3/8" is not an IP address or CIDR range');
    expect((err as Error).message).toContain('hush-server: bad configuration');
  });
});
