import { render } from 'preact';
import { sendToBackground, WHICH_PAGE } from '@/lib/messages.ts';
import { KEYS as POLICY_KEYS } from '@/lib/policy/service.ts';
import {
  summariseSync,
  summariseUploads,
  type SyncSummary,
  type UploadSummary,
} from '@/lib/sync/describe.ts';
import { SYNC_KEY } from '@/lib/sync/policy-sync.ts';
import { loadSyncStatus } from '@/lib/sync/status.ts';
import { createTabSummaries } from '@/lib/incidents/summary.ts';
import type { FalseAlarmCounts } from '@/lib/incidents/false-alarms.ts';
import type { ReportFalseAlarm } from './FalseAlarms.tsx';
import { Popup } from './Popup.tsx';
import { loadPopupState, type PopupState } from './state.ts';

const mount = document.getElementById('app')!;
const version = browser.runtime.getManifest().version;
let shown: PopupState | null = null;
let sync: SyncSummary | null = null;
let uploads: UploadSummary | null = null;
let falseAlarmCounts: FalseAlarmCounts | null = null;
let onFalseAlarm: ReportFalseAlarm | null = null;
const show = (state: PopupState | null): void => {
  shown = state;
  render(
    <Popup
      version={version}
      state={state}
      sync={sync}
      uploads={uploads}
      falseAlarmCounts={falseAlarmCounts}
      onFalseAlarm={onFalseAlarm}
    />,
    mount,
  );
};

/** The false-alarm queue's counts (issue 4), from the background. */
async function loadFalseAlarmCounts(): Promise<void> {
  const send = (m: unknown) => browser.runtime.sendMessage(m);
  const answer = await sendToBackground(send, 'hush:false-alarm-status', {}).catch(() => ({
    error: 'no answer',
  }));
  falseAlarmCounts = 'error' in answer ? null : answer;
  show(shown);
}

/**
 * Reads the sync status, the policy's sources and the uploader's status (the background answers
 * the last two; no secrets, no records).
 */
async function loadSync(): Promise<void> {
  const send = (m: unknown) => browser.runtime.sendMessage(m);
  const [status, policy, upload] = await Promise.all([
    loadSyncStatus(browser.storage.local),
    sendToBackground(send, 'hush:policy-state', {}),
    sendToBackground(send, 'hush:upload-status', {}).catch(() => ({ error: 'no answer' })),
  ]);
  const sources = 'error' in policy ? [] : Object.values(policy.fields).map((f) => f.source);
  sync = summariseSync(status, sources);
  uploads = 'error' in upload ? null : summariseUploads(upload);
  show(shown);
}

// A sync while the popup is open shows at once.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (SYNC_KEY in changes || POLICY_KEYS.revision in changes)) {
    void loadSync();
  }
});

/**
 * The tab to describe: the active tab of the window the popup belongs to, or `?tab=<id>` when the
 * popup page is opened in a tab of its own (the end-to-end tests do). Only the extension can open
 * its own pages, and the popup only reads types and counts, so the parameter reveals nothing.
 */
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) return /^\d{1,10}$/.test(param) ? Number(param) : null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function start(): Promise<void> {
  show(null);
  void loadSync().catch(() => undefined);
  const tabId = await targetTab();
  void loadFalseAlarmCounts();
  if (tabId !== null) {
    onFalseAlarm = async (decisionId, detector) => {
      const send = (m: unknown) => browser.runtime.sendMessage(m);
      const answer = await sendToBackground(send, 'hush:false-alarm', {
        tabId,
        decisionId,
        detector,
      });
      void loadFalseAlarmCounts();
      return 'error' in answer ? answer.error : null;
    };
  }
  const summaries = createTabSummaries();
  const state = await loadPopupState({
    tabUrl: async () => (tabId === null ? undefined : (await browser.tabs.get(tabId)).url),
    whichPage: async () => {
      if (tabId === null) return null;
      const answer: unknown = await browser.tabs.sendMessage(
        tabId,
        { type: WHICH_PAGE },
        { frameId: 0 },
      );
      const a = answer as { pageId?: unknown; address?: unknown } | undefined;
      return typeof a?.pageId === 'string' && typeof a.address === 'string'
        ? { pageId: a.pageId, address: a.address }
        : null;
    },
    summary: async () => (tabId === null ? null : summaries.get(tabId)),
  });
  show(state);
}

void start();
