import { render } from 'preact';
import { WHICH_PAGE } from '@/lib/messages.ts';
import { createTabSummaries } from '@/lib/incidents/summary.ts';
import { Popup } from './Popup.tsx';
import { loadPopupState, type PopupState } from './state.ts';

const mount = document.getElementById('app')!;
const version = browser.runtime.getManifest().version;
const show = (state: PopupState | null): void =>
  render(<Popup version={version} state={state} />, mount);

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
  const tabId = await targetTab();
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
