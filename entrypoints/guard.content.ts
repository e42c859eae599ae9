// The in-page guard: runs only on catalogue hosts (the manifest's matches come from the
// catalogue) and on hosts policy adds (registered at runtime, lib/sites/registration.ts), in
// every frame, from document_start so its capture listeners come first.
// Each part of the guard gets the same context; see lib/guard/context.ts.
import { TokenVault } from '@/rules/index.ts';
import { installGuard } from '@/lib/guard/guard.ts';
import { installBackstopBridge } from '@/lib/guard/backstop-bridge.ts';
import { installUploads } from '@/lib/guard/uploads.ts';
import { installFirstVisit } from '@/lib/guard/first-visit.ts';
import { installOverlay } from '@/lib/guard/overlay.ts';
import { installWarmUp } from '@/lib/guard/warm.ts';
import { guardContext } from '@/lib/guard/context.ts';
import { connectReporter } from '@/lib/guard/report.ts';
import { installReplies } from '@/lib/guard/replies.ts';
import { catalogueMatches, frameAddress, pageClassFor } from '@/lib/guard/pages.ts';
import { followPolicy } from '@/lib/policy/follow.ts';
import { createProvenanceClient, installCopyWatch } from '@/lib/provenance/client.ts';
import { takePolicyClass } from '@/lib/sites/policy-class.ts';

export default defineContentScript({
  matches: catalogueMatches(),
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    // A catalogue host's class, else the class a runtime registration for a host policy adds
    // left (lib/sites/registration.ts).
    const pageClass = pageClassFor(frameAddress(window)) ?? takePolicyClass();
    if (!pageClass) return;
    // A random seed per tab: synthetic stand-ins must not be reproducible from the value.
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    // The guard's own lifetime: the script's, or shorter when policy excludes the page.
    const life = new AbortController();
    ctx.signal.addEventListener('abort', () => life.abort(), { once: true });
    const guard = guardContext({
      win: window,
      pageClass,
      vault: new TokenVault({ seed }),
      signal: life.signal,
      report: connectReporter(window, life.signal),
    });
    // Starts with the built-in defaults (synchronously, above); the effective policy replaces
    // them when the background answers, and again whenever it changes (lib/policy/follow.ts).
    const policyApplied = followPolicy({
      guard,
      address: frameAddress(window),
      ask: () => browser.runtime.sendMessage({ type: 'hush:policy', payload: {} }),
      onChanged: browser.storage.onChanged,
      exclude: () => life.abort(),
      signal: life.signal,
    });
    guard.policyPending = policyApplied;
    void policyApplied.finally(() => delete guard.policyPending);
    // Copy provenance (issue 7): support-tool copies are fingerprinted, AI-page pastes checked.
    const provenance = createProvenanceClient({
      send: (message) => browser.runtime.sendMessage(message),
      local: browser.storage.local,
      onChanged: browser.storage.onChanged,
      now: Date.now,
      signal: life.signal,
    });
    guard.provenance = provenance;
    // The backstop's channel lives on a detached node of its own, which document.open() below
    // does not touch: it is installed once.
    installBackstopBridge(window, guard);

    // The parts that listen on the window and the document. document.open() erases every event
    // listener of the document and of its window, the guard's with the page's: an editor that
    // writes its frame's document (CKEditor 4 does, into an about:blank iframe) would leave that
    // frame unguarded. So these parts start again, under a scope of their own, once the document
    // has been emptied (mutation observers outlive document.open()).
    let scope: AbortController | null = null;
    const listenInFrame = (): void => {
      scope?.abort();
      const current = new AbortController();
      scope = current;
      // The same guard (policy, vault, reporter) under the scope's signal. One object, not a copy
      // or a derived object: the policy updates it in place, and parts copy it with a spread.
      guard.signal = current.signal;
      installCopyWatch(
        window,
        provenance,
        () => guard.pageClass === 'support-tool' && guard.settings.provenance.enabled,
        current.signal,
      );
      installGuard(window, guard);
      installUploads(window, guard);
      installOverlay(window, guard);
      // Compiles the engine in idle time once an editor in this frame gets focus, so the first
      // paste does not wait for it.
      installWarmUp(window, guard);
      // Last: showing values in replies is a convenience; nothing in it may stand before the
      // guard.
      installReplies(window, guard);
    };
    life.signal.addEventListener('abort', () => scope?.abort(), { once: true });
    listenInFrame();
    const reopened = new MutationObserver((records) => {
      if (!life.signal.aborted && records.some((r) => r.removedNodes.length > 0)) listenInFrame();
    });
    reopened.observe(document, { childList: true });
    life.signal.addEventListener('abort', () => reopened.disconnect(), { once: true });

    // After the policy's first answer, so the notice carries the company's disclosure text and
    // links (followPolicy resolves with the defaults when the background cannot answer).
    void policyApplied.then(() => installFirstVisit(window, guard));
  },
});
