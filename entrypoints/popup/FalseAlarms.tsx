/**
 * "This was not sensitive" (issue 4): for each of the page's last decisions, one button per
 * detector that fired. Pressing it asks the background to queue a false-alarm report (detector
 * and site, never text); a detector already reported for a decision shows as reported and its
 * button is disabled, so one decision cannot be reported twice. The counts line says how many
 * reports wait for the backend and how many it has taken.
 */
import { useState } from 'preact/hooks';
import type { FalseAlarmCounts } from '@/lib/incidents/false-alarms.ts';
import type { RecentDecision } from '@/lib/incidents/summary.ts';
import { OUTCOME_LABEL, detectorHint } from './labels.ts';

/** Reports one detector of one decision; resolves to null on success, else the refusal. */
export type ReportFalseAlarm = (decisionId: string, detector: string) => Promise<string | null>;

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { timeStyle: 'short' });
}

export function FalseAlarms({
  recent,
  counts,
  onReport,
}: {
  recent: RecentDecision[];
  counts: FalseAlarmCounts | null;
  onReport: ReportFalseAlarm;
}) {
  // Reported in this popup: "<decision>:<detector>" keys, beside what the summary already says.
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string>('');
  if (recent.length === 0 && !counts?.pending && !counts?.sent) return null;

  const report = async (decision: RecentDecision, detector: string): Promise<void> => {
    const error = await onReport(decision.id, detector).catch(() => 'no answer');
    if (error === null || error === 'already reported') {
      setDone(new Set([...done, `${decision.id}:${detector}`]));
      setMessage(
        error === null
          ? `Thank you: “${detector}” was reported as a false alarm (no text is sent).`
          : `“${detector}” was already reported for that decision.`,
      );
    } else {
      setMessage(`The report could not be made (${error}).`);
    }
  };

  return (
    <section aria-labelledby="false-alarm-heading" data-testid="false-alarms">
      <h2 id="false-alarm-heading">Not sensitive?</h2>
      {recent.length > 0 ? (
        <ul class="decisions">
          {recent.map((d) => (
            <li key={d.id} data-testid="recent-decision">
              <span class="when">
                {OUTCOME_LABEL[d.outcome]} at {time(d.at)}
              </span>
              {d.detectors.map((detector) => {
                const reported = d.reported.includes(detector) || done.has(`${d.id}:${detector}`);
                return (
                  <button
                    type="button"
                    key={detector}
                    data-testid="false-alarm"
                    data-detector={detector}
                    disabled={reported}
                    aria-label={`This was not sensitive: ${detector}`}
                    title={detectorHint(detector)}
                    onClick={() => void report(d, detector)}
                  >
                    {reported ? `Reported: ${detector}` : `This was not sensitive (${detector})`}
                  </button>
                );
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" data-testid="false-alarm-message">
        {message}
      </p>
      {counts ? (
        <p class="hint" data-testid="false-alarm-counts">
          False alarms reported: {counts.pending} waiting for the backend, {counts.sent} sent.
        </p>
      ) : null}
    </section>
  );
}
