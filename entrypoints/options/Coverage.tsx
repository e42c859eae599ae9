/**
 * The options page's list of the sites IT added in policy (issue 4) and whether Hush guards each
 * one yet. A host Hush has no access to is named with the reason and a button that asks the
 * browser for access (permissions.request must come from a click on an extension page); the
 * background registers the guard there as soon as access is granted (lib/sites/registration.ts).
 */
import type { PageClass } from '@/lib/guard/decide.ts';
import type { Coverage, HostState } from '@/lib/sites/registration.ts';

const KIND: Record<PageClass, string> = {
  'unapproved-ai': 'Unapproved AI tool',
  'approved-ai': 'Approved AI tool',
  'support-tool': 'Support tool',
};

/** What each state means for the agent, in one sentence. */
export function stateText(state: HostState, problem?: string): string {
  switch (state) {
    case 'guarded':
      return 'Guarded.';
    case 'catalogue':
      return 'Guarded (Hush knows this site already).';
    case 'no-access':
      return 'Not guarded yet: Hush has not been allowed to run on this site.';
    case 'unsupported':
      return 'Not guarded: this browser cannot add Hush to a site while it runs (Chrome 102 or Firefox 128 and later can).';
    case 'failed':
      return `Not guarded: the browser refused to add Hush to it${problem ? ` (${problem})` : ''}.`;
  }
}

export interface CoverageProps {
  coverage: Coverage | null;
  /** Asks the browser for access to these origin patterns (called from the click itself). */
  onAllow: (origins: string[]) => void;
  /** The outcome of the last request, shown beside the button. */
  message?: string | null;
}

export function CoverageList({ coverage, onAllow, message }: CoverageProps) {
  if (!coverage || coverage.hosts.length === 0) return null;
  const missing = coverage.hosts.filter((h) => h.state !== 'guarded' && h.state !== 'catalogue');
  const origins = [
    ...new Set(coverage.hosts.filter((h) => h.state === 'no-access').map((h) => h.origin)),
  ];
  return (
    <section aria-labelledby="coverage-title" data-testid="coverage">
      <h2 id="coverage-title">Sites your organisation added</h2>
      {missing.length > 0 ? (
        <p class="problems" role="status">
          {missing.length === 1
            ? '1 of these sites is not guarded yet.'
            : `${missing.length} of these sites are not guarded yet.`}
        </p>
      ) : (
        <p role="status">Hush guards every site your organisation added.</p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Kind</th>
            <th scope="col">Guard</th>
          </tr>
        </thead>
        <tbody>
          {coverage.hosts.map((h) => (
            <tr key={h.pattern} data-pattern={h.pattern} data-state={h.state}>
              <th scope="row">
                <code>{h.pattern}</code>
              </th>
              <td>{KIND[h.pageClass]}</td>
              <td>{stateText(h.state, coverage.problem)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {origins.length > 0 ? (
        <p>
          <button type="button" onClick={() => onAllow(origins)}>
            {origins.length === 1
              ? 'Allow Hush on this site'
              : `Allow Hush on these ${origins.length} sites`}
          </button>{' '}
          {message ? <span class="why">{message}</span> : null}
        </p>
      ) : null}
    </section>
  );
}
