/**
 * The in-page guard for uploads (issue 3, "Uploads"): files chosen in an `<input type=file>`,
 * dropped, or pasted into a guarded page are read here, locally, and the page receives only what
 * policy lets through, and only after the check.
 *
 * How it holds: every listener is on the window in the CAPTURE phase, registered at
 * document_start before any page script, and takes only TRUSTED events (files the agent chose;
 * anything a page builds itself it already has). The event is stopped before the page's own
 * listeners run; a file input is emptied at once, so a page that reads `input.files` later (on
 * form submit, say) finds nothing while the check runs and nothing if the file is stopped. When
 * files may go, the page gets them back the way it would have: the input's `files` are set and a
 * new `input` and `change` fire on it; a drop or paste is dispatched again with a DataTransfer that
 * holds the allowed files, at the same element, so the site's own handlers run unchanged.
 *
 * What policy says per file: `block` stops it; `mask` hands the page a masked copy of a plain-text
 * file (same name and type; see `MASKABLE`) and stops any other format, whose values cannot be
 * masked without rewriting the document; `warn` asks the agent first; `allow` and `monitor` let
 * it through. A file Hush cannot read (too large, encrypted, damaged, a format it does not read
 * such as an image) or can read only in part follows `settings.failMode`.
 */
import { h } from 'preact';
import {
  mask,
  scan,
  TYPE_INFO,
  type EntityType,
  type Finding,
  type Level,
  type MaskStrategy,
  type TokenVault,
} from '@/rules/index.ts';
import { ReviewPanel, type PanelFinding } from '@/components/ReviewPanel.tsx';
import { mountInShadow } from '@/components/shadow.ts';
import { extractText, type FailReason, type FileFormat } from '@/lib/files/index.ts';
import { ago, type CopyHit } from '@/lib/provenance/client.ts';
import { findSite } from '@/lib/sites/match.ts';
import { CATALOGUE } from '@/lib/sites/catalogue.ts';
import { countTypes, type GuardContext, type GuardEvent, type Outcome } from './context.ts';
import { decide, type Action, type FindingDecision } from './decide.ts';
import { editableFrom, insertText } from './editable.ts';
import { noticeDocument, showNotice } from './notice.ts';
import { describeTypes } from './plan.ts';
import { frameAddress } from './pages.ts';

/**
 * Formats whose extracted text IS the file's content, so a masked copy can be written back with
 * the same name and type. HTML (its text is extracted from markup), mail, Office and PDF files
 * would have to be rewritten as documents; they are stopped instead when a value must be masked.
 */
export const MASKABLE: ReadonlySet<FileFormat> = new Set([
  'txt',
  'csv',
  'tsv',
  'md',
  'log',
  'json',
  'xml',
]);

/** Why a file could not be checked (the reader's reasons, plus a text that was only partly read). */
export type Unchecked = FailReason | 'partial';

/** The guard's verdict on one file. */
export interface FileVerdict {
  /** The file as chosen. */
  original: File;
  /** What the page may receive: the original, a masked copy, or null when the file is stopped. */
  file: File | null;
  /** What policy asked for: the strongest action over the findings (or the fail mode's). */
  action: Action;
  /** What happens to it unless the agent is asked and says otherwise. */
  outcome: Outcome;
  /** How many values of each type matter here (findings whose action is not `allow`). */
  counts: Partial<Record<EntityType, number>>;
  /** Types that were masked in `file` (one entry a value). */
  masked: EntityType[];
  /** Types that stopped the file (one entry a value). */
  stoppedBy: EntityType[];
  /** When the file could not be (fully) read. */
  unchecked?: Unchecked;
  /** Values with a `warn` action: the file goes only when the agent confirms. */
  warn: PanelFinding[];
  /** The raw values the agent would release by confirming (kept in the tab, never shown). */
  warnValues: string[];
  /** Set when a masked copy was not possible for this format or structure. */
  cannotMask?: string;
  /** Set when the file's text comes from a recent support-tool copy that policy acts on. */
  copy?: CopyVerdict;
  /**
   * The ids of the detectors whose findings made the decision (those with the file's action),
   * for "this was not sensitive" (issue 4). Ids only, never text.
   */
  detectors?: string[];
}

