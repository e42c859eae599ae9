/**
 * The one typed message protocol between the extension's parts. Handlers are a map, not a
 * switch; anything a page or content script sends is validated before it is used, and who sent
 * it (site, tab, frame) is taken from the browser's sender, never from the message.
 *
 * Message names are forever (STYLE.md principle 8): add new ones, never rename or reuse one.
 */
import type { Finding } from '@/rules/index.ts';
import type { GuardEvent } from '@/lib/guard/context.ts';
import { parseGuardEvent } from '@/lib/incidents/record.ts';
import type { FalseAlarmCounts, FalseAlarmService } from '@/lib/incidents/false-alarms.ts';
import type { GuardedFrame, SenderLike } from '@/lib/incidents/sender.ts';
import type { IncidentService, PageStart } from '@/lib/incidents/service.ts';
import type { Policy } from '@/lib/policy/schema.ts';
import type { PolicyService, PolicyState } from '@/lib/policy/service.ts';
import { MAX_SHINGLES, PREHASH } from '@/lib/provenance/fingerprint.ts';
import type { ProvenanceStore } from '@/lib/provenance/store.ts';
import type { UploadStatusView } from '@/lib/sync/upload.ts';

/** An answer that says why a message was refused (no data, just the reason). */
export interface Refusal {
  error: string;
}

export interface Messages {
  /** Scan a text in the background (the popup's playground and the e2e smoke test use it). */
  'hush:scan': { request: { text: string }; response: { findings: Finding[] } };
  /**
   * One decision of the in-page guard (content script -> background), recorded as an incident and
   * added to the tab's summary. Types and counts only.
   */
  'hush:report': { request: GuardEvent; response: { ok: true } | Refusal };
  /** A top frame's page started (content script -> background): new tab summary, maybe a visit. */
  'hush:page': { request: PageStart; response: { ok: true } | Refusal };
  /**
   * The effective policy (issue 4), for a content script to apply to its guard. Anyone in the
   * extension may ask; nobody can change policy through a message.
   */
  'hush:policy': { request: Record<string, never>; response: { policy: Policy } | Refusal };
  /** The policy with each field's source and lock, for the options page (extension pages only). */
  'hush:policy-state': { request: Record<string, never>; response: PolicyState | Refusal };
  /**
   * The incident uploader's status (last success, last error, pending and dropped counts) for the
   * popup (extension pages only). Counts and times, never a record.
   */
  'hush:upload-status': { request: Record<string, never>; response: UploadStatusView | Refusal };
  /**
   * A copy or cut in a support-tool page (issue 7): the unsalted pre-hashes of the copied text's
   * shingles (lib/provenance/fingerprint.ts), never the text. The background keys and keeps them.
   */
  'hush:provenance-copy': { request: { hashes: string[] }; response: { ok: true } | Refusal };
  /**
   * A paste into an AI page: does it come from a recent support-tool copy? The answer names the
   * site and when; it carries no hash and no text.
   */
  'hush:provenance-check': {
    request: { hashes: string[]; threshold: number };
    response: { match: { siteName: string; at: number } | null } | Refusal;
  };
  /**
   * "This was not sensitive" (issue 4), from the popup (extension pages only): one detector of
   * one of the tab's recent decisions. Ids only; the host comes from the tab's summary.
   */
  'hush:false-alarm': {
    request: { tabId: number; decisionId: string; detector: string };
    response: { ok: true } | Refusal;
  };
  /** How many false-alarm reports wait for the backend and how many it took (extension pages). */
  'hush:false-alarm-status': {
    request: Record<string, never>;
    response: FalseAlarmCounts | Refusal;
  };
}

export type MessageName = keyof Messages;

/**
 * Sent by the popup to a tab's top frame (tabs.sendMessage), answered by the guard's content
 * script with `{ pageId }`: which page the tab shows now, so the popup never shows the summary of
 * a page the tab has left. Not handled by the background.
 */
export const WHICH_PAGE = 'hush:which-page';

