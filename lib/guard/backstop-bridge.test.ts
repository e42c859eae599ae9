import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { TokenVault } from '@/rules/index.ts';
import { openMainChannel } from '@/lib/backstop/channel.ts';
import { guardContext, Released, type GuardEvent } from './context.ts';
import { DEFAULT_RULES, type PageClass } from './decide.ts';
import { planFor } from './plan.ts';
import { installBackstopBridge, networkCheck } from './backstop-bridge.ts';

// Made-up values: a test-range card, an email on an invented domain, a fake GitHub token.
const EMAIL = 'jane.roe@mailbox-example.net';
const CARD = '4539 1488 0343 6467';
const KEY = 'ghp_R8x2Kq9LmP4vN7tZ1wY6sH3jD5fB0cA8eG2u';
const SSN = '536-22-8817';

function context(pageClass: PageClass, released = new Released(), vault = new TokenVault()) {
  return { pageClass, rules: DEFAULT_RULES, released, vault };
}

describe('networkCheck', () => {
  it('lets clean text go', () => {
    expect(networkCheck('Please summarise the refund policy.', context('unapproved-ai'))).toEqual({
      stop: false,
    });
    expect(networkCheck('  ', context('unapproved-ai'))).toEqual({ stop: false });
  });

  it('stops what the class masks, with the types', () => {
    expect(networkCheck(`Refund ${EMAIL} card ${CARD}`, context('unapproved-ai'))).toEqual({
      stop: true,
      action: 'mask',
      types: ['EMAIL', 'CREDIT_CARD'],
      detectors: ['email', 'credit-card'],
    });
  });

  it('follows the page class: support tools send emails, mask cards, block keys, warn on ids', () => {
    const support = context('support-tool');
    expect(networkCheck(`Reply to ${EMAIL}`, support)).toEqual({ stop: false });
    expect(networkCheck(`Card ${CARD}`, support)).toMatchObject({ stop: true, action: 'mask' });
    expect(networkCheck(`Token ${KEY} and ${EMAIL}`, support)).toEqual({
      stop: true,
      action: 'block',
      types: ['API_KEY'],
      detectors: ['github-token'],
    });
    // A warning is the review panel's business, not the backstop's.
    expect(networkCheck(`SSN ${SSN}`, support)).toEqual({ stop: false });
    // Approved AI masks RESTRICTED types only.
    expect(networkCheck(`Reply to ${EMAIL}`, context('approved-ai'))).toEqual({ stop: false });
    expect(networkCheck(`Card ${CARD}`, context('approved-ai'))).toMatchObject({ stop: true });
  });

  it('lets values the agent released go', () => {
    const released = new Released();
    released.add([EMAIL]);
    const ctx = context('unapproved-ai', released);
    expect(networkCheck(`Refund ${EMAIL}`, ctx)).toEqual({ stop: false });
    expect(networkCheck(`Refund ${EMAIL} card ${CARD}`, ctx)).toEqual({
      stop: true,
      action: 'mask',
      types: ['CREDIT_CARD'],
      detectors: ['credit-card'],
    });
  });

  it('never stops what Hush masked, with any strategy', () => {
    const text = `Customer ${EMAIL} paid with ${CARD}, call +44 20 7946 0958.`;
    for (const strategy of ['token', 'partial', 'redact', 'synthetic'] as const) {
      const vault = new TokenVault({ seed: 12345 });
      const rules = {
        ...DEFAULT_RULES,
        'unapproved-ai': { otherwise: 'mask' as const, strategy },
      };
      const plan = planFor(text, { pageClass: 'unapproved-ai', vault, rules });
      expect(plan.kind, strategy).toBe('mask');
      const masked = (plan as { masked: string }).masked;
      expect(masked).not.toContain(EMAIL);
      const ctx = { pageClass: 'unapproved-ai' as const, rules, released: new Released(), vault };
      expect(networkCheck(JSON.stringify({ text: masked }), ctx), strategy).toEqual({
        stop: false,
      });
      // The same stand-ins from another vault are not Hush's own output.
      if (strategy === 'synthetic') {
        const other = { ...ctx, vault: new TokenVault({ seed: 1 }) };
        expect(networkCheck(masked, other).stop).toBe(true);
      }
    }
  });
});

describe('installBackstopBridge', () => {
  function page(pageClass: PageClass) {
    const happy = new HappyWindow({ url: 'https://chatgpt.com/' });
    const win = happy as unknown as Window & typeof globalThis;
    const controller = new AbortController();
    const events: GuardEvent[] = [];
    const guard = guardContext({
      win,
      pageClass,
      vault: new TokenVault(),
      signal: controller.signal,
      report: (e) => events.push(e),
      texts: { approvedAlternative: { name: 'Acme GPT', url: 'https://gpt.acme.test' } },
    });
    installBackstopBridge(win, guard);
    const main = openMainChannel(win, 'closed');
    const notice = (): string =>
      win.document.getElementById('hush-notice')?.shadowRoot?.textContent ?? '';
    return { win, main, events, notice, controller, close: () => happy.happyDOM.close() };
  }

  it('answers the MAIN world, tells the agent the types, and reports without values', async () => {
    const p = page('unapproved-ai');
    expect(p.main.state).toBe('connected');
    expect(p.main.check('Please summarise the refund policy.')).toBe('allow');
    expect(p.events).toEqual([]);
    expect(p.main.check(`{"text":"Refund ${EMAIL} card ${CARD}"}`)).toBe('stop');
    expect(p.events).toEqual([
      {
        channel: 'network',
        action: 'mask',
        outcome: 'blocked',
        counts: { EMAIL: 1, CREDIT_CARD: 1 },
        detectors: ['email', 'credit-card'],
      },
    ]);
    expect(JSON.stringify(p.events)).not.toContain(EMAIL);
    // The notice names the types and the approved alternative, never a value.
    const notice = p.notice();
    expect(notice).toContain('email');
    expect(notice).toContain('Acme GPT');
    expect(notice).not.toContain(EMAIL);
    p.controller.abort();
    expect(p.main.state).toBe('off');
    await p.close();
  });

  it('stops an unreadable body where the fail mode is closed, and lets it go where open', async () => {
    const closed = page('unapproved-ai');
    expect(closed.main.unreadable('too-large')).toBe('stop');
    expect(closed.events).toEqual([
      { channel: 'network', action: 'block', outcome: 'blocked', counts: {} },
    ]);
    await closed.close();
    const open = page('support-tool');
    expect(open.main.unreadable('too-large')).toBe('allow');
    expect(open.events).toEqual([]);
    await open.close();
  });
});
