import { render } from 'preact';
import { sendToBackground } from '@/lib/messages.ts';
import { KEYS, type PolicyState } from '@/lib/policy/service.ts';
import { savePreference } from '@/lib/policy/preferences.ts';
import { Options } from './Options.tsx';

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
});

show();
void load();
