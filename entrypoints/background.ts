// The service worker: answers the typed messages (lib/messages.ts) and turns the guard's reports
// into incident records, tab summaries and visit counts (lib/incidents/, lib/visits.ts), which
// the uploader hands to the backend (lib/sync/upload.ts).
import { DETECTORS, scan } from '@/rules/index.ts';
import { handleMessage } from '@/lib/messages.ts';
import { guardedFrameOf } from '@/lib/incidents/sender.ts';
import { createIncidentService } from '@/lib/incidents/service.ts';
import { storeOpener } from '@/lib/incidents/store.ts';
import { createTabSummaries } from '@/lib/incidents/summary.ts';
import { createFalseAlarmService, falseAlarmStoreOpener } from '@/lib/incidents/false-alarms.ts';
import { createFalseAlarmUploader } from '@/lib/sync/false-alarm-upload.ts';
import { aiPolicyPatterns, createVisitCounter, RETENTION_DAYS, visitsItem } from '@/lib/visits.ts';
import {
  createVisitUploader,
  startVisitUploads,
  visitDescriber,
} from '@/lib/sync/visits-upload.ts';
import { createPolicyService, KEYS as POLICY_KEYS } from '@/lib/policy/service.ts';
import { startPolicyScripts, type ScriptingLike } from '@/lib/sites/registration.ts';
import { classifyByPolicy } from '@/lib/policy/convert.ts';
import { dropEnrolment, ENROLMENT_KEY, loadEnrolment } from '@/lib/sync/enrollment.ts';
import { loadSyncRecord } from '@/lib/sync/policy-sync.ts';
import { profileEmailOf, startSyncClient } from '@/lib/sync/client.ts';
import { createUploader, loadUploadStatus } from '@/lib/sync/upload.ts';
import { startUploads, UPLOAD_ALARM } from '@/lib/sync/upload-schedule.ts';
import {
  announcingLiveness,
  createProvenanceStore,
  loadProvenanceKeys,
} from '@/lib/provenance/store.ts';

