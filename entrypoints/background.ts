// The service worker: answers the typed messages (lib/messages.ts) and turns the guard's reports
// into incident records, tab summaries and visit counts (lib/incidents/, lib/visits.ts).
import { scan } from '@/rules/index.ts';
import { handleMessage } from '@/lib/messages.ts';
import { guardedFrameOf } from '@/lib/incidents/sender.ts';
import { createIncidentService } from '@/lib/incidents/service.ts';
import { storeOpener } from '@/lib/incidents/store.ts';
import { createTabSummaries } from '@/lib/incidents/summary.ts';
import { createVisitCounter } from '@/lib/visits.ts';
import { createPolicyService } from '@/lib/policy/service.ts';
import { classifyByPolicy } from '@/lib/policy/convert.ts';

export default defineBackground(() => {
  // First, so the cached policy is being read while the rest starts (lib/policy/service.ts).
  const policy = createPolicyService(browser.storage);
  const incidents = createIncidentService({
    store: storeOpener(),
    summaries: createTabSummaries(),
    visits: createVisitCounter(),
    scan,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    extensionVersion: browser.runtime.getManifest().version,
  });
  const deps = {
    scan,
    frameOf: (sender: Parameters<typeof guardedFrameOf>[0]) =>
      guardedFrameOf(sender, browser.runtime.id, classifyByPolicy(policy.current)),
    incidents,
    policy,
    extensionOrigin: browser.runtime.getURL('/'),
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, deps, sender),
  );
  browser.tabs.onRemoved.addListener((tabId) => void incidents.tabClosed(tabId));
});
