// The uploader's status as the popup gets it: read from the real store (fake-indexeddb in Node)
// after real uploader runs against a scripted backend, answered only to extension pages through
// the message protocol, and put into words. The browser end is test/e2e/upload.spec.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '@/rules/index.ts';
import type { IncidentRecord } from '@/lib/incidents/record.ts';
import { openIncidentStore, type IncidentStore } from '@/lib/incidents/store.ts';
import { handleMessage, type Deps } from '@/lib/messages.ts';
import { summariseUploads } from './describe.ts';
import type { Enrolment } from './enrollment.ts';
import { createUploader, loadUploadStatus, type UploadStatusView } from './upload.ts';

const T0 = Date.UTC(2026, 10, 2, 9, 30, 0);
const ENROLMENT: Enrolment = {
  backendUrl: 'https://hush.example.test/',
  tenantId: 'tenant-1',
  deviceId: 'dev1',
  credential: 'dev1.abcdefghijklmnopqrstuvwxyz012345',
  userPseudonym: 'u'.repeat(43),
  team: null,
};

function record(i: number): IncidentRecord {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    time: T0 + i * 1000,
    siteId: 'chatgpt',
    host: 'chatgpt.com',
    pageClass: 'unapproved-ai',
    channel: 'paste',
    action: 'mask',
    outcome: 'masked',
    counts: { EMAIL: 1 },
    state: 'pending',
    sentAt: null,
    extensionVersion: '0.1.0',
    policyVersion: 1,
  };
}

let n = 0;
const open: IncidentStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function newStore(maxRecords?: number): Promise<IncidentStore> {
  const s = await openIncidentStore({ name: `upload-status-${n++}`, maxRecords });
  open.push(s);
  return s;
}

describe('loadUploadStatus', () => {
  it('gives pending and dropped counts, the last success and the last error', async () => {
    const store = await newStore(3);
    for (let i = 1; i <= 5; i++) await store.add(record(i));
    let clock = T0 + 60_000;
    let up = false;
    const uploader = createUploader({
      store: async () => store,
      getEnrolment: async () => ENROLMENT,
      allowReasons: () => false,
      onUnauthorized: () => {},
      fetch: async () => {
        if (!up) throw new TypeError('fetch failed');
        return new Response(JSON.stringify({ accepted: 3 }), { status: 200 });
      },
      now: () => clock,
      random: () => 0.5,
    });
    expect(await loadUploadStatus(store)).toEqual({
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
      nextAttemptAt: 0,
      pending: 3,
      droppedTotal: 2,
    });

    await uploader.run({ force: true });
    const offline = await loadUploadStatus(store);
    expect(offline).toMatchObject({ lastError: 'offline', lastSuccessAt: null, pending: 3 });
    expect(offline.nextAttemptAt).toBeGreaterThan(clock);

    up = true;
    clock += 600_000;
    await uploader.run({ force: true });
    expect(await loadUploadStatus(store)).toMatchObject({
      lastError: null,
      lastSuccessAt: clock,
      pending: 0,
      droppedTotal: 2,
    });
  });
});

describe('the hush:upload-status message', () => {
  const view: UploadStatusView = {
    lastSuccessAt: T0,
    lastAttemptAt: T0,
    lastError: null,
    nextAttemptAt: 0,
    pending: 2,
    droppedTotal: 0,
  };
  const deps: Deps = {
    scan,
    frameOf: () => null,
    incidents: {
      report: async () => ({}) as never,
      pageStarted: async () => {},
      tabClosed: async () => {},
    },
    extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
    uploadStatus: async () => view,
  };

  it('answers the extension’s own pages', async () => {
    const popup = { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' };
    expect(await handleMessage({ type: 'hush:upload-status' }, deps, popup)).toEqual(view);
  });

  it('refuses web pages, content scripts and malformed payloads', async () => {
    const page = { url: 'https://chatgpt.com/', tab: { id: 1 }, frameId: 0 };
    expect(await handleMessage({ type: 'hush:upload-status' }, deps, page)).toEqual({
      error: 'only extension pages may read the upload status',
    });
    const popup = { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' };
    expect(
      await handleMessage({ type: 'hush:upload-status', payload: { x: 1 } }, deps, popup),
    ).toEqual({ error: 'invalid payload for hush:upload-status' });
    const without: Deps = { ...deps, uploadStatus: undefined };
    expect(await handleMessage({ type: 'hush:upload-status' }, without, popup)).toMatchObject({
      error: expect.any(String),
    });
  });
});

describe('summariseUploads', () => {
  const base: UploadStatusView = {
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    nextAttemptAt: 0,
    pending: 0,
    droppedTotal: 0,
  };

  it('puts each state into words', () => {
    expect(summariseUploads(base)).toEqual({
      lastResult: 'Nothing to send yet',
      lastSuccessAt: null,
      pending: 'Nothing waiting',
      dropped: null,
      failed: false,
    });
    expect(summariseUploads({ ...base, pending: 1 })).toMatchObject({
      lastResult: 'Not sent yet',
      pending: '1 report waiting',
    });
    expect(summariseUploads({ ...base, lastSuccessAt: T0, lastAttemptAt: T0 })).toMatchObject({
      lastResult: 'Sent',
      lastSuccessAt: T0,
      failed: false,
    });
    expect(
      summariseUploads({ ...base, lastError: 'offline', pending: 2, droppedTotal: 12 }),
    ).toEqual({
      lastResult: 'Failed: the backend could not be reached',
      lastSuccessAt: null,
      pending: '2 reports waiting',
      dropped: '12 reports dropped (the queue was full)',
      failed: true,
    });
  });
});
