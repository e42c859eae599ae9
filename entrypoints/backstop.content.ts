// The network backstop's MAIN-world half: hooks fetch, XMLHttpRequest, WebSocket, sendBeacon and
// form.submit() in the page's own world, before any page script, on the same catalogue pages as
// the guard (guard.content.ts runs its isolated half, lib/guard/backstop-bridge.ts). The logic
// is in lib/backstop/; see docs/guard.md, "Network backstop".
import { startBackstop } from '@/lib/backstop/index.ts';
import { catalogueMatches, frameAddress, pageClassFor } from '@/lib/guard/pages.ts';
import { takePolicyClass } from '@/lib/sites/policy-class.ts';

export default defineContentScript({
  matches: catalogueMatches(),
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    // A host policy adds gets this script registered at runtime, after a script naming its class.
    const pageClass = pageClassFor(frameAddress(window)) ?? takePolicyClass();
    if (pageClass) startBackstop(window, pageClass);
  },
});