export default defineBackground(() => {
  // First, so the cached policy is being read while the rest starts (lib/policy/service.ts).
  const policy = createPolicyService(browser.storage);
  // Enrollment and the signed policy sync: at start-up, on a 5-minute alarm and whenever IT
  // changes managed policy (lib/sync/client.ts).
  startSyncClient({
    local: browser.storage.local,
    onChanged: browser.storage.onChanged,
    alarms: browser.alarms,
    policy,
    fetch: (url, init) => fetch(url, init),
    profileEmail: () => profileEmailOf((browser as { identity?: object }).identity),
    extensionVersion: browser.runtime.getManifest().version,
    browserName: import.meta.env.BROWSER,
    now: Date.now,
  });
  const incidentStore = storeOpener();
  const reasonsAllowed = () => policy.current().telemetry === 'counts-and-reasons';
  const uploads = startUploads({
    alarms: browser.alarms,
    uploader: createUploader({
      store: incidentStore,
      getEnrolment: () => loadEnrolment(browser.storage),
      allowReasons: reasonsAllowed,
      // The sync client (lib/sync/client.ts) enrolls again once the credential is gone.
      onUnauthorized: (e) => dropEnrolment(browser.storage.local, e.credential),
      fetch: (url, init) => fetch(url, init),
      now: Date.now,
    }),
  });
  // "This was not sensitive" reports (issue 4): their own queue and uploader, run at start-up,
  // right after a report, on the incident uploader's periodic alarm and on a new enrollment.
  const falseAlarmStore = falseAlarmStoreOpener();
  const falseAlarmUploader = createFalseAlarmUploader({
    store: falseAlarmStore,
    getEnrolment: () => loadEnrolment(browser.storage),
    onUnauthorized: (e) => dropEnrolment(browser.storage.local, e.credential),
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
  });
  const sendFalseAlarms = (force = false) =>
    void falseAlarmUploader.run({ force }).catch(() => undefined);
  sendFalseAlarms();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPLOAD_ALARM) sendFalseAlarms();
  });
  // Visit counts for the shadow-AI inventory (issue 4): sent a minute after a visit, on the
  // periodic alarm and on a new enrollment (lib/sync/visits-upload.ts).
  const visitCounter = createVisitCounter(visitsItem, RETENTION_DAYS, () => visitUploads.visited());
  const visitUploads = startVisitUploads({
    alarms: browser.alarms,
    now: Date.now,
    uploader: createVisitUploader({
      visits: visitCounter,
      // The policy as read from storage, not the defaults of a worker still starting.
      describe: async (siteId, host) => {
        const current = await policy.policy();
        return visitDescriber(
          classifyByPolicy(() => current),
          aiPolicyPatterns(current),
        )(siteId, host);
      },
      getEnrolment: () => loadEnrolment(browser.storage),
      onUnauthorized: (e) => dropEnrolment(browser.storage.local, e.credential),
      fetch: (url, init) => fetch(url, init),
      now: Date.now,
    }),
  });
  // A new enrollment: send what waited for it now, whatever the backoff says.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[ENROLMENT_KEY]?.newValue) {
      void uploads.kick(true);
      sendFalseAlarms(true);
      void visitUploads.kick(true);
    }
  });
  const summaries = createTabSummaries();
  const falseAlarms = createFalseAlarmService({
    summaries,
    store: falseAlarmStore,
    newId: () => crypto.randomUUID(),
    now: Date.now,
    onQueued: () => sendFalseAlarms(),
  });
  const builtInDetectors = new Set(DETECTORS.map((d) => d.id));
  const incidents = createIncidentService({
    store: incidentStore,
    summaries,
    visits: visitCounter,
    scan,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    extensionVersion: browser.runtime.getManifest().version,
    policyVersion: async () =>
      (await loadSyncRecord(browser.storage.local)).accepted?.revision ?? 0,
    keepReason: reasonsAllowed,
    // The policy that classified the page (frameOf below): a host it names may be counted by name.
    policyPatterns: () => aiPolicyPatterns(policy.current()),
    onRecorded: () => uploads.recorded(),
  });
  // Copy provenance (issue 7): keyed shingle hashes of support-tool copies, sealed in
  // storage.session so a restarted worker still has them (lib/provenance/store.ts).
  let provenanceKeys: ReturnType<typeof loadProvenanceKeys> | null = null;
  const provenance = announcingLiveness(
    createProvenanceStore({
      keys: () => (provenanceKeys ??= loadProvenanceKeys()),
      now: Date.now,
      ttlMs: () => policy.current().provenance.ttlMinutes * 60_000,
      session: browser.storage.session,
    }),
    browser.storage.local,
  );
  const deps = {
    scan,
    frameOf: (sender: Parameters<typeof guardedFrameOf>[0]) =>
      guardedFrameOf(sender, browser.runtime.id, classifyByPolicy(policy.current)),
    incidents,
    policy,
    extensionOrigin: browser.runtime.getURL('/'),
    provenance,
    uploadStatus: async () => loadUploadStatus(await incidentStore()),
    // The registry's ids and the policy's custom detectors' ids (issue 4).
    isDetector: (id: string) =>
      builtInDetectors.has(id) ||
      policy
        .current()
        .engine.customDetectors.some(
          (c) => typeof c === 'object' && c !== null && (c as { id?: unknown }).id === id,
        ),
    falseAlarms,
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleMessage(message, deps, sender),
  );
  browser.tabs.onRemoved.addListener((tabId) => void incidents.tabClosed(tabId));
  // The guard on hosts policy adds (issue 4): content scripts registered at runtime, kept in step
  // with the effective policy and the host access granted (lib/sites/registration.ts).
  startPolicyScripts({
    policy: () => policy.policy(),
    scripting: (browser as { scripting?: ScriptingLike }).scripting,
    permissions: browser.permissions,
    permissionEvents: [browser.permissions.onAdded, browser.permissions.onRemoved],
    onChanged: browser.storage.onChanged,
    revisionKey: POLICY_KEYS.revision,
    local: browser.storage.local,
    now: Date.now,
  });
});
