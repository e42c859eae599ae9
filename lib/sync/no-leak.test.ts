/// <reference types="vite/client" />
// Proof that no matched value can reach the incident queue or the bytes sent to the backend.
//
// Every detector's must-find examples (the registry's own, rules/detectors/*.ts) are typed by an
// agent as the text of a decision AND as its override reason (the worst case: the reason is free
// text), with the telemetry level that keeps reasons. Each goes through the real report path (the
// content script's reporter, the typed message handler, the incident service, the sealed store),
// then through the uploader to the real backend app on a real SQLite file. Nothing may hold a
// value: not the stored records (raw or opened), not the request bytes, not the backend's rows.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, DETECTORS, type DetectorExamples, type MatchExample } from '@/rules/index.ts';
import { countTypes } from '@/lib/guard/context.ts';
import { connectReporter, type Runtime } from '@/lib/guard/report.ts';
import { handleMessage, type Deps } from '@/lib/messages.ts';
import { guardedFrameOf } from '@/lib/incidents/sender.ts';
import { createIncidentService } from '@/lib/incidents/service.ts';
import { openIncidentStore, storeOpener, type IncidentStore } from '@/lib/incidents/store.ts';
import { createTabSummaries } from '@/lib/incidents/summary.ts';
import { createVisitCounter } from '@/lib/visits.ts';
import { createTenant } from '@/server/admin.ts';
import { createApp } from '@/server/app.ts';
import { silentLogger } from '@/server/log.ts';
import { BACKENDS, type TestDb } from '@/server/test-util.ts';
import { createUploader } from './upload.ts';

const modules = import.meta.glob<Record<string, unknown>>(
  ['@/rules/detectors/*.ts', '!@/rules/detectors/*.test.ts'],
  { eager: true },
);

function parts(ex: MatchExample): { text: string; value: string } {
  return typeof ex === 'string' ? { text: ex, value: ex } : ex;
}

/** Every must-find example of every registered detector. */
const EXAMPLES = DETECTORS.flatMap((d) => {
  const mod = Object.entries(modules).find(([path]) => path.endsWith(`/${d.id}.ts`))?.[1];
  const ex = mod?.examples as DetectorExamples | undefined;
  if (!ex) throw new Error(`rules/detectors/${d.id}.ts exports no examples`);
  return ex.match.map((m) => ({ detector: d.id, ...parts(m) }));
});

function memoryCell() {
  let value: unknown;
  return {
    getValue: async () => value,
    setValue: async (v: unknown) => {
      value = structuredClone(v);
    },
  };
}

/**
 * Every string and number inside a stored value, for searching. Binary values are left out: the
 * only ones are sealed reasons (ciphertext and IV, random bytes that could hold any short digit
 * run by chance); that reasons are sealed at all is asserted separately.
 */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return out;
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      // Field names count (a value must not become a key); array indexes are no data.
      if (!Array.isArray(value)) out.push(k);
      stringsOf(v, out);
    }
  }
  return out;
}

/**
 * The haystack without what is known to be no value: record ids (UUIDs) and the test's own clock
 * readings. Short example values (a CVV "381") would otherwise be found inside an id.
 */
