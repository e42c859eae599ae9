// No editor at all: buttons that send a fixed text straight from script, through each channel a
// page can use (fetch, XMLHttpRequest, sendBeacon, a form post). The guard's network backstop is
// the only thing that can stop these.
export const SCRIPT_TEXT = 'Script message for the fixture: card 4111 1111 1111 1111';

function on(testId: string, run: () => void): void {
  document.querySelector(`button[data-testid=${testId}]`)!.addEventListener('click', run);
}

const body = (): string => JSON.stringify({ text: SCRIPT_TEXT });

on('send-fetch', () => {
  void fetch('/api/send', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(),
  });
});
on('send-xhr', () => {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/send');
  xhr.setRequestHeader('content-type', 'application/json');
  xhr.send(body());
});
on('send-beacon', () => {
  navigator.sendBeacon('/api/beacon', body());
});
on('send-form', () => {
  const form = document.querySelector<HTMLFormElement>('#script-form')!;
  form.querySelector<HTMLInputElement>('input[name=text]')!.value = SCRIPT_TEXT;
  form.submit();
});

document.getElementById('status')!.textContent = 'ready';
window.__editorReady = true;
