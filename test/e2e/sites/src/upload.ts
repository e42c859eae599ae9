// A page that receives files the ways AI chat sites do: a file input whose change handler uploads
// each file at once, a drop zone, a paste listener on the document, and a plain form posted with
// its file input (a page that reads the input only on submit, without listening to `change`).
// Each received file is POSTed as JSON to /api/send with its text, name, type, size and SHA-256,
// so a test can prove what the page got, byte for byte.

declare global {
  interface Window {
    __editorReady?: boolean;
  }
}

const received = document.getElementById('received')!;

async function upload(file: File, source: 'input' | 'drop' | 'paste'): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  const item = document.createElement('li');
  item.textContent = `${source}: ${file.name} (${file.size} bytes)`;
  received.append(item);
  await fetch('/api/send', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      text: new TextDecoder().decode(bytes),
      name: file.name,
      type: file.type,
      size: file.size,
      sha256,
      source,
    }),
  });
}

const input = document.querySelector<HTMLInputElement>('#file')!;
input.addEventListener('change', () => {
  for (const file of input.files ?? []) void upload(file, 'input');
});

const zone = document.getElementById('dropzone')!;
zone.addEventListener('dragover', (event) => event.preventDefault());
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  for (const file of event.dataTransfer?.files ?? []) void upload(file, 'drop');
});

// Like chat sites: files in a paste become attachments; text still goes into the field.
document.addEventListener('paste', (event) => {
  for (const file of event.clipboardData?.files ?? []) void upload(file, 'paste');
});

document.getElementById('status')!.textContent = 'ready';
window.__editorReady = true;

export {};