/** Where a file's text was copied (issue 7), and what policy does about it on this page. */
export interface CopyVerdict {
  /** The support tool's catalogue name, else its host. */
  siteName: string;
  /** When the copy was made (ms since the epoch). */
  at: number;
  /** The level customer text is raised to (policy `provenance.level`). */
  level: Level;
  /** The page's action for that level; never `allow` (then there is no CopyVerdict). */
  action: Action;
}

const FAIL_TEXT: Record<Unchecked, string> = {
  'too-large': 'is too large to check',
  unsupported: 'is a kind of file Hush cannot read',
  unreadable: 'could not be read',
  encrypted: 'is password-protected',
  partial: 'could only be partly read',
};

/**
 * Reads `file` and decides what the page may receive. Never throws; never keeps raw values.
 * `copyOf` compares the file's text with recent support-tool copies (issue 7, copyCheckFor).
 */
export async function judgeFile(
  file: File,
  guard: Pick<GuardContext, 'pageClass' | 'rules' | 'settings' | 'vault'>,
  scanText: typeof scan = scan,
  copyOf?: (text: string) => Promise<CopyHit | null>,
): Promise<FileVerdict> {
  // The text is handed out only to be compared here; nothing keeps it.
  let text: string | null = null;
  const verdict = await judgeByFindings(file, guard, scanText, (t) => (text = t));
  const hit = copyOf && text !== null ? await copyOf(text) : null;
  return withCopy(verdict, hit, guard);
}

/** judgeFile by the values in the file alone; `onText` receives the text it read. */
async function judgeByFindings(
  file: File,
  guard: Pick<GuardContext, 'pageClass' | 'rules' | 'settings' | 'vault'>,
  scanText: typeof scan,
  onText?: (text: string) => void,
): Promise<FileVerdict> {
  const base = {
    original: file,
    masked: [],
    stoppedBy: [],
    warn: [],
    warnValues: [],
    counts: {},
  } satisfies Partial<FileVerdict>;
  const failed = (unchecked: Unchecked): FileVerdict =>
    guard.settings.failMode === 'closed'
      ? { ...base, file: null, action: 'block', outcome: 'blocked', unchecked }
      : { ...base, file, action: 'allow', outcome: 'allowed', unchecked };

  // The size is known without reading: an over-size file is never loaded into memory.
  if (file.size > guard.settings.maxFileBytes) return failed('too-large');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    // The file changed or vanished on disk after it was chosen.
    return failed('unreadable');
  }
  const read = await extractText(
    { name: file.name, type: file.type, bytes },
    { maxBytes: guard.settings.maxFileBytes },
  );
  if (!read.ok) return failed(read.reason);
  const partial = read.truncated || read.note !== undefined;

  const findings = scanText(read.text);
  const decision = decide(findings, guard.pageClass, guard.rules);
  const of = (action: Action): FindingDecision[] =>
    decision.findings.filter((d) => d.action === action);
  const counts = countTypes(
    decision.findings.filter((d) => d.action !== 'allow').map((d) => d.finding.type),
  );
  const warnFindings = of('warn');
  const warn = warnFindings.map((d) => panelFinding(read.text, d, file.name));
  const warnValues = warnFindings.map((d) => read.text.slice(d.finding.start, d.finding.end));
  const deciding =
    decision.action === 'allow'
      ? []
      : [...new Set(of(decision.action).map((d) => d.finding.detector))];
  const withFindings = {
    ...base,
    counts,
    warn,
    warnValues,
    ...(deciding.length > 0 ? { detectors: deciding } : {}),
  };
  onText?.(read.text);

  switch (decision.action) {
    case 'block':
      return {
        ...withFindings,
        file: null,
        action: 'block',
        outcome: 'blocked',
        stoppedBy: of('block').map((d) => d.finding.type),
      };
    case 'mask': {
      const toMask = of('mask');
      const types = toMask.map((d) => d.finding.type);
      const why = read.truncated
        ? 'it is too long to mask whole'
        : !MASKABLE.has(read.format as FileFormat)
          ? `values cannot be masked inside a ${read.format.toUpperCase()} file`
          : undefined;
      const copy = why
        ? null
        : maskedCopy(file, bytes, read.text, read.format, toMask, guard.vault);
      if (!copy) {
        return {
          ...withFindings,
          file: null,
          action: 'mask',
          outcome: 'blocked',
          stoppedBy: types,
          cannotMask: why ?? 'masking would break its structure',
        };
      }
      return { ...withFindings, file: copy.file, action: 'mask', outcome: 'masked', masked: types };
    }
    case 'warn':
    case 'monitor':
    case 'allow': {
      // Clean as far as Hush could read: what it could not read follows the fail mode.
      if (partial && guard.settings.failMode === 'closed') {
        return { ...withFindings, ...failed('partial'), counts, warn: [], warnValues: [] };
      }
      const outcome: Outcome =
        decision.action === 'warn'
          ? 'warned'
          : decision.action === 'monitor'
            ? 'monitored'
            : 'allowed';
      return {
        ...withFindings,
        file,
        action: decision.action,
        outcome,
        ...(partial ? { unchecked: 'partial' as const } : {}),
      };
    }
  }
}

