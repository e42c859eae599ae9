import { describe, expect, it } from 'vitest';
import { guardedFrameOf, type SenderLike } from './sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const tab = { id: 7, url: 'https://chatgpt.com/c/1' };

function frame(sender: SenderLike) {
  const f = guardedFrameOf(sender, ID);
  return (
    f && {
      tabId: f.tabId,
      frameId: f.frameId,
      site: f.site?.id ?? null,
      host: f.host,
      pageClass: f.pageClass,
    }
  );
}

describe('guardedFrameOf: the site comes from the browser, not the message', () => {
  it('names the site and class of a top frame on a catalogue AI site', () => {
    expect(frame({ id: ID, url: 'https://chatgpt.com/c/1', frameId: 0, tab })).toEqual({
      tabId: 7,
      frameId: 0,
      site: 'chatgpt',
      host: 'chatgpt.com',
      pageClass: 'unapproved-ai',
    });
    expect(
      frame({ id: ID, url: 'https://acme.zendesk.com/agent', frameId: 0, tab: { id: 3 } }),
    ).toMatchObject({ site: 'zendesk', pageClass: 'support-tool', host: 'acme.zendesk.com' });
  });

  it('classifies an about:blank editor frame by its inherited origin', () => {
    const blank = { id: ID, url: 'about:blank', origin: 'https://chatgpt.com', frameId: 4, tab };
    expect(frame(blank)).toMatchObject({ site: 'chatgpt', frameId: 4 });
    // Without the tab's address, a path-scoped product is found by its host's pattern.
    expect(
      frame({
        id: ID,
        url: 'about:srcdoc',
        origin: 'https://huggingface.co',
        frameId: 1,
        tab: { id: 2 },
      }),
    ).toMatchObject({ site: 'huggingchat', pageClass: 'unapproved-ai' });
  });

  it('refuses senders that are not this extension in a tab of a guarded page', () => {
    const ok = { id: ID, url: 'https://claude.ai/new', frameId: 0, tab: { id: 1 } };
    expect(frame(ok)).not.toBeNull();
    expect(frame({ ...ok, id: 'someone-else' })).toBeNull();
    expect(frame({ ...ok, tab: undefined })).toBeNull();
    expect(frame({ ...ok, frameId: undefined })).toBeNull();
    expect(frame({ ...ok, url: 'https://example.org/' })).toBeNull();
    expect(frame({ ...ok, url: 'https://claude.ai.evil.example/' })).toBeNull();
    expect(frame({ ...ok, url: `chrome-extension://${ID}/popup.html` })).toBeNull();
    expect(frame({ ...ok, url: 'about:blank', origin: 'null' })).toBeNull();
  });
});
