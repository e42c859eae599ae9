/**
 * The playground: sample text scanned in the page under the draft (playground.ts), each finding
 * marked with its type and what the policy would do on the chosen kind of page. The text is never
 * sent anywhere: no request is made from here, and the text is not kept when the page is left.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Policy } from '@/lib/policy/schema.ts';
import { PAGE_CLASSES, type PageClass } from '@/lib/guard/decide.ts';
import { Table } from '../../components/Table.tsx';
import { pieces, simulate, type Span } from './playground.ts';

const CLASS_NAMES: Record<PageClass, string> = {
  'unapproved-ai': 'an unapproved AI site',
  'approved-ai': 'an approved AI tool',
  'support-tool': 'a support tool',
};

const SAMPLE =
  'Hi, this is Dana Whitfield. My card 4539 1488 0343 6467 was charged twice;\n' +
  'write to dana.whitfield@mailbox.example.org or call +44 20 7946 0958.';

export function Playground({ policy }: { policy: Policy | null }) {
  const [text, setText] = useState(SAMPLE);
  const [pageClass, setPageClass] = useState<PageClass>('unapproved-ai');
  const outcome = useMemo(
    () => (policy ? simulate(policy, text, pageClass) : null),
    [policy, text, pageClass],
  );
  return (
    <div class="playground">
      <p class="help">
        The text below is checked in this page by the extension’s own engine under the policy being
        edited. Nothing you type here is sent to the server.
      </p>
      <div class="playground-inputs">
        <label for="pg-text" class="field-label">
          Sample text
        </label>
        <textarea
          id="pg-text"
          rows={6}
          value={text}
          spellcheck={false}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <label for="pg-class" class="field-label">
          Checked as if pasted into
        </label>
        <select
          id="pg-class"
          value={pageClass}
          onChange={(e) => setPageClass(e.currentTarget.value as PageClass)}
        >
          {PAGE_CLASSES.map((c) => (
            <option key={c} value={c}>
              {CLASS_NAMES[c]}
            </option>
          ))}
        </select>
      </div>
      {!outcome ? (
        <p role="alert" class="error">
          The policy has problems; fix them to try it here.
        </p>
      ) : (
        <>
          <p role="status" class="playground-verdict" data-decision={outcome.action}>
            {outcome.spans.length === 0
              ? 'Nothing found: the text would go through as it is.'
              : `${outcome.spans.length} found; the decision for this text: ${outcome.action}.`}
          </p>
          <div class="marked" data-testid="playground-marked">
            {pieces(text, outcome.spans).map((p, i) =>
              'span' in p ? (
                <mark
                  key={i}
                  class={`act-${p.span.action}`}
                  data-type={p.span.type}
                  data-action={p.span.action}
                  data-start={p.span.start}
                  data-end={p.span.end}
                >
                  {p.text}
                  <span class="mark-label">
                    {' '}
                    {p.span.type} → {p.span.action}
                  </span>
                </mark>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </div>
          <Table<Span>
            caption="What the policy would do with each finding"
            csvName="hush-playground-findings"
            empty="Nothing found."
            rows={outcome.spans}
            columns={[
              { label: 'Type', value: (s) => s.type },
              { label: 'Start', value: (s) => s.start, numeric: true },
              { label: 'End', value: (s) => s.end, numeric: true },
              { label: 'Level', value: (s) => s.level },
              { label: 'Detector', value: (s) => s.detector },
              { label: 'Score', value: (s) => s.score, numeric: true },
              { label: 'Action', value: (s) => s.action },
              { label: 'Masking', value: (s) => (s.action === 'mask' ? s.strategy : '') },
            ]}
          />
        </>
      )}
    </div>
  );
}
