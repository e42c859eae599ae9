// The network backstop's MAIN-world half: hooks fetch, XMLHttpRequest, WebSocket, sendBeacon and
// form.submit() in the page's own world, before any page script, on the same catalogue pages as
// the guard (guard.content.ts runs its isolated half, lib/guard/backstop-bridge.ts). The logic
// is in lib/backstop/; see docs/guard.md, "Network backstop".
import { startBackstop } from '@/lib/backstop/index.ts';
import { catalogueMatches, frameAddress, pageClassFor } from '@/lib/guard/pages.ts';

export default defineContentScript({
  matches: catalogueMatches(),
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    const pageClass = pageClassFor(frameAddress(window));
    if (pageClass) startBackstop(window, pageClass);
  },
});
