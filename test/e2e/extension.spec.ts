import { expect, test } from './fixtures.ts';

test('the built extension loads, its popup renders, and the engine runs in its service worker', async ({
  context,
  worker,
  extensionId,
}) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Hush' })).toBeVisible();
  await expect(popup.getByTestId('version')).toContainText('Version 0.1.0');

  // Ask the background to scan through the real message channel, as the guard will.
  const result = await popup.evaluate(async () => {
    const text = 'Please refund jane.roe@inbox-mail.com, thanks';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = await (globalThis as any).chrome.runtime.sendMessage({
      type: 'hush:scan',
      payload: { text },
    });
    return { text, findings: r.findings as Array<{ start: number; end: number; type: string }> };
  });
  expect(result.findings.map((f) => [f.type, result.text.slice(f.start, f.end)])).toContainEqual([
    'EMAIL',
    'jane.roe@inbox-mail.com',
  ]);

  // Malformed messages get no answer and change nothing.
  const bad = await popup.evaluate(async () =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (globalThis as any).chrome.runtime.sendMessage({ type: 'hush:scan', payload: { text: 42 } }),
  );
  expect(bad).toEqual({ error: 'invalid payload for hush:scan' });
  expect(worker.url()).toContain(extensionId);
});
