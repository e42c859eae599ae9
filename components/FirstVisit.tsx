/**
 * The notice shown the first time the agent opens a guarded site (issue 3, "The agent's side"):
 * Hush protects customer data here, in the company's words when policy has them, and on an
 * unapproved AI site the approved alternative. It names no value; it only informs.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { PageClass } from '@/lib/guard/decide.ts';

export interface FirstVisitProps {
  siteName: string;
  pageClass: PageClass;
  /** The company's text (policy); a built-in sentence for the page class when absent. */
  text?: string;
  /** A "Learn more" link beside the text. */
  url?: string;
  /** Named on an unapproved AI site only (the caller passes it only there). */
  approvedAlternative?: { name: string; url: string };
  onClose(): void;
}

/** The built-in text per page class, for when policy has none. */
export const BUILT_IN_TEXT: Record<PageClass, (site: string) => string> = {
  'unapproved-ai': (site) =>
    `${site} is not approved by your company for customer data. Hush masks customer data before it leaves this page.`,
  'approved-ai': (site) =>
    `${site} is approved by your company. Hush still masks the most sensitive customer data before it leaves this page.`,
  'support-tool': () =>
    'Hush checks what you paste and send here: secrets are blocked, card numbers masked, and ids and health data need a second look.',
};

export function FirstVisit(props: FirstVisitProps) {
  const { siteName, pageClass, text, url, approvedAlternative, onClose } = props;
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  // Escape closes it when focus is inside; it never takes focus from the page on its own.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section ref={ref} class="hush-first-visit" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Hush protects customer data on {siteName}</h2>
      <p>{text ?? BUILT_IN_TEXT[pageClass](siteName)}</p>
      {approvedAlternative && (
        <p>
          Your company approves{' '}
          <a href={approvedAlternative.url} target="_blank" rel="noopener noreferrer">
            {approvedAlternative.name}
          </a>{' '}
          for this work.
        </p>
      )}
      <div class="hush-actions">
        {url && (
          <a href={url} target="_blank" rel="noopener noreferrer">
            Learn more
          </a>
        )}
        <button type="button" onClick={() => onClose()}>
          Got it
        </button>
      </div>
    </section>
  );
}