export interface Deps {
  scan: (text: string) => Finding[];
  /** The guarded page's frame a message came from, from the browser's sender; null if none. */
  frameOf: (sender: SenderLike) => GuardedFrame | null;
  incidents: IncidentService;
  /** The background's policy (lib/policy/service.ts); absent in tests that do not need it. */
  policy?: PolicyService;
  /** `chrome-extension://<id>/`: only the extension's own pages may read the policy state. */
  extensionOrigin?: string;
  /** The memory of recent support-tool copies (lib/provenance/store.ts); absent in tests. */
  provenance?: ProvenanceStore;
  /** The uploader's status (lib/sync/upload.ts loadUploadStatus); absent in tests. */
  uploadStatus?: () => Promise<UploadStatusView>;
  /**
   * Whether a detector id is in the registry (built-in or the policy's custom detectors): a
   * report's detector ids are kept only when it says yes. Absent: no id is kept.
   */
  isDetector?: (id: string) => boolean;
  /** The false-alarm queue (lib/incidents/false-alarms.ts); absent in tests that do not need it. */
  falseAlarms?: FalseAlarmService;
}

type Handlers = {
  [K in MessageName]: (
    request: Messages[K]['request'],
    deps: Deps,
    sender: SenderLike,
  ) => Promise<Messages[K]['response']> | Messages[K]['response'];
};

const MAX_TEXT = 2_000_000;
const PAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;

const validators: { [K in MessageName]: (payload: unknown) => Messages[K]['request'] | null } = {
  'hush:scan': (p) =>
    isRecord(p) && typeof p.text === 'string' && p.text.length <= MAX_TEXT
      ? { text: p.text }
      : null,
  'hush:report': parseGuardEvent,
  'hush:page': (p) =>
    isRecord(p) &&
    Object.keys(p).every((k) => k === 'pageId' || k === 'restored') &&
    typeof p.pageId === 'string' &&
    PAGE_ID.test(p.pageId) &&
    typeof p.restored === 'boolean'
      ? { pageId: p.pageId, restored: p.restored }
      : null,
  'hush:policy': emptyPayload,
  'hush:policy-state': emptyPayload,
  'hush:upload-status': emptyPayload,
  'hush:provenance-copy': (p) =>
    isRecord(p) && Object.keys(p).length === 1 && isPrehashList(p.hashes)
      ? { hashes: p.hashes }
      : null,
  'hush:false-alarm': (p) =>
    isRecord(p) &&
    Object.keys(p).length === 3 &&
    typeof p.tabId === 'number' &&
    Number.isInteger(p.tabId) &&
    p.tabId >= 0 &&
    typeof p.decisionId === 'string' &&
    DECISION_ID.test(p.decisionId) &&
    typeof p.detector === 'string' &&
    DETECTOR_ID.test(p.detector)
      ? { tabId: p.tabId, decisionId: p.decisionId, detector: p.detector }
      : null,
  'hush:false-alarm-status': emptyPayload,
  'hush:provenance-check': (p) =>
    isRecord(p) &&
    Object.keys(p).length === 2 &&
    isPrehashList(p.hashes) &&
    typeof p.threshold === 'number' &&
    p.threshold >= 0.05 &&
    p.threshold <= 1
      ? { hashes: p.hashes, threshold: p.threshold }
      : null,
};

function isPrehashList(x: unknown): x is string[] {
  return (
    Array.isArray(x) &&
    x.length <= MAX_SHINGLES &&
    x.every((h) => typeof h === 'string' && PREHASH.test(h))
  );
}

function emptyPayload(p: unknown): Record<string, never> | null {
  return p === undefined || (isRecord(p) && Object.keys(p).length === 0) ? {} : null;
}

const NOT_GUARDED: Refusal = { error: 'the sender is not a guarded page' };
const DECISION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DETECTOR_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** Only the extension's own pages (the popup) may report false alarms or read their counts. */
function fromExtensionPage(deps: Deps, sender: SenderLike): boolean {
  return !!deps.extensionOrigin && !!sender.url?.startsWith(deps.extensionOrigin);
}

