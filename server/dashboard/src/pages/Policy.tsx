/**
 * Policy (issue 6): the page is loaded when first opened (policy/PolicyPage.tsx). It carries the
 * extension's engine and policy reader for the checks and the playground, which the other pages
 * have no use for, so they stay out of the bundle every page loads.
 */
import { useEffect, useState } from 'preact/hooks';
import type { User } from '../api.ts';

type PageModule = typeof import('./policy/PolicyPage.tsx');

export function Policy(props: { user: User; query: URLSearchParams }) {
  const [mod, setMod] = useState<PageModule | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    import('./policy/PolicyPage.tsx').then(setMod, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  if (error) {
    return (
      <p role="alert" class="error">
        The policy page could not be loaded: {error}
      </p>
    );
  }
  if (!mod) return <p class="loading">Loading…</p>;
  return <mod.PolicyPage {...props} />;
}
