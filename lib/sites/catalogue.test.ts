import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.ts';
import { findSite, matchesPattern, PATTERN } from './match.ts';

describe('site catalogue', () => {
  it('is sorted by kind then id, with unique kebab-case ids', () => {
    const keys = CATALOGUE.map((e) => `${e.kind === 'ai' ? 0 : 1}:${e.id}`);
    expect(keys).toEqual([...keys].sort());
    const ids = CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has valid patterns, sorted within each entry, never claimed twice', () => {
    const seen = new Map<string, string>();
    for (const e of CATALOGUE) {
      expect(e.name.length, e.id).toBeGreaterThan(0);
      expect(e.vendor.length, e.id).toBeGreaterThan(0);
      expect(e.patterns.length, e.id).toBeGreaterThan(0);
      expect([...e.patterns], e.id).toEqual([...e.patterns].sort());
      for (const p of e.patterns) {
        expect(p, e.id).toMatch(PATTERN);
        expect(seen.get(p), `${p} in ${e.id}`).toBeUndefined();
        seen.set(p, e.id);
      }
    }
  });

  it('covers at least 60 AI sites and 12 support tools, including the ones agents use most', () => {
    expect(CATALOGUE.filter((e) => e.kind === 'ai').length).toBeGreaterThanOrEqual(60);
    expect(CATALOGUE.filter((e) => e.kind === 'support').length).toBeGreaterThanOrEqual(12);
    const expected: Array<[string, string]> = [
      ['https://chatgpt.com/c/123', 'chatgpt'],
      ['https://chat.openai.com/', 'chatgpt'],
      ['https://claude.ai/new', 'claude'],
      ['https://gemini.google.com/app', 'gemini'],
      ['https://copilot.microsoft.com/', 'copilot'],
      ['https://www.perplexity.ai/search', 'perplexity'],
      ['https://chat.deepseek.com/', 'deepseek'],
      ['https://chat.mistral.ai/chat', 'le-chat'],
      ['https://grok.com/', 'grok'],
      ['https://www.meta.ai/', 'meta-ai'],
      ['https://poe.com/', 'poe'],
      ['https://character.ai/chat/x', 'character-ai'],
      ['https://huggingface.co/chat/', 'huggingchat'],
      ['https://you.com/', 'you-com'],
      ['https://pi.ai/talk', 'pi'],
      ['https://chat.qwen.ai/', 'qwen'],
      ['https://www.kimi.com/', 'kimi'],
      ['https://acme.zendesk.com/agent/tickets/1', 'zendesk'],
      ['https://app.intercom.com/a/inbox', 'intercom'],
      ['https://acme.freshdesk.com/a/tickets/9', 'freshdesk'],
      ['https://acme.lightning.force.com/lightning/r/Case/1/view', 'salesforce-service-cloud'],
      ['https://app.hubspot.com/help-desk', 'hubspot'],
      ['https://acme.service-now.com/now/sow', 'servicenow'],
      ['https://acme.gorgias.com/app', 'gorgias'],
      ['https://secure.helpscout.net/mailbox', 'help-scout'],
      ['https://app.frontapp.com/inboxes', 'front'],
      ['https://acme.kustomerapp.com/app', 'kustomer'],
      ['https://desk.zoho.com/agent', 'zoho-desk'],
      ['https://acme.gladly.com/', 'gladly'],
    ];
    for (const [url, id] of expected) expect(findSite(url)?.id, url).toBe(id);
  });
});

describe('matchesPattern', () => {
  it('matches hosts exactly, wildcards on subdomains only, and paths on segment boundaries', () => {
    expect(matchesPattern('claude.ai', '/', 'claude.ai')).toBe(true);
    expect(matchesPattern('evilclaude.ai', '/', 'claude.ai')).toBe(false);
    expect(matchesPattern('claude.ai.evil.com', '/', 'claude.ai')).toBe(false);
    expect(matchesPattern('acme.zendesk.com', '/', '*.zendesk.com')).toBe(true);
    expect(matchesPattern('zendesk.com', '/', '*.zendesk.com')).toBe(false);
    expect(matchesPattern('evilzendesk.com', '/', '*.zendesk.com')).toBe(false);
    expect(matchesPattern('huggingface.co', '/chat', 'huggingface.co/chat')).toBe(true);
    expect(matchesPattern('huggingface.co', '/chat/conversation/1', 'huggingface.co/chat')).toBe(
      true,
    );
    expect(matchesPattern('huggingface.co', '/chatbots', 'huggingface.co/chat')).toBe(false);
    expect(matchesPattern('huggingface.co', '/models', 'huggingface.co/chat')).toBe(false);
    expect(matchesPattern('CHATGPT.COM.', '/', 'chatgpt.com')).toBe(true);
  });

  it('ignores non-web and invalid URLs', () => {
    expect(findSite('file:///chatgpt.com')).toBeNull();
    expect(findSite('not a url')).toBeNull();
    expect(findSite('https://example.org/')).toBeNull();
  });
});
