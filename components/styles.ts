/**
 * The stylesheet of Hush's in-page UI, as one CSS string that `mountInShadow` puts in each shadow
 * root. It lives in the shadow root rather than the page so that no site rule can reach our
 * elements and none of ours can reach the site's.
 *
 * `:host` resets with `all: initial !important`: selectors from the page cannot cross the shadow
 * boundary, but inherited properties (font, colour, line height, text transforms) still flow into
 * it from the host's ancestors, and a page rule that matches the host element itself (`div`, `*`)
 * beats a plain `:host` rule. `!important` in the shadow tree wins over the page's normal and
 * important declarations on the host, so the site can neither hide nor restyle the UI.
 */
export const HUSH_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: static !important;
  visibility: visible !important;
  opacity: 1 !important;
}
.hush-ui, .hush-ui * {
  box-sizing: border-box;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  font-size: 14px;
  line-height: 1.45;
  color: #1b1f24;
  letter-spacing: normal;
  text-transform: none;
  text-align: left;
}
.hush-ui button, .hush-ui textarea {
  display: inline-block;
  visibility: visible;
  margin: 0;
}

/* The review panel: a centred modal above everything the site stacks. */
.hush-backdrop {
  position: fixed;
  inset: 0;
  z-index: 2147483647;
  display: flex;
  align-items: center;
  justify-content: center;
  background: rgba(15, 20, 25, 0.45);
}
.hush-panel {
  width: min(560px, calc(100vw - 32px));
  max-height: calc(100vh - 32px);
  overflow: auto;
  padding: 20px 22px;
  background: #fff;
  border-radius: 10px;
  box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3);
}
.hush-panel h2 { margin: 0 0 4px; font-size: 17px; font-weight: 650; }
.hush-panel h3 { margin: 14px 0 4px; font-size: 14px; font-weight: 650; }
.hush-panel p { margin: 6px 0; }
.hush-panel ul { margin: 0; padding: 0 0 0 18px; }
.hush-panel li { margin: 4px 0; }
.hush-site { color: #4a535e; }
.hush-preview {
  font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  background: #f1f3f5;
  padding: 0 4px;
  border-radius: 4px;
}
.hush-meta { color: #4a535e; }
.hush-badge { font-weight: 600; }
.hush-badge-block { color: #b3261e; }
.hush-badge-mask { color: #1a56db; }
.hush-badge-warn { color: #8a5300; }
.hush-blocked { color: #b3261e; }
.hush-error { color: #b3261e; font-weight: 600; }
.hush-panel a { color: #1a56db; text-decoration: underline; }
.hush-panel label { display: block; margin: 12px 0 4px; font-weight: 600; }
.hush-panel textarea {
  display: block;
  width: 100%;
  min-height: 72px;
  padding: 6px 8px;
  border: 1px solid #8a949e;
  border-radius: 6px;
  background: #fff;
  resize: vertical;
}
.hush-panel textarea[aria-invalid='true'] { border-color: #b3261e; }
.hush-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 16px; }

.hush-ui button {
  padding: 6px 12px;
  border: 1px solid #8a949e;
  border-radius: 6px;
  background: #fff;
  cursor: pointer;
  font-weight: 600;
}
.hush-ui button.hush-primary { background: #1a56db; border-color: #1a56db; color: #fff; }
.hush-ui button:disabled { opacity: 0.5; cursor: not-allowed; }
/* Visible focus for keyboard users, on every control (WCAG 2.4.7). */
.hush-ui :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }

/* The notice: a small toast in the bottom-right corner that never covers the editor's centre. */
.hush-notice {
  position: fixed;
  right: 16px;
  bottom: 16px;
  z-index: 2147483647;
  display: flex;
  align-items: center;
  gap: 10px;
  max-width: min(440px, calc(100vw - 32px));
  padding: 10px 12px;
  background: #1b1f24;
  border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.3);
}
.hush-notice, .hush-notice * { color: #fff; }
.hush-notice button { background: transparent; border-color: #8a949e; padding: 3px 10px; }

/* The first-visit notice: a card in the top-right corner, away from chat inputs and send buttons. */
.hush-first-visit {
  position: fixed;
  top: 16px;
  right: 16px;
  z-index: 2147483646;
  width: min(380px, calc(100vw - 32px));
  padding: 14px 16px;
  background: #fff;
  border: 1px solid #d0d5db;
  border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.22);
}
.hush-first-visit h2 { margin: 0 0 6px; font-size: 15px; font-weight: 650; }
.hush-first-visit p { margin: 6px 0; }
.hush-first-visit a { color: #1a56db; text-decoration: underline; }
.hush-first-visit .hush-actions { align-items: center; justify-content: flex-end; margin-top: 10px; }
`;