/**
 * A file whose text comes from a recent support-tool copy (issue 7) is customer text: the page's
 * action for the provenance level applies, as for a paste (guard.ts). `mask` and `block` stop the
 * file (customer text has no value to mask in place); `warn` asks the agent; `monitor` records.
 */
function withCopy(
  v: FileVerdict,
  hit: CopyHit | null,
  guard: Pick<GuardContext, 'pageClass' | 'rules' | 'settings'>,
): FileVerdict {
  if (!hit) return v;
  const rules = guard.rules[guard.pageClass];
  const level = guard.settings.provenance.level;
  const action: Action = rules.byLevel?.[level] ?? rules.otherwise;
  if (action === 'allow') return v;
  const copy: CopyVerdict = { siteName: hit.siteName, at: hit.at, level, action };
  if (copyStops(copy) && v.file) {
    return { ...v, copy, file: null, outcome: 'blocked' };
  }
  return { ...v, copy };
}

/**
 * The check of a file's text against recent support-tool copies on this page, or undefined when
 * there is nothing to ask (a support tool, provenance off, or no copy remembered now).
 */
export function copyCheckFor(
  guard: Pick<GuardContext, 'pageClass' | 'settings' | 'provenance'>,
): ((text: string) => Promise<CopyHit | null>) | undefined {
  const client = guard.provenance;
  const { enabled, threshold } = guard.settings.provenance;
  if (guard.pageClass === 'support-tool' || !enabled || !client?.live()) return undefined;
  return async (text) => (client.hasFingerprint(text) ? client.check(text, threshold) : null);
}

/** One warned value as the review panel shows it: partly masked, with where and why. */
function panelFinding(text: string, d: FindingDecision, fileName: string): PanelFinding {
  const f = d.finding;
  const value = text.slice(f.start, f.end);
  const level = f.level ?? TYPE_INFO[f.type].level;
  const whole: Finding = { ...f, start: 0, end: value.length };
  const line = countLines(text, f.start);
  return {
    type: f.type,
    label: TYPE_INFO[f.type].label,
    level,
    action: 'warn',
    detector: f.detector,
    ...(f.reason ? { reason: f.reason } : {}),
    preview: mask(value, [whole], { strategy: 'partial' }).text,
    where: `${safeName(fileName)}, line ${line}`,
  };
}

function countLines(text: string, end: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A masked copy of a plain-text file: same name, type and modification time, values replaced as
 * policy says (tokens from the tab's vault, so the AI's reply can be unmasked like pasted text).
 * Returns null when masking would change the file's structure (a value spanning CSV cells, a card
 * number written as a bare JSON number): a broken file is worse than a stopped one.
 */
export function maskedCopy(
  file: File,
  bytes: Uint8Array,
  text: string,
  format: string,
  toMask: readonly FindingDecision[],
  vault: TokenVault,
): { file: File; text: string } | null {
  const masked = maskSpans(text, toMask, vault);
  if (!sameStructure(text, masked, format)) return null;
  // Keep a UTF-8 byte order mark (spreadsheet exports use it to say "UTF-8"); the copy is always
  // UTF-8, whatever the original's encoding, and File sets no charset of its own.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
  return {
    file: new File([bom + masked], file.name, { type: file.type, lastModified: file.lastModified }),
    text: masked,
  };
}

/**
 * Masks each finding with its own strategy. Overlapping findings are merged into the first, so no
 * half value is left behind, and spans are replaced from the end so earlier offsets stay valid
 * (the same rule as the paste guard's plan).
 */
