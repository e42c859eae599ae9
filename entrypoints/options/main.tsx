import { render } from 'preact';
import { sendToBackground } from '@/lib/messages.ts';
import { KEYS, type PolicyState } from '@/lib/policy/service.ts';
import { savePreference } from '@/lib/policy/preferences.ts';
import { summariseSync } from '@/lib/sync/describe.ts';
import { SYNC_KEY } from '@/lib/sync/policy-sync.ts';
import { loadSyncStatus } from '@/lib/sync/status.ts';
import { SyncStatus } from '../popup/SyncStatus.tsx';
import { Options } from './Options.tsx';
import { COVERAGE_KEY, readCoverage } from '@/lib/sites/registration.ts';
import { CoverageList } from './Coverage.tsx';

const mount = document.getElementById('app')!;
let state: PolicyState | null = null;
let error: string | null = null;

const show = (): void => render(<Options state={state} error={error} onChange={change} />, mount);

async function load(): Promise<void> {
  const answer = await sendToBackground(
    (m) => browser.runtime.sendMessage(m),
    'hush:policy-state',
    {},
  );
  if ('error' in answer) {
    error = `Hush could not read its policy: ${answer.error}.`;
  } else {
    state = answer;
    error = null;
  }
  show();
  await showSync();
}

/** The policy's source and the last sync with the company backend (lib/sync), below the table. */
async function showSync(): Promise<void> {
  const sources = state ? Object.values(state.fields).map((f) => f.source) : [];
  const summary = summariseSync(await loadSyncStatus(browser.storage.local), sources);
  render(<SyncStatus summary={summary} />, document.getElementById('sync')!);
}

/** The sites IT added and whether each is guarded yet (lib/sites/registration.ts). */
let accessMessage: string | null = null;
async function showCoverage(): Promise<void> {
  const coverage = readCoverage((await browser.storage.local.get(COVERAGE_KEY))[COVERAGE_KEY]);
  render(
    <CoverageList coverage={coverage} onAllow={allow} message={accessMessage} />,
    document.getElementById('coverage')!,
  );
}

function allow(origins: string[]): void {
  // Straight from the click: the browser asks only during the agent's gesture.
  void browser.permissions.request({ origins }).then(
    (granted) => {
      // When granted, the background registers the guard and writes the coverage, shown below.
      accessMessage = granted ? null : 'Access was not granted.';
      void showCoverage();
    },
    (err: unknown) => {
      accessMessage = `The browser did not ask: ${err instanceof Error ? err.message : String(err)}`;
      void showCoverage();
    },
  );
}

function change(field: string, value: unknown): void {
  void savePreference(browser.storage.local, field, value).then(
    () => {
      // The background recomputes and bumps the revision; the listener below reloads.
    },
    (err: unknown) => {
      error = `Not saved: ${err instanceof Error ? err.message : String(err)}`;
      show();
    },
  );
}

// Live: a change of managed policy, company policy or preferences shows without reloading.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && KEYS.revision in changes) void load();
  else if (area === 'local' && SYNC_KEY in changes) void showSync();
  if (area === 'local' && COVERAGE_KEY in changes) void showCoverage();
});

show();
void load();
void showCoverage();