const handlers: Handlers = {
  'hush:scan': ({ text }, deps) => ({ findings: deps.scan(text) }),
  'hush:report': async (event, deps, sender) => {
    const frame = deps.frameOf(sender);
    if (!frame) return NOT_GUARDED;
    // Detector ids are kept only when the registry knows them (issue 4): a page cannot make the
    // popup offer, or the backend receive, an id of its own invention.
    const detectors = event.detectors?.filter((d) => deps.isDetector?.(d) === true) ?? [];
    const clean: GuardEvent = { ...event };
    delete clean.detectors;
    if (detectors.length > 0) clean.detectors = detectors;
    await deps.incidents.report(clean, frame);
    return { ok: true };
  },
  'hush:page': async (page, deps, sender) => {
    const frame = deps.frameOf(sender);
    if (!frame) return NOT_GUARDED;
    if (frame.frameId !== 0) return { error: 'only a top frame starts a page' };
    await deps.incidents.pageStarted(page, frame);
    return { ok: true };
  },
  'hush:policy': async (_, deps) =>
    deps.policy ? { policy: await deps.policy.policy() } : { error: 'no policy service' },
  'hush:policy-state': async (_, deps, sender) => {
    const origin = deps.extensionOrigin;
    if (!deps.policy || !origin || !sender.url?.startsWith(origin)) {
      return { error: 'only extension pages may read the policy state' };
    }
    return deps.policy.state();
  },
  'hush:upload-status': async (_, deps, sender) => {
    const origin = deps.extensionOrigin;
    if (!deps.uploadStatus || !origin || !sender.url?.startsWith(origin)) {
      return { error: 'only extension pages may read the upload status' };
    }
    return deps.uploadStatus();
  },
  'hush:provenance-copy': async ({ hashes }, deps, sender) => {
    const frame = deps.frameOf(sender);
    // Only a support tool's page (catalogue or policy's supportTools) is a source of customer
    // text; a copy anywhere else is none of Hush's business.
    if (!frame || frame.pageClass !== 'support-tool') return NOT_GUARDED;
    if (!deps.provenance) return { error: 'no provenance store' };
    await deps.provenance.addCopy(hashes, {
      siteId: frame.site?.id ?? null,
      siteName: frame.site?.name ?? frame.host,
    });
    return { ok: true };
  },
  'hush:false-alarm': async ({ tabId, decisionId, detector }, deps, sender) => {
    if (!deps.falseAlarms || !fromExtensionPage(deps, sender)) {
      return { error: 'only extension pages may report false alarms' };
    }
    return deps.falseAlarms.report(tabId, decisionId, detector);
  },
  'hush:false-alarm-status': async (_, deps, sender) => {
    if (!deps.falseAlarms || !fromExtensionPage(deps, sender)) {
      return { error: 'only extension pages may read the false-alarm counts' };
    }
    return deps.falseAlarms.counts();
  },
  'hush:provenance-check': async ({ hashes, threshold }, deps, sender) => {
    const frame = deps.frameOf(sender);
    if (!frame || frame.pageClass === 'support-tool') return NOT_GUARDED;
    if (!deps.provenance) return { error: 'no provenance store' };
    const m = await deps.provenance.match(hashes, threshold);
    return { match: m ? { siteName: m.siteName, at: m.at } : null };
  },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Dispatches a runtime message. Unknown messages get `undefined` (no answer), so a hostile
 * sender learns nothing and can change nothing; a known message with a malformed payload or from
 * the wrong sender gets a refusal naming the message, never echoing the payload.
 */
export function handleMessage(
  message: unknown,
  deps: Deps,
  sender: SenderLike = {},
): Promise<unknown> | undefined {
  if (!isRecord(message) || typeof message.type !== 'string') return undefined;
  const name = message.type as string;
  if (!Object.hasOwn(handlers, name)) return undefined;
  const key = name as MessageName;
  const request = validators[key](message.payload);
  if (request === null) return Promise.resolve({ error: `invalid payload for ${key}` });
  const handler = handlers[key] as (
    request: unknown,
    deps: Deps,
    sender: SenderLike,
  ) => Promise<unknown> | unknown;
  return Promise.resolve()
    .then(() => handler(request, deps, sender))
    .catch((): Refusal => ({ error: `${key} failed` }));
}

/** Sends a typed message to the background (content scripts and the popup use this). */
export function sendToBackground<K extends MessageName>(
  send: (message: unknown) => Promise<unknown>,
  type: K,
  payload: Messages[K]['request'],
): Promise<Messages[K]['response']> {
  return send({ type, payload }) as Promise<Messages[K]['response']>;
}
