/**
 * The network backstop's isolated-world half: answers the MAIN-world hooks (lib/backstop/) over
 * their private channel. It scans each request body with the engine, decides with the page
 * class's rules, and says `stop` only when a value whose action is `mask` or `block` is still
 * there. Warnings are the review panel's business; what the agent released and what Hush itself
 * produced (tokens are never detected; synthetic stand-ins may be) pass.
 *
 * What crosses back to the page is one word, `allow` or `stop`. Types and counts go to the
 * notice (in the extension's shadow root) and to the incident report, never to the page.
 */
import { scan as engineScan, type EntityType, type Finding } from '@/rules/index.ts';
import { listenForMain, type PageWindow } from '@/lib/backstop/channel.ts';
import type { UnreadableReason } from '@/lib/backstop/body.ts';
import { countTypes, type GuardContext } from './context.ts';
import { decide } from './decide.ts';
import { showNotice } from './notice.ts';
import { describeTypes } from './plan.ts';

export type NetworkCheck =
  | { stop: false }
  | {
      stop: true;
      /** The strongest action over the values that stopped it. */
      action: 'mask' | 'block';
      /** One entry a value that stopped it. */
      types: EntityType[];
      /** The ids of the detectors that found those values (issue 4, "this was not sensitive"). */
      detectors: string[];
    };

export type CheckContext = Pick<GuardContext, 'pageClass' | 'rules' | 'released' | 'vault'>;

/**
 * Whether a body whose text is `text` must be stopped on this page. Pure apart from the vault
 * and the released set it reads.
 */
export function networkCheck(
  text: string,
  guard: CheckContext,
  scan: (text: string) => Finding[] = engineScan,
): NetworkCheck {
  if (text.trim() === '') return { stop: false };
  const findings = scan(text);
  if (findings.length === 0) return { stop: false };
  const own = standInRanges(text, guard.vault.standIns());
  const types: EntityType[] = [];
  const detectors = new Set<string>();
  let block = false;
  for (const { finding, action } of decide(findings, guard.pageClass, guard.rules).findings) {
    if (action !== 'mask' && action !== 'block') continue;
    if (guard.released.has(text.slice(finding.start, finding.end))) continue;
    if (own.some(([s, e]) => finding.start >= s && finding.end <= e)) continue;
    types.push(finding.type);
    detectors.add(finding.detector);
    if (action === 'block') block = true;
  }
  return types.length === 0
    ? { stop: false }
    : { stop: true, action: block ? 'block' : 'mask', types, detectors: [...detectors] };
}

/** Where Hush's own synthetic stand-ins occur in `text` ([start, end) pairs). */
function standInRanges(text: string, standIns: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const value of standIns) {
    if (value === '') continue;
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length)) {
      ranges.push([at, at + value.length]);
    }
  }
  return ranges;
}

const UNREADABLE_TEXT: Record<UnreadableReason, string> = {
  'too-large': 'it is too large to check',
  stream: 'it is streamed',
  error: 'it could not be read',
  'needs-wait': 'a synchronous request cannot wait for it to be read',
};

/** Starts answering the backstop's hooks in `win` for the page `guard` describes. */
export function installBackstopBridge(win: PageWindow, guard: GuardContext): void {
  // The one place the backstop shows anything: type names only, never a value.
  const tell = (message: string): void => {
    const alternative = guard.texts.approvedAlternative;
    const suffix = alternative ? ` Use ${alternative.name} instead.` : '';
    showNotice(win.document, { message: message + suffix, signal: guard.signal });
  };

  listenForMain(
    win,
    {
      failMode: guard.settings.failMode,
      check: (text) => {
        const result = networkCheck(text, guard, guard.scan);
        if (!result.stop) return 'allow';
        tell(
          `Hush stopped a request from this page: it carried ${describeTypes(result.types)}, which may not leave this site.`,
        );
        guard.report({
          channel: 'network',
          action: result.action,
          outcome: 'blocked',
          counts: countTypes(result.types),
          detectors: result.detectors,
        });
        return 'stop';
      },
      unreadable: (reason) => {
        if (guard.settings.failMode === 'open') return 'allow';
        tell(`Hush stopped a request it could not check: ${UNREADABLE_TEXT[reason]}.`);
        guard.report({ channel: 'network', action: 'block', outcome: 'blocked', counts: {} });
        return 'stop';
      },
    },
    guard.signal,
  );
}