export function maskSpans(
  text: string,
  toMask: readonly FindingDecision[],
  vault: TokenVault,
): string {
  const spans: { start: number; end: number; type: EntityType; strategy: MaskStrategy }[] = [];
  for (const d of [...toMask].sort((a, b) => a.finding.start - b.finding.start)) {
    const last = spans[spans.length - 1];
    if (last && d.finding.start < last.end) last.end = Math.max(last.end, d.finding.end);
    else
      spans.push({
        start: d.finding.start,
        end: d.finding.end,
        type: d.finding.type,
        strategy: d.strategy,
      });
  }
  let out = text;
  for (const span of spans.reverse()) {
    const value = out.slice(span.start, span.end);
    const whole: Finding = {
      type: span.type,
      start: 0,
      end: value.length,
      score: 1,
      detector: 'guard',
      level: TYPE_INFO[span.type].level,
    };
    const replaced = mask(value, [whole], { strategy: span.strategy, vault }).text;
    out = out.slice(0, span.start) + replaced + out.slice(span.end);
  }
  return out;
}

/** Whether masking kept the file's shape: the same JSON documents, CSV cells, XML tags. */
export function sameStructure(before: string, after: string, format: string): boolean {
  switch (format) {
    case 'json':
      return sameArray(jsonShape(before), jsonShape(after));
    case 'csv':
      return sameArray(fieldCounts(before, ','), fieldCounts(after, ','));
    case 'tsv':
      return sameArray(fieldCounts(before, '\t'), fieldCounts(after, '\t'));
    case 'xml':
      return count(before, '<') === count(after, '<') && count(before, '>') === count(after, '>');
    default:
      return true;
  }
}

/** Which parts parse: the whole text, else each line (JSON Lines). */
function jsonShape(text: string): boolean[] {
  const parses = (s: string): boolean => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  };
  if (parses(text)) return [true];
  return text.split('\n').map((line) => line.trim() === '' || parses(line));
}

/** Fields per record of a delimited file, with RFC 4180 quoting (quoted cells may hold newlines). */
function fieldCounts(text: string, delimiter: string): number[] {
  const out: number[] = [];
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (c === '"') quoted = true;
    else if (c === delimiter) fields++;
    else if (c === '\n') {
      out.push(fields);
      fields = 1;
    }
  }
  out.push(fields);
  return out;
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A file name as Hush may show it: names can carry customer data ("jane.roe@... invoice.pdf")
 * and the notice is readable by the page, which never received a stopped file, so values in the
 * name are redacted, and long names are shortened.
 */
export function safeName(name: string, scanText: typeof scan = scan): string {
  const findings = scanText(name);
  const shown = findings.length ? mask(name, findings, { strategy: 'redact' }).text : name;
  return shown.length > 60 ? `${shown.slice(0, 40)}…${shown.slice(-15)}` : shown;
}

/**
 * The notice for one batch of files: what was stopped and why, what was masked, what went through
 * unchecked. Null when every file went through clean (the agent is not interrupted).
 */
export function uploadMessage(
  verdicts: readonly FileVerdict[],
  alternative?: { name: string; url: string },
): string | null {
  const parts: string[] = [];
  const stopped = verdicts.filter((v) => v.file === null);
  if (stopped.length > 0) {
    const list = stopped.map((v) => `${safeName(v.original.name)} (${stopReason(v)})`);
    parts.push(`Hush stopped ${list.join('; ')}.`);
  }
  for (const v of verdicts) {
    if (v.file && v.masked.length > 0) {
      const n = v.masked.length;
      parts.push(
        `Hush masked ${n} ${n === 1 ? 'value' : 'values'} (${describeTypes(v.masked)}) in ${safeName(v.original.name)}; the site received the masked copy.`,
      );
    } else if (v.file && v.unchecked) {
      parts.push(
        `${safeName(v.original.name)} ${FAIL_TEXT[v.unchecked]} and was let through unchecked.`,
      );
    }
  }
  if (parts.length === 0) return null;
  const through = verdicts.filter((v) => v.file && v.masked.length === 0 && !v.unchecked);
  if (stopped.length > 0 && through.length > 0) {
    const names = through.map((v) => safeName(v.original.name)).join(', ');
    parts.push(`${names} ${through.length === 1 ? 'was' : 'were'} sent.`);
  }
  if (stopped.length > 0 && alternative) parts.push(`Use ${alternative.name} for customer data.`);
  return parts.join(' ');
}

