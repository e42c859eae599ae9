import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/lib/sites/catalogue.ts';
import {
  addVisit,
  aiPolicyPatterns,
  createVisitCounter,
  firstKeptDay,
  HOST_UNKNOWN,
  localDay,
  migrateVisitLogV1,
  parseVisitLog,
  RETENTION_DAYS,
  visitHost,
  visitsItem,
} from './visits.ts';

const at = (y: number, m: number, d: number, h = 12): number => new Date(y, m - 1, d, h).getTime();
const site = (id: string) => CATALOGUE.find((s) => s.id === id)!;

beforeEach(() => fakeBrowser.reset());

describe('visits', () => {
  it('counts by the local calendar day', () => {
    expect(localDay(at(2026, 3, 9, 0))).toBe('2026-03-09');
    expect(localDay(at(2026, 3, 9, 23))).toBe('2026-03-09');
    expect(firstKeptDay(at(2026, 3, 31), 90)).toBe('2026-01-01');
    expect(firstKeptDay(at(2026, 3, 31), 1)).toBe('2026-03-31');
  });

  it('adds a visit per site and host, and forgets days past the retention', () => {
    const log = {
      '2025-12-31': { chatgpt: { 'chatgpt.com': 4 } },
      '2026-01-01': { claude: { 'claude.ai': 1 } },
    };
    expect(addVisit(log, 'chatgpt', 'chatgpt.com', at(2026, 3, 31))).toEqual({
      '2026-01-01': { claude: { 'claude.ai': 1 } },
      '2026-03-31': { chatgpt: { 'chatgpt.com': 1 } },
    });
    const today = { '2026-03-31': { chatgpt: { 'chatgpt.com': 1 } } };
    expect(addVisit(today, 'chatgpt', 'chatgpt.com', at(2026, 3, 31))).toEqual({
      '2026-03-31': { chatgpt: { 'chatgpt.com': 2 } },
    });
    // A second host of the same site is its own count; the first is left as it was.
    expect(addVisit(today, 'chatgpt', 'chat.openai.com', at(2026, 3, 31))).toEqual({
      '2026-03-31': { chatgpt: { 'chatgpt.com': 1, 'chat.openai.com': 1 } },
    });
    expect(today).toEqual({ '2026-03-31': { chatgpt: { 'chatgpt.com': 1 } } });
  });

  it('keeps the host as visited only when a catalogue or policy pattern names it exactly', () => {
    const chatgpt = site('chatgpt');
    expect(visitHost(chatgpt, 'chatgpt.com')).toBe('chatgpt.com');
    expect(visitHost(chatgpt, 'chat.openai.com')).toBe('chat.openai.com');
    // The browser's spelling of the same host: upper case, a final dot.
    expect(visitHost(chatgpt, 'ChatGPT.com.')).toBe('chatgpt.com');
    // A host-and-path pattern names its host.
    expect(visitHost(site('huggingchat'), 'huggingface.co')).toBe('huggingface.co');
    // Any other host is not kept: a wildcard names no host, and its subdomain may name a company.
    const wildcard = { patterns: ['*.openai.example'] };
    expect(visitHost(wildcard, 'acme-corp.openai.example')).toBe(HOST_UNKNOWN);
    expect(visitHost(chatgpt, 'evil.example')).toBe(HOST_UNKNOWN);
    // ...unless the policy names that host exactly (IT listed it, so it is IT's own name for it).
    const policy = {
      sites: {
        approved: [{ pattern: 'acme-corp.openai.example/deployments' }],
        unapprovedAi: ['*.other.example', 'chat.internal.example'],
        // Not AI lists: their hosts are never a visit's name.
        supportTools: ['desk.internal.example'],
        excluded: ['private.internal.example'],
      },
    };
    const patterns = aiPolicyPatterns(policy);
    expect(patterns).toEqual([
      'acme-corp.openai.example/deployments',
      '*.other.example',
      'chat.internal.example',
    ]);
    expect(visitHost(wildcard, 'acme-corp.openai.example', patterns)).toBe(
      'acme-corp.openai.example',
    );
    expect(visitHost(wildcard, 'x.other.example', patterns)).toBe(HOST_UNKNOWN);
  });

  it('validates what storage holds, keeping what is sound', () => {
    expect(
      parseVisitLog({
        '2026-03-01': {
          chatgpt: { 'chatgpt.com': 2, 'chat.openai.com': 1, 'Bad Host': 1, 'x.example/path': 1 },
          'Bad Id': { 'claude.ai': 1 },
          claude: { 'claude.ai': -1 },
          gemini: { 'gemini.google.com': 1.5 },
          perplexity: 3,
          mistral: { [HOST_UNKNOWN]: 4 },
        },
        yesterday: { chatgpt: { 'chatgpt.com': 1 } },
        '2026-03-02': 'x',
        '2026-03-03': {},
        '2026-03-04': { chatgpt: {} },
      }),
    ).toEqual({
      '2026-03-01': {
        chatgpt: { 'chatgpt.com': 2, 'chat.openai.com': 1 },
        mistral: { [HOST_UNKNOWN]: 4 },
      },
    });
    expect(parseVisitLog(null)).toEqual({});
    expect(parseVisitLog([1])).toEqual({});
  });

  it('migrates a version 1 log (counts per site) to counts under an unknown host, losing none', () => {
    const v1 = {
      '2026-03-01': { chatgpt: 2, claude: 1 },
      '2026-03-02': { chatgpt: 5 },
      // Damaged entries pass through unchanged; the read drops them, as it did in version 1.
      '2026-03-03': 'x',
      '2026-03-04': { gemini: -1 },
    };
    const v2 = migrateVisitLogV1(v1);
    expect(v2).toEqual({
      '2026-03-01': { chatgpt: { [HOST_UNKNOWN]: 2 }, claude: { [HOST_UNKNOWN]: 1 } },
      '2026-03-02': { chatgpt: { [HOST_UNKNOWN]: 5 } },
      '2026-03-03': 'x',
      '2026-03-04': { gemini: { [HOST_UNKNOWN]: -1 } },
    });
    expect(parseVisitLog(v2)).toEqual({
      '2026-03-01': { chatgpt: { [HOST_UNKNOWN]: 2 }, claude: { [HOST_UNKNOWN]: 1 } },
      '2026-03-02': { chatgpt: { [HOST_UNKNOWN]: 5 } },
    });
    // A version 2 log (its version mark lost) passes through as it is.
    expect(migrateVisitLogV1(v2)).toEqual(v2);
    expect(migrateVisitLogV1(null)).toBeNull();
    expect(migrateVisitLogV1('x')).toBe('x');
  });

  it('migrates the stored item written by version 1, then counts by host beside the old counts', async () => {
    // What a build with version 1 of the item left in storage: the value and WXT's version mark.
    await fakeBrowser.storage.local.set({
      aiVisits: { '2026-03-01': { chatgpt: 3 } },
      aiVisits$: { v: 1 },
    });
    await visitsItem.migrate();
    expect(await fakeBrowser.storage.local.get(['aiVisits', 'aiVisits$'])).toEqual({
      aiVisits: { '2026-03-01': { chatgpt: { [HOST_UNKNOWN]: 3 } } },
      aiVisits$: { v: 2 },
    });
    const counter = createVisitCounter();
    await counter.count('chatgpt', 'chatgpt.com', at(2026, 3, 1));
    expect(await counter.read(at(2026, 3, 1))).toEqual({
      '2026-03-01': { chatgpt: { [HOST_UNKNOWN]: 3, 'chatgpt.com': 1 } },
    });
    // Migrated once: running it again (a new worker) changes nothing.
    await visitsItem.migrate();
    expect(await createVisitCounter().read(at(2026, 3, 1))).toEqual({
      '2026-03-01': { chatgpt: { [HOST_UNKNOWN]: 3, 'chatgpt.com': 1 } },
    });
  });

  it('stores the log in extension storage, once per document, and reads within the retention', async () => {
    const counter = createVisitCounter();
    await Promise.all([
      counter.count('chatgpt', 'chatgpt.com', at(2026, 3, 1), 'doc-a'),
      counter.count('chatgpt', 'chatgpt.com', at(2026, 3, 1), 'doc-a'),
      counter.count('chatgpt', 'chatgpt.com', at(2026, 3, 1), 'doc-b'),
      counter.count('chatgpt', 'chat.openai.com', at(2026, 3, 1), 'doc-c'),
      counter.count('perplexity', HOST_UNKNOWN, at(2026, 3, 1)),
    ]);
    // A new service worker reads the same item.
    expect(await createVisitCounter().read(at(2026, 3, 1))).toEqual({
      '2026-03-01': {
        chatgpt: { 'chatgpt.com': 2, 'chat.openai.com': 1 },
        perplexity: { [HOST_UNKNOWN]: 1 },
      },
    });
    expect(await createVisitCounter().read(at(2026, 3, 1) + RETENTION_DAYS * 86_400_000)).toEqual(
      {},
    );
    await expect(counter.count('<script>', 'chatgpt.com', at(2026, 3, 1))).rejects.toThrow(
      /not a site id/,
    );
    await expect(
      counter.count('chatgpt', 'https://chatgpt.com/c/1', at(2026, 3, 1)),
    ).rejects.toThrow(/not a host name/);
  });
});
