import { defineConfig } from 'wxt';

// The extension's public key (base64 SubjectPublicKeyInfo DER). It fixes the extension id in
// every Chromium browser, so IT's force-install lists and managed policies can name it:
// pgianfnkfbenaoicloklnneaodpbmggj (lib/policy/manifest.test.ts recomputes it). The private key
// is not in the repository; it is needed only to sign self-hosted .crx packages.
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtJHx4kTGTSTzEdF7xR6DhUXuHmoZrMlaFszNlBgpX4htWja1BjrSTBQckNSE/OwO1PExQlz3uMkjtPcYscA4oChcZ2tWY0z4o8NKdGIwtFrU7+x9pCbDjcfYTctLnuYGbPN/Pw+jzDSrJJQhv3A5AF3nO6dmVnm83VWv0AhH5f/53jiImA/zGmD18Gp6L88K8nQRMcxZaJ0jubnYsQIXDgEmlxV39EQtcREOEqNu2Tcdy5lugcf58aOpLS7yX3hR38A5jUGGfEnL1mpLwMs6Elf1M5TlMoDKeThDYmPQ9KvDYH7Wp8zuk+80HCqOdFY73ghq5yIcU5ka3QLpOHh+rQIDAQAB';

// The manifest lives here. Permissions stay minimal until a feature needs one (issue 3 adds
// host access for the guard, issue 4 the managed-storage schema and the stable key).
export default defineConfig({
  // HUSH_OUT_DIR lets several builds (parallel test runs, a benchmark beside a test) use their own
  // output folder; the e2e fixtures read the same variable.
  outDir: process.env.HUSH_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ manifestVersion }) => ({
    name: 'Hush',
    description:
      'Keeps customer data out of unapproved AI tools: finds sensitive data in the page and masks it before it leaves.',
    // storage: settings, first-visit flags, visit counts (local) and tab summaries (session).
    // activeTab: when the agent opens the popup, it may read that one tab's address, to name a
    // page Hush does not guard and to tell a guarded tab opened before install to reload. No
    // install warning, no access to other tabs.
    // alarms: the policy sync's timer (lib/sync/client.ts), which survives the worker being stopped.
    // scripting: the guard on hosts IT adds in policy, registered at runtime (issue 4,
    // lib/sites/registration.ts). No install warning.
    permissions: ['storage', 'activeTab', 'alarms', 'scripting'],
    // Access to a host IT adds is asked for when it is needed, one host at a time, from the
    // options page (or granted by IT, docs/deploy/README.md): optional, so no install warning and
    // no access anywhere until then. Firefox's MV2 build lists hosts among optional permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    key: EXTENSION_KEY,
    // What IT may set through browser policy (generated from lib/policy; see docs/policy.md).
    storage: { managed_schema: 'managed_schema.json' },
    // Firefox: a fixed id for policies.json, and 128 for the MAIN-world content script.
    browser_specific_settings: {
      gecko: { id: 'hush@hush-extension.org', strict_min_version: '128.0' },
    },
  }),
});
