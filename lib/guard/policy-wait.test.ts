// @vitest-environment happy-dom
/**
 * A paste made before the page has the company's policy (entrypoints/guard.content.ts sets
 * `policyPending` until its first answer) waits for it: the policy's rules decide it, and text
 * with nothing to stop still goes in. The real browser path is in test/e2e/policy.spec.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TokenVault } from '@/rules/index.ts';
import { guardContext, type GuardEvent } from './context.ts';
import { DEFAULT_RULES, type GuardRules } from './decide.ts';
import { installGuard } from './guard.ts';
import { NOTICE_HOST_ID } from './notice.ts';

const EMAIL = 'mara.quill@harbour-example.net';

/** What the notice says (it lives in a shadow root). */
const notice = (): string =>
  document.getElementById(NOTICE_HOST_ID)?.shadowRoot?.querySelector('[role="status"]')
    ?.textContent ?? '';

function setup() {
  // happy-dom has no execCommand: insertText takes its fallback (setRangeText and an input event).
  (document as { execCommand?: unknown }).execCommand = () => false;
  document.body.innerHTML = '<textarea id="prompt"></textarea>';
  const el = document.getElementById('prompt') as HTMLTextAreaElement;
  const life = new AbortController();
  const reports: GuardEvent[] = [];
  let arrive!: () => void;
  const guard = guardContext({
    win: window,
    pageClass: 'unapproved-ai',
    vault: new TokenVault({ seed: 7 }),
    signal: life.signal,
    report: (e) => reports.push(e),
  });
  guard.policyPending = new Promise<void>((resolve) => (arrive = resolve));
  installGuard(window, guard);
  const paste = (text: string): boolean => {
    el.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    });
    el.dispatchEvent(event);
    return event.defaultPrevented;
  };
  /** The policy arrives: its rules replace the defaults, as lib/policy/follow.ts does. */
  const policyArrives = async (rules?: GuardRules) => {
    if (rules) guard.rules = rules;
    delete guard.policyPending;
    arrive();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { el, guard, life, reports, paste, policyArrives };
}

const blockEmail: GuardRules = {
  ...DEFAULT_RULES,
  'unapproved-ai': { ...DEFAULT_RULES['unapproved-ai'], byType: { EMAIL: 'block' } },
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a paste before the policy has arrived', () => {
  it('is held, then decided by the policy (block), not by the defaults (mask)', async () => {
    const { el, reports, paste, policyArrives, life } = setup();
    expect(paste(`Write to ${EMAIL} today`)).toBe(true);
    expect(el.value).toBe('');
    expect(reports).toEqual([]);
    await policyArrives(blockEmail);
    expect(el.value).toBe('');
    expect(reports).toMatchObject([{ channel: 'paste', action: 'block', outcome: 'blocked' }]);
    expect(notice()).toContain('Hush blocked this paste');
    life.abort();
  });

  it('goes in masked when the policy masks, and as it was when there is nothing to stop', async () => {
    const { el, paste, policyArrives, life } = setup();
    paste(`Write to ${EMAIL} today`);
    await policyArrives();
    expect(el.value).toBe('Write to [EMAIL_1] today');
    el.value = '';
    // Once the policy is there, a paste is decided at once (not held).
    expect(paste('Nothing to hide in this one')).toBe(false);
    life.abort();
  });

  it('with nothing to stop in it, is not lost: it goes in once the policy has arrived', async () => {
    const { el, paste, policyArrives, life } = setup();
    expect(paste('Nothing to hide in this one')).toBe(true);
    expect(el.value).toBe('');
    await policyArrives(blockEmail);
    expect(el.value).toBe('Nothing to hide in this one');
    life.abort();
  });

  it('goes in as it was when the guard stops meanwhile (policy excludes the page)', async () => {
    const { el, paste, policyArrives, life } = setup();
    paste(`Write to ${EMAIL} today`);
    life.abort();
    await policyArrives(blockEmail);
    expect(el.value).toBe(`Write to ${EMAIL} today`);
  });
});
