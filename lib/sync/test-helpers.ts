/**
 * Test helpers for the sync client (imported by tests only): an in-memory storage.local, signing
 * keys made with WebCrypto, and a fake backend that answers like server/routes (enroll, signed
 * policy with ETag). The real backend is exercised by real-backend.test.ts and
 * test/e2e/sync.spec.ts.
 */
import type { LocalArea } from './http.ts';
import { toBase64 } from './http.ts';

/** A Map-backed storage.local. */
export function memoryLocal(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(structuredClone(initial)));
  const local: LocalArea = {
    get: async (keys) =>
      Object.fromEntries(
        keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]),
      ),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (keys) => {
      for (const k of keys) data.delete(k);
    },
  };
  return { local, data };
}

export interface TestKey {
  alg: 'Ed25519' | 'ES256';
  /** Base64 SubjectPublicKeyInfo: what IT pins. */
  publicKey: string;
  sign(payload: string): Promise<string>;
}

/** A new signing key pair (Ed25519 by default, or ECDSA P-256). */
export async function makeKey(alg: TestKey['alg'] = 'Ed25519'): Promise<TestKey> {
  const params =
    alg === 'Ed25519'
      ? { name: 'Ed25519' }
      : ({ name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams);
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return {
    alg,
    publicKey: toBase64(spki),
    async sign(payload) {
      const signParams =
        alg === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
      const sig = await crypto.subtle.sign(
        signParams,
        pair.privateKey,
        new TextEncoder().encode(payload),
      );
      return toBase64(new Uint8Array(sig));
    },
  };
}

export interface FakeBackendOptions {
  tenantId: string;
  enrollmentToken: string;
  key: TestKey;
}

/** A fake backend: enroll and a signed policy, with ETags; tests change its answers. */
export function fakeBackend(opts: FakeBackendOptions) {
  const state = {
    devices: new Map<string, string>(),
    policy: null as null | { revision: number; doc: Record<string, unknown>; tenantId?: string },
    key: opts.key,
    /** When set, every request answers this way (offline = throws). */
    down: false,
    /** Rewrites the body before it is sent (tampering in transit). */
    tamper: null as null | ((body: { payload: string; signatures: unknown[] }) => unknown),
    requests: [] as { method: string; path: string; headers: Record<string, string> }[],
    next: 0,
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    const path = new URL(url).pathname;
    state.requests.push({ method: init.method ?? 'GET', path, headers });
    if (state.down) throw new TypeError('Failed to fetch');
    if (path === '/api/v1/enroll' && init.method === 'POST') {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      if (body.tenantId !== opts.tenantId || body.enrollmentToken !== opts.enrollmentToken) {
        return json(401, { error: 'unauthorized', message: 'no' });
      }
      const deviceId = `device-${++state.next}`;
      const secret = `secret-${state.next}-abcdefghijklmnop`;
      state.devices.set(deviceId, secret);
      return json(201, { deviceId, credential: `${deviceId}.${secret}` });
    }
    if (path === '/api/v1/policy') {
      const m = /^Bearer ([^.]+)\.(.+)$/.exec(headers.authorization ?? '');
      if (!m || state.devices.get(m[1]!) !== m[2]) return json(401, { error: 'unauthorized' });
      if (!state.policy) return json(404, { error: 'no_policy' });
      const payload = JSON.stringify({
        tenantId: state.policy.tenantId ?? opts.tenantId,
        revision: state.policy.revision,
        publishedAt: '2030-01-01T00:00:00.000Z',
        policy: state.policy.doc,
      });
      const signed = {
        payload,
        signatures: [{ keyId: 'k1', alg: state.key.alg, signature: await state.key.sign(payload) }],
      };
      const body = state.tamper ? state.tamper(signed) : signed;
      const etag = `"${state.policy.revision}-${state.key.publicKey.slice(-8)}"`;
      if (headers['if-none-match'] === etag)
        return new Response(null, { status: 304, headers: { etag } });
      return json(200, body, { etag });
    }
    return json(404, { error: 'not_found' });
  };
  return { state, fetch };
}
