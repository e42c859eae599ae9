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
    // Copy provenance (issue 7): support-tool copies are fingerprinted, AI-page pastes checked.
    guard.provenance = createProvenanceClient({
      send: (message) => browser.runtime.sendMessage(message),
      local: browser.storage.local,
      onChanged: browser.storage.onChanged,
      now: Date.now,
      signal: life.signal,
    });
    installCopyWatch(
      window,
      guard.provenance,
      () => guard.pageClass === 'support-tool' && guard.settings.provenance.enabled,
      life.signal,
    );
    installBackstopBridge(window, guard);
    installGuard(window, guard);
    installUploads(window, guard);
    // After the policy's first answer, so the notice carries the company's disclosure text and
    // links (followPolicy resolves with the defaults when the background cannot answer).
    void policyApplied.then(() => installFirstVisit(window, guard));
    installOverlay(window, guard);
    // Last: showing values in replies is a convenience; nothing in it may stand before the guard.
    installReplies(window, guard);
  },
});
