/**
 * The one typed message protocol between the extension's parts. Handlers are a map, not a
 * switch; anything a page or content script sends is validated before it is used.
 */
import type { Finding } from '@/rules/index.ts';

export interface Messages {
  /** Scan a text in the background (the popup's playground and the e2e smoke test use it). */
  'hush:scan': { request: { text: string }; response: { findings: Finding[] } };
}

export type MessageName = keyof Messages;

export interface Deps {
  scan: (text: string) => Finding[];
}

type Handlers = {
  [K in MessageName]: (
    request: Messages[K]['request'],
    deps: Deps,
  ) => Promise<Messages[K]['response']> | Messages[K]['response'];
};

const MAX_TEXT = 2_000_000;

const validators: { [K in MessageName]: (payload: unknown) => Messages[K]['request'] | null } = {
  'hush:scan': (p) =>
    isRecord(p) && typeof p.text === 'string' && p.text.length <= MAX_TEXT
      ? { text: p.text }
      : null,
};

const handlers: Handlers = {
  'hush:scan': ({ text }, deps) => ({ findings: deps.scan(text) }),
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Dispatches a runtime message. Unknown or malformed messages get `undefined` (no answer), so a
 * hostile sender learns nothing and can change nothing.
 */
export function handleMessage(message: unknown, deps: Deps): Promise<unknown> | undefined {
  if (!isRecord(message) || typeof message.type !== 'string') return undefined;
  const name = message.type as string;
  if (!Object.hasOwn(handlers, name)) return undefined;
  const key = name as MessageName;
  const request = validators[key](message.payload);
  if (request === null) return Promise.resolve({ error: `invalid payload for ${key}` });
  return Promise.resolve(handlers[key](request, deps));
}
