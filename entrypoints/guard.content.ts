// The in-page guard: runs only on catalogue hosts (the manifest's matches come from the
// catalogue), in every frame, from document_start so its capture listeners come first.
// Each part of the guard gets the same context; see lib/guard/context.ts.
import { TokenVault } from '@/rules/index.ts';
import { installGuard } from '@/lib/guard/guard.ts';
import { installBackstopBridge } from '@/lib/guard/backstop-bridge.ts';
import { guardContext } from '@/lib/guard/context.ts';
import { catalogueMatches, frameAddress, pageClassFor } from '@/lib/guard/pages.ts';

export default defineContentScript({
  matches: catalogueMatches(),
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    const pageClass = pageClassFor(frameAddress(window));
    if (!pageClass) return;
    // A random seed per tab: synthetic stand-ins must not be reproducible from the value.
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    const guard = guardContext({
      win: window,
      pageClass,
      vault: new TokenVault({ seed }),
      signal: ctx.signal,
    });
    installBackstopBridge(window, guard);
    installGuard(window, guard);
  },
});