function stopReason(v: FileVerdict): string {
  if (v.unchecked) return `it ${FAIL_TEXT[v.unchecked]}`;
  if (v.copy && v.stoppedBy.length === 0) {
    if (copyStops(v.copy)) return `${copiedFrom(v.copy)}, and customer text may not be shared here`;
    if (v.warn.length === 0) return `${copiedFrom(v.copy)}: not confirmed`;
  }
  const types = describeTypes(v.stoppedBy.length ? v.stoppedBy : v.masked);
  if (v.cannotMask) return `${types}: ${v.cannotMask}`;
  if (v.action === 'warn') return `${describeTypes(v.warn.map((f) => f.type))}: not confirmed`;
  return `${types} may not be shared here`;
}

/** Whether policy keeps a support-tool copy out of this page (there is nothing to mask in it). */
function copyStops(copy: CopyVerdict): boolean {
  return copy.action === 'mask' || copy.action === 'block';
}

/** "it was copied from Zendesk 2 minutes ago": where a file's text came from. */
function copiedFrom(copy: CopyVerdict, now = Date.now()): string {
  return `it was copied from ${copy.siteName} ${ago(copy.at, now)}`;
}

/** The review panel's note for a file whose text was copied in a support tool. */
export function copyNote(name: string, copy: CopyVerdict, now = Date.now()): string {
  return `${safeName(name)}: copied from ${copy.siteName} ${ago(copy.at, now)}: customer text (${copy.level.toLowerCase()}).`;
}

/**
 * How the agent is told and asked. Every call to the page's UI goes through here, so the richer
 * UI (issue 3, "The agent's side") can replace it in one place.
 */
export interface UploadUi {
  /** Tells the agent what happened to the files; type names only, never a value. */
  tell(doc: Document, message: string): void;
  /**
   * Asks whether files with values that need a warning may go. Resolves with the agent's reason
   * (possibly empty when policy does not require one) or null when they did not confirm. `notes`
   * say why besides the values (a file copied from a support tool, issue 7).
   */
  confirm(
    doc: Document,
    findings: PanelFinding[],
    notes?: readonly string[],
  ): Promise<string | null>;
}

/** The built-in UI: the guard's notice, and the review panel in a closed shadow root. */
export function defaultUploadUi(guard: GuardContext): UploadUi {
  return {
    tell(doc, message) {
      showNotice(doc, { message, signal: guard.signal, timeout: 12_000 });
    },
    confirm(from, findings, notes) {
      const doc = noticeDocument(from);
      const focused = from.activeElement as HTMLElement | null;
      const site = findSite(frameAddress(guard.win), CATALOGUE);
      return new Promise((resolve) => {
        let mount: ReturnType<typeof mountInShadow> | undefined;
        const done = (reason: string | null): void => {
          if (!mount) return;
          mount.unmount();
          mount = undefined;
          focused?.focus?.();
          resolve(reason);
        };
        mount = mountInShadow(doc, () =>
          h(ReviewPanel, {
            title: 'Hush stopped this upload: check what it contains',
            site: { name: site?.name ?? doc.location.hostname, pageClass: guard.pageClass },
            findings,
            ...(notes && notes.length > 0 ? { notes } : {}),
            allowed: {
              maskAndSend: false,
              sendAnyway: guard.settings.overrideAllowed,
              reasonRequired: guard.settings.overrideReasonRequired,
            },
            ...(guard.texts.approvedAlternative
              ? { approvedAlternative: guard.texts.approvedAlternative }
              : {}),
            scanReason: (text: string) => {
              const found = (guard.scan ?? scan)(text);
              return found.length
                ? `Write the reason without customer data (it contains ${describeTypes(found.map((f) => f.type))}).`
                : null;
            },
            onMaskAndSend: () => done(null),
            onEdit: () => done(null),
            onSendAnyway: (reason: string) => done(reason),
            onCancel: () => done(null),
          }),
        );
        guard.signal.addEventListener('abort', () => done(null), { once: true });
      });
    },
  };
}

/**
 * Checks a batch of files (one choice, drop or paste) and resolves with the ones the page may
 * receive, in their order: originals, or masked copies. Reports every decision that matters and
 * tells the agent what was stopped or changed.
 */
