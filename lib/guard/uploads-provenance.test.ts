// @vitest-environment happy-dom
// Copy provenance for uploads (issue 7): a text file whose text was copied in a support tool is
// judged like a paste of it. The store and the client are the real ones; only the runtime
// message between them is a direct call here (in the extension it goes through lib/messages.ts).
import { describe, expect, it } from 'vitest';
import { TokenVault } from '@/rules/index.ts';
import { createProvenanceClient } from '@/lib/provenance/client.ts';
import { prehashes } from '@/lib/provenance/fingerprint.ts';
import { createProvenanceStore } from '@/lib/provenance/store.ts';
import { guardContext, type GuardEvent } from './context.ts';
import type { Action, PageClass } from './decide.ts';
import { checkFiles, copyCheckFor, judgeFile, type UploadUi } from './uploads.ts';

/** A customer's message with no value any detector finds (invented). */
const TICKET =
  'Hello, the coffee machine I bought in spring leaks water from the bottom every morning. ' +
  'I have descaled it twice as the manual says. Could somebody tell me what to try next?';
const UNRELATED =
  'Draft a short, friendly paragraph that explains our returns process to a new customer.';

async function setup(pageClass: PageClass = 'unapproved-ai', action?: Action, copiedAgoMs = 0) {
  // The real clock (the notices say "5 minutes ago" by it), shifted to make the copy earlier.
  let offset = -copiedAgoMs;
  const now = () => Date.now() + offset;
  const keys = (async () => ({
    hmac: await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    seal: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
  }))();
  const store = createProvenanceStore({ keys: () => keys, now, ttlMs: () => 3_600_000 });
  await store.addCopy(await prehashes(TICKET), { siteId: 'zendesk', siteName: 'Zendesk' });
  offset = 0;
  const client = createProvenanceClient({
    send: async (message) => {
      const { type, payload } = message as {
        type: string;
        payload: { hashes: string[]; threshold: number };
      };
      if (type !== 'hush:provenance-check') throw new Error(`unexpected ${type}`);
      const m = await store.match(payload.hashes, payload.threshold);
      return { match: m ? { siteName: m.siteName, at: m.at } : null };
    },
    local: { get: async () => ({ 'provenance:liveUntil': await store.liveUntil() }) },
    onChanged: { addListener: () => {}, removeListener: () => {} },
    now,
    signal: new AbortController().signal,
  });
  // The client learns from storage that a copy is live; let that read finish.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const reports: GuardEvent[] = [];
  const guard = guardContext({
    win: window,
    pageClass,
    vault: new TokenVault({ seed: 3 }),
    signal: new AbortController().signal,
    report: (e) => reports.push(e),
  });
  guard.provenance = client;
  if (action) {
    guard.rules = {
      ...guard.rules,
      [pageClass]: { ...guard.rules[pageClass], byLevel: { CONFIDENTIAL: action } },
    };
  }
  return { guard, reports, advance: (ms: number) => (offset += ms) };
}

const txt = (name: string, body: string): File =>
  new File([body], name, { type: 'text/plain', lastModified: 1_700_000_000_000 });

function ui(answer: string | null) {
  const told: string[] = [];
  const notes: (readonly string[] | undefined)[] = [];
  const impl: UploadUi = {
    tell: (_doc, message) => told.push(message),
    confirm: (_doc, _findings, n) => {
      notes.push(n);
      return Promise.resolve(answer);
    },
  };
  return { impl, told, notes };
}

describe('uploads of support-tool copies', () => {
  it('keeps a copied ticket out of an unapproved AI site; unrelated files go as before', async () => {
    const { guard, reports } = await setup();
    const ticket = txt('ticket.txt', TICKET);
    const other = txt('notes.txt', UNRELATED);
    const { impl, told } = ui(null);
    expect(await checkFiles([ticket, other], document, guard, impl)).toEqual([other]);
    expect(told).toEqual([
      'Hush stopped ticket.txt (it was copied from Zendesk just now, and customer text may not be shared here). notes.txt was sent.',
    ]);
    expect(reports).toEqual([
      { channel: 'support-copy', action: 'mask', outcome: 'blocked', counts: {} },
    ]);
    // Nothing of the text reaches a report or a message.
    for (const w of TICKET.split(/\W+/).filter((x) => x.length > 6)) {
      expect(JSON.stringify([told, reports])).not.toContain(w);
    }
  });

  it('asks the agent when policy warns, with a note saying where the text came from', async () => {
    const { guard, reports } = await setup('approved-ai', 'warn', 5 * 60_000 + 1_000);
    const ticket = txt('ticket.txt', TICKET);
    const yes = ui('the customer asked us to');
    expect(await checkFiles([ticket], document, guard, yes.impl)).toEqual([ticket]);
    expect(yes.notes).toEqual([
      ['ticket.txt: copied from Zendesk 5 minutes ago: customer text (confidential).'],
    ]);
    expect(reports).toEqual([
      {
        channel: 'support-copy',
        action: 'warn',
        outcome: 'overridden',
        counts: {},
        reason: 'the customer asked us to',
      },
    ]);

    const no = ui(null);
    reports.length = 0;
    expect(await checkFiles([ticket], document, guard, no.impl)).toEqual([]);
    expect(no.told).toEqual([
      'Hush stopped ticket.txt (it was copied from Zendesk 5 minutes ago: not confirmed).',
    ]);
    expect(reports).toEqual([
      { channel: 'support-copy', action: 'warn', outcome: 'cancelled', counts: {} },
    ]);
  });

  it('records a monitored copy and lets it go', async () => {
    const { guard, reports } = await setup('approved-ai', 'monitor');
    const ticket = txt('ticket.txt', TICKET);
    const { impl, told } = ui(null);
    expect(await checkFiles([ticket], document, guard, impl)).toEqual([ticket]);
    expect(told).toEqual([]);
    expect(reports).toEqual([
      { channel: 'support-copy', action: 'monitor', outcome: 'monitored', counts: {} },
    ]);
  });

  it('applies the same threshold as a paste: a file with a little of the ticket is no copy', async () => {
    const { guard } = await setup();
    const mixed = `${UNRELATED} ${UNRELATED.replace('friendly', 'warm')} ${TICKET.slice(0, 60)}`;
    const verdict = await judgeFile(
      txt('mixed.txt', mixed),
      guard,
      guard.scan,
      copyCheckFor(guard),
    );
    expect(verdict.copy).toBeUndefined();
    expect(verdict.file).not.toBeNull();
  });

  it('asks nothing on a support tool, with provenance off, or with no copy remembered', async () => {
    expect(copyCheckFor((await setup('support-tool')).guard)).toBeUndefined();
    const off = (await setup()).guard;
    off.settings = { ...off.settings, provenance: { ...off.settings.provenance, enabled: false } };
    expect(copyCheckFor(off)).toBeUndefined();
    const expired = await setup();
    expired.advance(2 * 3_600_000);
    expect(copyCheckFor(expired.guard)).toBeUndefined();
  });
});
