/**
 * The few server-rendered pages a person needs before the dashboard exists (issue 6): set up an
 * account from a one-time link, and sign in. Plain HTML strings, no framework, no script; every
 * interpolated value goes through `esc`.
 */

/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/** A whole page: title, optional error, body (already HTML). */
export function page(title: string, body: string, error?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · Hush</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}
button{margin-top:1.2rem;padding:.6rem 1.2rem;font:inherit}
.error{background:#fde8e8;border:1px solid #e0a0a0;padding:.6rem;border-radius:4px}
code,.secret{font-family:ui-monospace,monospace;word-break:break-all}
</style>
</head>
<body>
<h1>${esc(title)}</h1>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
${body}
</body>
</html>
`;
}

/** Security headers for every page: no framing, no scripts, no caching of forms with secrets. */
export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