export async function checkFiles(
  files: readonly File[],
  doc: Document,
  guard: GuardContext,
  ui: UploadUi,
): Promise<File[]> {
  const verdicts: FileVerdict[] = [];
  // Decided once per batch: a copy remembered now stays remembered while the batch is read.
  const copyOf = copyCheckFor(guard);
  for (const file of files) {
    verdicts.push(await judgeFile(file, guard, guard.scan, copyOf));
    // One file's parsing is one task; give the page's own work a turn before the next.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  const copyWarned = (v: FileVerdict): boolean => v.copy?.action === 'warn';
  const asking = verdicts.filter((v) => v.file && (v.warn.length > 0 || copyWarned(v)));
  /** What happened to each support-tool copy policy acts on (its own incident, issue 7). */
  const copyOutcomes = new Map<FileVerdict, Outcome>();
  /** The agent's reason for letting a file go, already masked. */
  const reasons = new Map<FileVerdict, string>();
  for (const v of verdicts) {
    if (!v.copy) continue;
    const a = v.copy.action;
    copyOutcomes.set(v, a === 'monitor' ? 'monitored' : a === 'warn' ? 'warned' : 'blocked');
  }
  if (asking.length > 0) {
    const notes = asking.flatMap((v) =>
      v.copy && copyWarned(v) ? [copyNote(v.original.name, v.copy)] : [],
    );
    const reason = guard.settings.overrideAllowed
      ? await ui.confirm(
          doc,
          asking.flatMap((v) => v.warn),
          notes,
        )
      : null;
    for (const v of asking) {
      if (reason === null) {
        v.file = null;
        v.outcome = 'cancelled';
        if (v.warn.length > 0) v.action = 'warn';
        if (copyWarned(v)) copyOutcomes.set(v, 'cancelled');
      } else {
        if (v.warn.length > 0) v.outcome = 'overridden';
        if (copyWarned(v)) copyOutcomes.set(v, 'overridden');
        // The network backstop must not stop what the agent just allowed.
        guard.released.add(v.warnValues);
        if (reason) reasons.set(v, cleanReason(reason));
      }
    }
  }

  for (const v of verdicts) {
    const copied = copyOutcomes.get(v);
    if (v.copy && copied) {
      const reason = copied === 'overridden' ? reasons.get(v) : undefined;
      guard.report({
        channel: 'support-copy',
        action: v.copy.action,
        outcome: copied,
        counts: v.counts,
        ...(reason ? { reason } : {}),
      });
    }
    // A file the copy alone stopped is that incident only, as for a paste (guard.ts).
    if (v.copy && copyStops(v.copy) && v.stoppedBy.length === 0 && !v.unchecked) continue;
    // A clean, fully read file is no incident: nothing was found or left unchecked.
    if (v.action === 'allow' && !v.unchecked) continue;
    const reason = v.outcome === 'overridden' ? reasons.get(v) : undefined;
    guard.report(reason ? { ...event(v), reason } : event(v));
  }
  const message = uploadMessage(
    verdicts,
    guard.pageClass === 'unapproved-ai' ? guard.texts.approvedAlternative : undefined,
  );
  if (message) ui.tell(doc, message);
  return verdicts.flatMap((v) => (v.file ? [v.file] : []));
}

function event(v: FileVerdict): GuardEvent {
  const e: GuardEvent = {
    channel: 'upload',
    action: v.action,
    outcome: v.outcome,
    counts: v.counts,
  };
  return v.detectors ? { ...e, detectors: v.detectors } : e;
}

/** The review panel refuses reasons with findings; redact anyway, so none can reach a record. */
function cleanReason(reason: string): string {
  const found = scan(reason);
  return found.length ? mask(reason, found, { strategy: 'redact' }).text : reason;
}

/** Installs the upload guard on `win` for the content script's lifetime (`guard.signal`). */
export function installUploads(
  win: Window,
  guard: GuardContext,
  ui: UploadUi = defaultUploadUi(guard),
): void {
  const listen = { capture: true, signal: guard.signal } as const;
  /** File inputs being checked, with the number of the check, so a newer choice wins. */
  const pending = new WeakMap<HTMLInputElement, number>();
  let checks = 0;

  const onInputOrChange = (event: Event): void => {
    if (!event.isTrusted) return;
    const input = fileInput(event.composedPath()[0]);
    if (!input) return;
    const files = [...(input.files ?? [])];
    if (files.length === 0) {
      // The `change` after the `input` we took: the page hears of the files when they are allowed.
      if (pending.has(input)) stop(event);
      return;
    }
    stop(event);
    const id = ++checks;
    pending.set(input, id);
    // Empty at once, before any page listener runs: nothing can read or submit the file now.
    input.value = '';
    void checkFiles(files, input.ownerDocument, guard, ui).then((allowed) => {
      if (pending.get(input) !== id || guard.signal.aborted) return;
      pending.delete(input);
      if (allowed.length === 0) return;
      input.files = transfer(allowed).files;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };
  win.addEventListener('input', onInputOrChange, listen);
  win.addEventListener('change', onInputOrChange, listen);

  win.addEventListener(
    'drop',
    (event) => {
      const data = event.dataTransfer;
      if (!event.isTrusted || !data || data.files.length === 0) return;
      const target = event.composedPath()[0] as Element;
      if (fileInput(target)) {
        // Dropped on a file input: the browser fills the input and fires `input` and `change`,
        // which are checked above. Only the page's drop listeners are kept from the files.
        event.stopImmediatePropagation();
        return;
      }
      const files = [...data.files];
      // The drag data can only be read during the event: copy it now.
      const strings = stringData(data);
      const init: DragEventInit = {
        bubbles: true,
        cancelable: true,
        composed: true,
        clientX: event.clientX,
        clientY: event.clientY,
        screenX: event.screenX,
        screenY: event.screenY,
        ctrlKey: event.ctrlKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
      };
      stop(event);
      const doc = target.ownerDocument;
      void checkFiles(files, doc, guard, ui).then((allowed) => {
        if (guard.signal.aborted) return;
        const at = target.isConnected ? target : (doc.body ?? doc.documentElement);
        if (allowed.length === 0) {
          // Nothing goes: close the site's drop highlight as if the drag had left.
          at.dispatchEvent(new DragEvent('dragleave', init));
          return;
        }
        at.dispatchEvent(
          new DragEvent('drop', { ...init, dataTransfer: transfer(allowed, strings) }),
        );
      });
    },
    listen,
  );

  win.addEventListener(
    'paste',
    (event) => {
      const data = event.clipboardData;
      if (!event.isTrusted || !data || data.files.length === 0) return;
      const target = event.composedPath()[0] as Element;
      const files = [...data.files];
      const strings = stringData(data);
      stop(event);
      const doc = target.ownerDocument;
      const paste = (carried: DataTransfer): boolean =>
        target.dispatchEvent(
          new ClipboardEvent('paste', {
            clipboardData: carried,
            bubbles: true,
            cancelable: true,
            composed: true,
          }),
        );
      // The text part goes in now, without the files, as a paste of its own: the paste guard
      // (guard.ts) checks and masks it like any paste, then the site's editor handles it.
      const text = strings.find(([type]) => type === 'text/plain')?.[1];
      if (strings.length > 0 && paste(transfer([], strings))) {
        // Nobody took it: a plain field ignores an untrusted paste, so insert as the browser would.
        const el = editableFrom(target);
        if (el && text) insertText(el, text);
      }
      void checkFiles(files, doc, guard, ui).then((allowed) => {
        if (guard.signal.aborted || allowed.length === 0) return;
        paste(transfer(allowed));
      });
    },
    listen,
  );
}

function stop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** The file input an event started at; nodeType, not instanceof, for frames of another realm. */
function fileInput(node: EventTarget | undefined): HTMLInputElement | null {
  const el = node as Partial<HTMLInputElement> | undefined;
  return el?.nodeType === 1 && el.localName === 'input' && el.type === 'file'
    ? (el as HTMLInputElement)
    : null;
}

/** The text items of a drag or clipboard data store (everything but the files). */
function stringData(data: DataTransfer): [string, string][] {
  return data.types.filter((type) => type !== 'Files').map((type) => [type, data.getData(type)]);
}

function transfer(files: readonly File[], strings: readonly [string, string][] = []): DataTransfer {
  const out = new DataTransfer();
  for (const [type, value] of strings) out.setData(type, value);
  for (const file of files) out.items.add(file);
  return out;
}
