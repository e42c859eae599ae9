// The service worker. Issue 3 wires the guard's messages here; for now it only proves that the
// engine runs in a service worker (the e2e test asks it to scan a sample text).
import { scan } from '@/rules/index.ts';
import { handleMessage } from '@/lib/messages.ts';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => handleMessage(message, { scan }));
});
