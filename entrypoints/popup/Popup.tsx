/** The toolbar popup. Issue 3 adds this site's class and what Hush did on the page. */
export function Popup({ version }: { version: string }) {
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: '12px', minWidth: '260px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Hush</h1>
      <p style={{ margin: 0 }}>Protecting customer data on AI sites and support tools.</p>
      <p style={{ margin: '8px 0 0', color: '#555' }} data-testid="version">
        Version {version}
      </p>
    </main>
  );
}
