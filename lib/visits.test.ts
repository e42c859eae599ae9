import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addVisit,
  createVisitCounter,
  firstKeptDay,
  localDay,
  parseVisitLog,
  RETENTION_DAYS,
} from './visits.ts';

const at = (y: number, m: number, d: number, h = 12): number => new Date(y, m - 1, d, h).getTime();

beforeEach(() => fakeBrowser.reset());

describe('visits', () => {
  it('counts by the local calendar day', () => {
    expect(localDay(at(2026, 3, 9, 0))).toBe('2026-03-09');
    expect(localDay(at(2026, 3, 9, 23))).toBe('2026-03-09');
    expect(firstKeptDay(at(2026, 3, 31), 90)).toBe('2026-01-01');
    expect(firstKeptDay(at(2026, 3, 31), 1)).toBe('2026-03-31');
  });

  it('adds a visit and forgets days past the retention', () => {
    const log = { '2025-12-31': { chatgpt: 4 }, '2026-01-01': { claude: 1 } };
    expect(addVisit(log, 'chatgpt', at(2026, 3, 31))).toEqual({
      '2026-01-01': { claude: 1 },
      '2026-03-31': { chatgpt: 1 },
    });
    expect(addVisit({ '2026-03-31': { chatgpt: 1 } }, 'chatgpt', at(2026, 3, 31))).toEqual({
      '2026-03-31': { chatgpt: 2 },
    });
  });

  it('validates what storage holds, keeping what is sound', () => {
    expect(
      parseVisitLog({
        '2026-03-01': { chatgpt: 2, 'Bad Id': 1, claude: -1, gemini: 1.5 },
        yesterday: { chatgpt: 1 },
        '2026-03-02': 'x',
        '2026-03-03': {},
      }),
    ).toEqual({ '2026-03-01': { chatgpt: 2 } });
    expect(parseVisitLog(null)).toEqual({});
    expect(parseVisitLog([1])).toEqual({});
  });

  it('stores the log in extension storage, once per document, and reads within the retention', async () => {
    const counter = createVisitCounter();
    await Promise.all([
      counter.count('chatgpt', at(2026, 3, 1), 'doc-a'),
      counter.count('chatgpt', at(2026, 3, 1), 'doc-a'),
      counter.count('chatgpt', at(2026, 3, 1), 'doc-b'),
      counter.count('perplexity', at(2026, 3, 1)),
    ]);
    // A new service worker reads the same item.
    expect(await createVisitCounter().read(at(2026, 3, 1))).toEqual({
      '2026-03-01': { chatgpt: 2, perplexity: 1 },
    });
    expect(await createVisitCounter().read(at(2026, 3, 1) + RETENTION_DAYS * 86_400_000)).toEqual(
      {},
    );
    await expect(counter.count('<script>', at(2026, 3, 1))).rejects.toThrow(/not a site id/);
  });
});
