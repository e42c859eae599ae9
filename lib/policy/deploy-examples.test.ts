/**
 * Every deployment example in docs/deploy parses (JSON, the configuration profile's XML, the .reg
 * syntax), installs the extension by its real id, closes the bypasses, and carries managed
 * values that pass managed_schema.json (what Chrome keeps) and Hush's own validation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SchemaNode } from './managed-schema.ts';
import { valueProblems } from './draft03.ts';
import { readManaged } from './managed.ts';
import { EXTENSION_ID } from './extension-id.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const schema = JSON.parse(read('public/managed_schema.json')) as SchemaNode;
const GECKO_ID = /gecko: \{ id: '([^']+)'/.exec(read('wxt.config.ts'))![1]!;

/** Asserts managed values would survive Chrome's schema check and Hush's validation whole. */
function expectValidManaged(values: unknown): void {
  expect(valueProblems(schema, values)).toEqual([]);
  const m = readManaged(values as Record<string, unknown>);
  expect(m.problems).toEqual([]);
  expect(m.connection.backendUrl).toMatch(/^https:\/\//);
  // Without the tenant's pseudonym key the backend's reveal check can never match a user.
  expect(m.connection.pseudonymKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(m.layer.size).toBeGreaterThan(5);
  expect(m.locked.length).toBeGreaterThan(0);
}

function expectChromiumPolicies(p: Record<string, unknown>, incognito: string): void {
  expect(p.ExtensionInstallForcelist).toEqual([
    expect.stringMatching(new RegExp(`^${EXTENSION_ID};https://`)),
  ]);
  expect(p.ExtensionSettings).toEqual({
    [EXTENSION_ID]: expect.objectContaining({ installation_mode: 'force_installed' }),
  });
  expect(p[incognito]).toBe(1);
  expect(p.ExtensionDeveloperModeSettings).toBe(1);
  expect(p.DeveloperToolsAvailability).toBe(1);
}

describe('Linux (Chrome and Chromium JSON policy files)', () => {
  for (const path of [
    'docs/deploy/linux/chrome/hush.json',
    'docs/deploy/linux/chromium/hush.json',
  ]) {
    it(path, () => {
      const p = JSON.parse(read(path)) as Record<string, unknown> & {
        '3rdparty': { extensions: Record<string, unknown> };
      };
      expectChromiumPolicies(p, 'IncognitoModeAvailability');
      expect(Object.keys(p['3rdparty'].extensions)).toEqual([EXTENSION_ID]);
      expectValidManaged(p['3rdparty'].extensions[EXTENSION_ID]);
    });
  }
});

/** A .reg file: key -> value name -> string or number. Throws on any line that is not .reg syntax. */
export function parseReg(text: string): Map<string, Map<string, string | number>> {
  const lines = text.split(/\r\n/);
  if (lines[0] !== 'Windows Registry Editor Version 5.00')
    throw new Error('line 1: not a .reg header');
  const keys = new Map<string, Map<string, string | number>>();
  let current: Map<string, string | number> | null = null;
  lines.slice(1).forEach((line, i) => {
    const n = i + 2;
    if (line === '' || line.startsWith(';')) return;
    const key = /^\[(HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER)\\([^\]]+)\]$/.exec(line);
    if (key) {
      current = new Map();
      keys.set(key[2]!, current);
      return;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value || !current) throw new Error(`line ${n}: not .reg syntax: ${line.slice(0, 60)}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    current.set(
      unescape(value[1]!),
      value[3] !== undefined ? parseInt(value[3], 16) : unescape(value[2]!),
    );
  });
  return keys;
}

/** Registry values as Chrome reads them for an extension: JSON strings where the schema wants objects or lists. */
function fromRegistry(values: Map<string, string | number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of values) {
    const type = schema.properties![name]?.type;
    out[name] =
      typeof value === 'string' && (type === 'object' || type === 'array')
        ? JSON.parse(value)
        : value;
  }
  return out;
}

describe('the pseudonym key setting', () => {
  it('takes the key `tenant pseudonym-key` prints and names anything else', () => {
    const key = 'k'.repeat(43);
    expect(valueProblems(schema, { pseudonymKey: key })).toEqual([]);
    expect(readManaged({ pseudonymKey: ` ${key} ` })).toMatchObject({
      connection: { pseudonymKey: key },
      problems: [],
    });
    for (const bad of ['too-short', 'k'.repeat(44), `${'k'.repeat(42)}=`, 42]) {
      const m = readManaged({ pseudonymKey: bad });
      expect(m.connection.pseudonymKey).toBeUndefined();
      expect(m.problems).toEqual([{ path: 'pseudonymKey', message: expect.any(String) }]);
    }
  });
});

describe('Windows (registry, for GPO)', () => {
  const cases = [
    {
      path: 'docs/deploy/windows/chrome.reg',
      vendor: 'SOFTWARE\\Policies\\Google\\Chrome',
      incognito: 'IncognitoModeAvailability',
    },
    {
      path: 'docs/deploy/windows/edge.reg',
      vendor: 'SOFTWARE\\Policies\\Microsoft\\Edge',
      incognito: 'InPrivateModeAvailability',
    },
  ];
  for (const { path, vendor, incognito } of cases) {
    it(path, () => {
      const text = read(path);
      expect(text, 'CRLF line ends, as regedit writes them').not.toMatch(/[^\r]\n/);
      const reg = parseReg(text);
      const top = Object.fromEntries(reg.get(vendor)!);
      const forcelist = [...reg.get(`${vendor}\\ExtensionInstallForcelist`)!.values()];
      expectChromiumPolicies(
        {
          ...top,
          ExtensionInstallForcelist: forcelist,
          ExtensionSettings: JSON.parse(top.ExtensionSettings as string),
        },
        incognito,
      );
      const own = reg.get(`${vendor}\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`);
      expect(own, 'the 3rdparty key names the extension id').toBeDefined();
      expectValidManaged(fromRegistry(own!));
    });
  }

  it('the parser refuses what is not .reg syntax', () => {
    expect(() => parseReg('Windows Registry Editor Version 5.00\r\n"a"="b"')).toThrow(/line 2/);
    expect(() => parseReg('REGEDIT4\r\n')).toThrow(/line 1/);
    expect(() =>
      parseReg('Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n"a"=b'),
    ).toThrow(/line 3/);
  });
});

type Plist = string | number | boolean | Plist[] | { [key: string]: Plist };

/** A small, strict plist (XML) reader: refuses unbalanced or unknown tags. */
export function parsePlist(xml: string): Plist {
  const body = xml
    .replace(/^<\?xml[^>]*\?>\s*/, '')
    .replace(/^<!DOCTYPE plist[^>]*>\s*/, '')
    .trim();
  const tokens = [...body.matchAll(/<(\/?)([a-z]+)(?: [^>]*)?(\/?)>|([^<]+)/g)];
  const joined = tokens.map((t) => t[0]).join('');
  if (joined !== body) throw new Error('not well-formed XML');
  let i = 0;
  const decode = (s: string) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const next = () => {
    while (i < tokens.length && tokens[i]![4] !== undefined && !tokens[i]![4]!.trim()) i++;
    return tokens[i++];
  };
  const text = (tag: string): string => {
    const t = tokens[i];
    let s = '';
    if (t && t[4] !== undefined) {
      s = decode(t[4]);
      i++;
    }
    const close = tokens[i++];
    if (!close || close[1] !== '/' || close[2] !== tag) throw new Error(`<${tag}> is not closed`);
    return s;
  };
  const value = (): Plist => {
    const t = next();
    if (!t || t[1] === '/' || t[4] !== undefined) throw new Error('expected a value');
    const tag = t[2]!;
    const empty = t[3] === '/';
    if (tag === 'true' || tag === 'false') {
      if (!empty) throw new Error(`<${tag}> must be empty`);
      return tag === 'true';
    }
    if (tag === 'string') return empty ? '' : text('string');
    if (tag === 'integer') return Number.parseInt(text('integer'), 10);
    if (tag === 'real') return Number.parseFloat(text('real'));
    if (tag === 'array') {
      const out: Plist[] = [];
      if (empty) return out;
      for (;;) {
        const save = i;
        const t2 = next();
        if (t2 && t2[1] === '/' && t2[2] === 'array') return out;
        i = save;
        out.push(value());
      }
    }
    if (tag === 'dict') {
      const out: Record<string, Plist> = {};
      if (empty) return out;
      for (;;) {
        const k = next();
        if (k && k[1] === '/' && k[2] === 'dict') return out;
        if (!k || k[2] !== 'key') throw new Error('expected <key> in <dict>');
        out[text('key')] = value();
      }
    }
    if (tag === 'plist') {
      const v = value();
      const close = next();
      if (!close || close[1] !== '/' || close[2] !== 'plist')
        throw new Error('<plist> is not closed');
      return v;
    }
    throw new Error(`unknown tag <${tag}>`);
  };
  const result = value();
  if (next()) throw new Error('content after </plist>');
  return result;
}

describe('macOS (configuration profile)', () => {
  it('docs/deploy/macos/hush.mobileconfig', () => {
    const profile = parsePlist(read('docs/deploy/macos/hush.mobileconfig')) as Record<
      string,
      Plist
    >;
    expect(profile.PayloadType).toBe('Configuration');
    const payloads = profile.PayloadContent as Record<string, Plist>[];
    const uuids = new Set([profile.PayloadUUID, ...payloads.map((p) => p.PayloadUUID)]);
    expect(uuids.size, 'every payload has its own UUID').toBe(payloads.length + 1);
    const strip = (p: Record<string, Plist>) =>
      Object.fromEntries(Object.entries(p).filter(([k]) => !k.startsWith('Payload')));
    for (const [domain, incognito] of [
      ['com.google.Chrome', 'IncognitoModeAvailability'],
      ['com.microsoft.Edge', 'InPrivateModeAvailability'],
    ] as const) {
      const browser = payloads.find((p) => p.PayloadType === domain)!;
      expectChromiumPolicies(strip(browser), incognito);
      const own = payloads.find((p) => p.PayloadType === `${domain}.extensions.${EXTENSION_ID}`);
      expect(own, `${domain}.extensions.<id> payload`).toBeDefined();
      expectValidManaged(strip(own!));
    }
  });

  it('the plist reader refuses broken XML', () => {
    expect(() => parsePlist('<plist><dict><key>a</key><string>b</dict></plist>')).toThrow();
    expect(() => parsePlist('<plist><dict><key>a</key><string>b</string></dict>')).toThrow(
      /not closed/,
    );
    expect(
      parsePlist(
        '<plist><dict><key>a</key><array><integer>1</integer><true/></array></dict></plist>',
      ),
    ).toEqual({
      a: [1, true],
    });
  });
});

describe('Firefox (policies.json)', () => {
  it('docs/deploy/firefox/policies.json', () => {
    const { policies } = JSON.parse(read('docs/deploy/firefox/policies.json')) as {
      policies: Record<string, unknown> & {
        ExtensionSettings: Record<string, Record<string, unknown>>;
        '3rdparty': { Extensions: Record<string, unknown> };
      };
    };
    expect(GECKO_ID).toBe('hush@hush-extension.org');
    expect(policies.ExtensionSettings[GECKO_ID]).toMatchObject({
      installation_mode: 'force_installed',
      install_url: expect.stringMatching(/^https:\/\//),
    });
    expect(policies.DisablePrivateBrowsing).toBe(true);
    expect(policies.DisableDeveloperTools).toBe(true);
    expect(Object.keys(policies['3rdparty'].Extensions)).toEqual([GECKO_ID]);
    // Firefox has no schema; Hush's own validation is the only check, so it must pass whole.
    expectValidManaged(policies['3rdparty'].Extensions[GECKO_ID]);
  });
});
