// No editor at all: buttons that send text straight from script, through each channel a page can
// use (fetch, XMLHttpRequest, sendBeacon, a form post, a WebSocket, multipart and binary bodies).
// The guard's network backstop is the only thing that can stop these.
//
// The text is the hidden `#script-text` field's value (set by the test; not an editable field,
// so the guard's send interception never sees it), or SCRIPT_TEXT when it is empty. Each send logs
// how the page saw it in `#log` (one line each: `fetch: 200`, `fetch: TypeError ...`,
// `xhr: error`, `beacon: false`, `ws: sent, open` ...), so a test can check that a stopped
// request looks like a network failure to the page.
export const SCRIPT_TEXT = 'Script message for the fixture: card 4111 1111 1111 1111';

function on(testId: string, run: () => unknown): void {
  document.querySelector(`button[data-testid=${testId}]`)!.addEventListener('click', () => {
    void Promise.resolve()
      .then(run)
      .catch((error: unknown) => log(`${testId}: uncaught ${String(error)}`));
  });
}

function text(): string {
  return document.querySelector<HTMLInputElement>('#script-text')!.value || SCRIPT_TEXT;
}

function log(line: string): void {
  const item = document.createElement('li');
  item.textContent = line;
  document.getElementById('log')!.append(item);
}

const body = (): string => JSON.stringify({ text: text() });
const json = { 'content-type': 'application/json' };

/** fetch, and log the status or the error the page got. */
async function fetchAndLog(
  name: string,
  input: RequestInfo,
  init?: RequestInit,
  fetcher: typeof fetch = fetch,
): Promise<void> {
  try {
    const response = await fetcher(input, init);
    log(`${name}: ${response.status}`);
  } catch (error) {
    // Duck-typed: an error from another frame is not an instance of this frame's Error.
    const { name: kind, message } = error as { name?: string; message?: string };
    log(`${name}: ${kind && message ? `${kind} ${message}` : String(error)}`);
  }
}

/** XMLHttpRequest with `body`, logging load, error or abort. */
function xhrAndLog(name: string, body: XMLHttpRequestBodyInit, contentType?: string): void {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/send');
  if (contentType) xhr.setRequestHeader('content-type', contentType);
  xhr.addEventListener('load', () => log(`${name}: ${xhr.status}`));
  xhr.addEventListener('error', () => log(`${name}: error, state ${xhr.readyState}`));
  xhr.addEventListener('abort', () => log(`${name}: abort`));
  xhr.send(body);
}

on('send-fetch', () =>
  fetchAndLog('fetch', '/api/send', { method: 'POST', headers: json, body: body() }),
);
on('send-xhr', () => xhrAndLog('xhr', body(), 'application/json'));
on('send-beacon', () => log(`beacon: ${navigator.sendBeacon('/api/beacon', body())}`));
on('send-form', () => {
  const form = document.querySelector<HTMLFormElement>('#script-form')!;
  form.querySelector<HTMLInputElement>('input[name=text]')!.value = text();
  form.submit();
  log('form: submitted');
});

let socket: Promise<WebSocket> | undefined;
/** One socket for the page, opened on first use (the test answers it with routeWebSocket). */
function openSocket(): Promise<WebSocket> {
  socket ??= new Promise((resolve, reject) => {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/ws`);
    ws.addEventListener('open', () => resolve(ws), { once: true });
    ws.addEventListener('error', () => reject(new Error('socket failed')), { once: true });
  });
  return socket;
}
on('send-ws', async () => {
  const ws = await openSocket();
  ws.send(body());
  log(`ws: sent, ${ws.readyState === WebSocket.OPEN ? 'open' : 'closed'}`);
});
on('send-ws-blob', async () => {
  const ws = await openSocket();
  ws.send(new Blob([body()], { type: 'application/json' }));
  log(`ws-blob: sent, ${ws.readyState === WebSocket.OPEN ? 'open' : 'closed'}`);
});
on('send-multipart', () => {
  const form = new FormData();
  form.append('subject', 'Ticket');
  form.append('notes', new File([text()], 'ticket.txt', { type: 'text/plain' }));
  return fetchAndLog('multipart', '/api/send', { method: 'POST', body: form });
});
on('send-multipart-xhr', () => {
  const form = new FormData();
  form.append('text', text());
  xhrAndLog('multipart-xhr', form);
});
on('send-blob', () =>
  fetchAndLog('blob', '/api/send', {
    method: 'POST',
    body: new Blob([body()], { type: 'application/json' }),
  }),
);
on('send-bytes-xhr', () =>
  xhrAndLog('bytes-xhr', new TextEncoder().encode(body()), 'application/json'),
);
on('send-blob-xhr', () => xhrAndLog('blob-xhr', new Blob([body()], { type: 'application/json' })));
on('send-request', () =>
  fetchAndLog('request', new Request('/api/send', { method: 'POST', headers: json, body: body() })),
);
on('send-beacon-blob', () =>
  log(
    `beacon-blob: ${navigator.sendBeacon('/api/beacon', new Blob([body()], { type: 'text/plain' }))}`,
  ),
);
on('send-urlencoded', () =>
  fetchAndLog('urlencoded', '/api/send', {
    method: 'POST',
    body: new URLSearchParams({ text: text() }),
  }),
);
on('send-stream', () => {
  const encoded = new TextEncoder().encode(body());
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoded);
      controller.close();
    },
  });
  // `duplex` is required for a streamed body; lib.dom does not know it yet.
  return fetchAndLog('stream', '/api/send', {
    method: 'POST',
    body: stream,
    duplex: 'half',
  } as RequestInit);
});
on('send-large', () => {
  // Over the backstop's 2 MB limit: it cannot be checked, so the fail mode decides.
  const filler = 'Lorem ipsum dolor sit amet. '.repeat(80_000);
  return fetchAndLog('large', '/api/send', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ text: text(), filler }),
  });
});
on('send-frame', () => {
  // A fresh same-origin frame has its own fetch, reached before the frame loads anything: the
  // backstop must be in it too.
  const frame = document.createElement('iframe');
  frame.hidden = true;
  document.body.append(frame);
  const frameWindow = frame.contentWindow!;
  return fetchAndLog(
    'frame',
    `${location.origin}/api/send`,
    { method: 'POST', headers: json, body: body() },
    frameWindow.fetch.bind(frameWindow),
  );
});

document.getElementById('status')!.textContent = 'ready';
window.__editorReady = true;
