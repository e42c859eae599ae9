/** The line diff of two policy texts (diff.ts), unchanged stretches folded. */
import { hunks, lineDiff } from './diff.ts';

export function DiffView({
  before,
  after,
  label,
}: {
  before: string;
  after: string;
  label: string;
}) {
  const d = lineDiff(before, after);
  const added = d.filter((l) => l.kind === 'add').length;
  const removed = d.filter((l) => l.kind === 'del').length;
  if (added === 0 && removed === 0) {
    return (
      <p class="help" data-diff="none">
        No changes.
      </p>
    );
  }
  return (
    <div class="diff" role="region" aria-label={label} data-diff="changes">
      <p class="diff-summary">
        <span class="diff-add-count">+{added}</span> <span class="diff-del-count">−{removed}</span>{' '}
        lines
      </p>
      {hunks(d).map((h, i) =>
        'skipped' in h ? (
          <div key={i} class="diff-skip">
            … {h.skipped} unchanged line{h.skipped === 1 ? '' : 's'} …
          </div>
        ) : (
          <div key={i} class="diff-hunk">
            {h.lines.map((l, j) => (
              <div key={j} class={`diff-line diff-${l.kind}`} data-kind={l.kind}>
                <span class="diff-no" aria-hidden="true">
                  {l.oldNo ?? ''}
                </span>
                <span class="diff-no" aria-hidden="true">
                  {l.newNo ?? ''}
                </span>
                <span class="diff-sign">
                  {l.kind === 'add' ? (
                    <>
                      <span aria-hidden="true">+</span>
                      <span class="sr-only">added: </span>
                    </>
                  ) : l.kind === 'del' ? (
                    <>
                      <span aria-hidden="true">−</span>
                      <span class="sr-only">removed: </span>
                    </>
                  ) : (
                    ' '
                  )}
                </span>
                <code class="diff-text">{l.text}</code>
              </div>
            ))}
          </div>
        ),
      )}
    </div>
  );
}