function withoutKnown(text: string): string {
  let out = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
  for (const t of [T0, T0 + 60_000]) {
    out = out.split(String(t)).join('<time>').split(new Date(t).toISOString()).join('<time>');
  }
  return out;
}

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('no matched value reaches the queue or the backend', () => {
  let t: TestDb;
  let store: IncidentStore;
  const name = 'no-leak-test';
  const sentBodies: string[] = [];

  beforeAll(async () => {
    t = await BACKENDS.find((b) => b.name === 'sqlite')!.open();
  });
  afterAll(async () => {
    store?.close();
    await t?.drop();
  });

  it(`holds for all ${EXAMPLES.length} must-find examples of ${DETECTORS.length} detectors`, async () => {
    expect(EXAMPLES.length).toBeGreaterThan(DETECTORS.length * 3);
    const getStore = storeOpener(() => openIncidentStore({ name }));
    let ids = 0;
    const incidents = createIncidentService({
      store: getStore,
      summaries: createTabSummaries(memoryCell()),
      visits: createVisitCounter(memoryCell()),
      scan,
      now: () => T0,
      newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
      extensionVersion: '0.1.0',
      policyVersion: () => 4,
      keepReason: () => true,
      warn: () => undefined,
    });
    const deps: Deps = {
      scan,
      frameOf: (sender) => guardedFrameOf(sender, EXT),
      incidents,
    };
    // The content script's reporter, with the runtime delivering straight to the background's
    // message handler (with the sender the browser would give a chatgpt.com tab).
    const delivered: Promise<unknown>[] = [];
    const runtime: Runtime = {
      id: EXT,
      sendMessage: (message) => {
        const answer = Promise.resolve(
          handleMessage(message, deps, {
            id: EXT,
            url: 'https://chatgpt.com/c/1',
            tab: { id: 3 },
            frameId: 0,
          }),
        );
        delivered.push(answer);
        return answer;
      },
      onMessage: { addListener: () => undefined, removeListener: () => undefined },
    };
    // Not the top frame, so the reporter announces no page: only decisions are sent.
    const win = { top: {} } as unknown as Window;
    const report = connectReporter(win, new AbortController().signal, runtime);
    for (const ex of EXAMPLES) {
      const types = scan(ex.text).map((f) => f.type);
      report({
        channel: 'send',
        action: 'warn',
        outcome: 'overridden',
        counts: countTypes(types),
        reason: ex.text,
      });
    }
    const answers = await Promise.all(delivered);
    expect(answers.every((a) => (a as { ok?: boolean }).ok === true)).toBe(true);

    store = await getStore();
    expect(await store.pendingCount()).toBe(EXAMPLES.length);

    // The backend: the real app on SQLite, the tenant keeping reasons, through app.request.
    const tenant = await createTenant(t.db, { name: 'No Leak', telemetry: 'counts-and-reasons' });
    const app = createApp({ db: t.db, log: silentLogger, now: () => T0, rateLimitPerMinute: 1000 });
    const enrolled = await app.request('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: tenant.tenantId,
        enrollmentToken: tenant.enrollmentToken,
        extensionVersion: '0.1.0',
        browser: 'chrome',
      }),
    });
    const { deviceId, credential } = (await enrolled.json()) as {
      deviceId: string;
      credential: string;
    };
    const uploader = createUploader({
      store: getStore,
      getEnrolment: async () => ({
        backendUrl: 'http://backend.test',
        tenantId: tenant.tenantId,
        deviceId,
        credential,
        userPseudonym: 'q'.repeat(43),
        team: 'Support',
      }),
      allowReasons: () => true,
      onUnauthorized: () => undefined,
      fetch: async (url, init) => {
        sentBodies.push(String(init.body));
        return app.request(url, init);
      },
      now: () => T0 + 60_000,
    });
    expect(await uploader.run()).toEqual({ status: 'done', sent: EXAMPLES.length, rejected: 0 });

    // What is kept: the records as the store gives them (reasons opened), every raw byte of the
    // database, and the backend's rows. What was sent: the request bodies.
    const opened = await store.recent(EXAMPLES.length + 10);
    const raw = await openDB(name);
    const rawStrings: string[] = [];
    for (const storeName of raw.objectStoreNames) {
      stringsOf(await raw.getAll(storeName), rawStrings);
    }
    const rawRecords = (await raw.getAll('incidents')) as Record<string, unknown>[];
    raw.close();
    // Every reason is sealed at rest: none is stored as text.
    expect(rawRecords.filter((r) => 'reason' in r)).toEqual([]);
    expect(rawRecords.filter((r) => r.sealedReason !== undefined)).toHaveLength(EXAMPLES.length);
    const rows = await t.db.selectFrom('incidents').selectAll().execute();
    expect(rows).toHaveLength(EXAMPLES.length);
    // The reasons did go everywhere (masked), so the check below is not vacuous.
    expect(rows.filter((r) => r.reason !== null)).toHaveLength(EXAMPLES.length);

    const places = {
      'opened records': withoutKnown(JSON.stringify(opened)),
      'raw database': withoutKnown(rawStrings.join('\n')),
      'request bytes': withoutKnown(sentBodies.join('\n')),
      'backend rows': withoutKnown(JSON.stringify(rows)),
    };
    const leaks: string[] = [];
    for (const ex of EXAMPLES) {
      for (const [where, text] of Object.entries(places)) {
        if (text.includes(ex.value))
          leaks.push(`${ex.detector} ${JSON.stringify(ex.value)} in ${where}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
