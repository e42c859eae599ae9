import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '@/lib/sites/catalogue.ts';
import { catalogueMatches, frameAddress, pageClassFor, toMatchPatterns } from './pages.ts';

describe('toMatchPatterns', () => {
  it('turns hosts, wildcard hosts and path prefixes into Chrome match patterns', () => {
    expect(toMatchPatterns({ patterns: ['claude.ai'] })).toEqual(['*://claude.ai/*']);
    expect(toMatchPatterns({ patterns: ['*.zendesk.com'] })).toEqual(['*://*.zendesk.com/*']);
    expect(toMatchPatterns({ patterns: ['huggingface.co/chat'] })).toEqual([
      '*://huggingface.co/chat*',
    ]);
  });

  it('gives every catalogue pattern a valid match pattern, once', () => {
    const matches = catalogueMatches();
    expect(new Set(matches).size).toBe(matches.length);
    const all = CATALOGUE.flatMap((e) => e.patterns).length;
    expect(matches.length).toBe(all);
    for (const m of matches) expect(m).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/[a-z0-9._~\-/]*\*$/);
    expect(matches).not.toContain('<all_urls>');
  });
});

describe('pageClassFor', () => {
  it('classes AI sites as unapproved and support tools as support', () => {
    expect(pageClassFor('https://chatgpt.com/c/123')).toBe('unapproved-ai');
    expect(pageClassFor('https://huggingface.co/chat/')).toBe('unapproved-ai');
    expect(pageClassFor('https://acme.zendesk.com/agent/tickets/1')).toBe('support-tool');
  });

  it('gives pages outside the catalogue no class', () => {
    expect(pageClassFor('https://example.org/')).toBeNull();
    expect(pageClassFor('https://huggingface.co/models')).toBeNull();
    expect(pageClassFor('https://huggingface.co/chatter')).toBeNull();
    expect(pageClassFor('about:blank')).toBeNull();
  });
});

describe('frameAddress', () => {
  const fake = (href: string, origin: string, parent?: Window): Window => {
    const win = { location: { href }, origin } as unknown as Window & { parent: Window };
    win.parent = parent ?? win;
    return win;
  };

  it("uses a blank frame's parent address, or its inherited origin", () => {
    const top = fake('https://huggingface.co/chat/c/1', 'https://huggingface.co');
    expect(frameAddress(fake('about:blank', 'https://huggingface.co', top))).toBe(
      'https://huggingface.co/chat/c/1',
    );
    expect(frameAddress(fake('about:srcdoc', 'https://chatgpt.com'))).toBe('https://chatgpt.com');
    expect(frameAddress(fake('https://claude.ai/new', 'https://claude.ai'))).toBe(
      'https://claude.ai/new',
    );
  });
});
