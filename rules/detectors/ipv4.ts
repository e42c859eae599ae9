import { clamp, contextWords, near, nearBefore } from '../context.ts';
import { columnHeader } from '../table.ts';
import { ipv4Kind, OWN_ADDRESS_BEFORE, parseIPv4, type AddressKind } from '../net-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { lineStartWithin, matchesOf } from '../scan-util.ts';

// A loose dotted quad; octet ranges and leading zeros are checked in code (parseIPv4), which
// keeps the pattern free of overlapping alternations. The look-behind refuses a start inside a
// word or a longer dotted run (OIDs like 1.3.6.1.4.1, "v1.2.3.4"), the look-ahead refuses a
// fifth group or a glued word.
// (Char-first: the look-behind comes after the first digit; see 'Char-first patterns' in
// docs/engine.md.)
const QUAD = /\d(?<![\w.]\d)\d{0,2}(?:\.\d{1,3}){3}(?!\w|\.\d)/g;

// Software versions are written as dotted quads too ("version 10.0.0.1", "Chrome 4.2.1.0").
// (And in Russian, Ukrainian, Greek, Japanese and Chinese: "до версии 3.1.29.112".)
const VERSION_BEFORE =
  /(?:\b(?:version|ver|v|release|rel|build|firmware|fw|rev|revision|patch|hotfix|update|updated|upgrade|upgraded|downgrade|install|installed|sdk|api|kernel|chrome|firefox|edge|edg|opr|crios|fxios|safari|applewebkit|android|ios|windows|macos|java|python|node|npm|sections?|chapter|figure|fig|table|step|clause|article|art|para|rule|§|oid|image|rollback)|(?<![а-яёіїєґ])(?:верси[яиюей]|версі[яїю])|[έε]κδοση|バージョン|版本)(?: (?:number|no|id|string|name))?(?: to)?["'>]?[.:=/]?\s{0,3}["'[]?$/;
// A dependency updated to its next version: "update V8 to 9.6.180.14", "bump zlib to 1.2.13.1".
const UPDATED_TO_BEFORE =
  /\b(?:update[sd]?|updating|upgrade[sd]?|upgrading|bump(?:s|ed)?|bumping|patch(?:es|ed)?|downgrade[sd]?|pin(?:s|ned)?)\s(?:[\w.@/-]{1,24}\s){1,2}to\s{1,3}$/i;

/** Between the two ends of a range: "to", an arrow or a dash. */
const RANGE_GAP = /^\s{0,2}(?:to|->|→|-|–)\s{0,2}$/;

// A numbered heading as a Markdown link's text: "[11.6.2.2 Future Reserved Words](http://...)".
const HEADING_LINK_AFTER = /^ \p{Lu}[^\]\n]{0,80}\]\(/u;

// Addresses that stand for no machine of anyone's: this host, any host, all hosts, a mask.
const NOBODY: ReadonlySet<AddressKind> = new Set([
  'loopback',
  'unspecified',
  'broadcast',
  'netmask',
]);

const BROADCAST_BEFORE = /(?:^|[^\w])(?:brd|broadcast|bcast)[ \t:=]{1,3}$/i;

// Words about networks. "from" and "client" also come before a release ("Revert to
// Makefile.in from 1.2.3.6", "client 1.4.2.1"): IP_CONTEXT_STRONG leaves them out.
const NETWORK_WORDS =
  'ip|ips|ipv4|ip address|addr|address|host|hostname|server|remote|src|dst|source|destination|gateway|gw|dns|nameserver|ping|ssh|rdp|vpn|proxy|firewall|subnet|login|logged in|connected|connect|origin|x-forwarded-for|peer|router|lan|wan|port|sshd';
const IP_CONTEXT = new RegExp(`\\b(?:${NETWORK_WORDS}|client|from)\\b`);
const IP_CONTEXT_STRONG = new RegExp(`\\b(?:${NETWORK_WORDS})\\b`);

// Base scores by kind: someone's public address identifies a connection; internal addresses
// are still internal data (a network map); the rest names no one.
const BASE: Readonly<Record<AddressKind, number>> = {
  public: 0.85,
  private: 0.75,
  'link-local': 0.6,
  loopback: 0.4,
  documentation: 0.35,
  unspecified: 0.2,
  broadcast: 0.2,
  netmask: 0.2,
};

// An operating system or browser with its version, then a build number in parentheses:
// "Windows 11 (10.0.22631.3155)", "Chrome 122 (4.26.66.180)".
const BUILD_IN_PARENS =
  /\b(?:windows|macos|mac os x|ios|ipados|android|linux|chrome|chromium|firefox|edge|safari|opera|version|build)\s{1,3}[\d.]{1,14}\s{0,2}\(\s{0,2}$/;

// A remote login's command and user before the host: "ssh deploy@", "scp -P 2222 f root@".
const LOGIN_BEFORE = /\b(?:ssh|scp|sftp|rsync|mosh|telnet|ssh-copy-id)\b[^\n@]{0,48}[\w.-]@$/;

// A build or revision in parentheses after the quad: "Hush Agent 10.2.3.4 (build 20250311.2)".
const BUILD_AFTER = /^\s{0,2}\(\s{0,2}(?:build|rev|revision|release|r\d)/i;

const OR_LATER_AFTER = /^\s{0,2}(?:or|and) (?:later|newer|above|higher|greater|up)\b/;
const VERSION_ROW =
  /^[ \t]*\|?[ \t]*(?:[A-Za-z-]{2,20}[ \t]{1,2})?(?:firmware|fw|version|versions|build|release|software|bios|driver|os|app|agent|sdk)(?: version)?[ \t]*(?:\||\t)/i;

// A table's column of versions: "version", "fw", "firmware_version", "Since", "app build".
const VERSION_HEADER =
  /\b(?:version|versions|ver|fw|firmware|build|release|since|sdk|bios|driver)$/;

/** Whether the line holding `start` is a table's row headed by a version word. */
function versionRow(text: string, start: number): boolean {
  const from = lineStartWithin(text, start, 200);
  return from >= 0 && VERSION_ROW.test(text.slice(from, start));
}

/** IPv4 addresses, scored by range, refusing version strings, OIDs and longer dotted runs. */
export const ipv4: Detector = {
  id: 'ipv4',
  types: ['IP_ADDRESS'],
  prefilter: /\d\.\d{1,3}\.\d{1,3}\.\d/,
  detect(text) {
    const out: Candidate[] = [];
    // Where the last quad read as a version ended: the other end of a range of versions
    // ("firmware 10.4.2.118 to 10.4.3.2") is one too.
    let versionEnd = -1;
    for (const m of matchesOf(text, QUAD)) {
      const octets = parseIPv4(m[0]);
      if (!octets) continue;
      const start = m.index;
      const end = start + m[0].length;
      const kind = ipv4Kind(octets);
      let score = BASE[kind];
      let reason: string = kind;
      // A subnet's broadcast address as `ip addr` and ifconfig print it: "brd 192.168.1.255".
      if (octets[3] === 255 && BROADCAST_BEFORE.test(text.slice(Math.max(0, start - 12), start))) {
        score = BASE.broadcast;
        reason = 'broadcast';
      }
      // A column headed by a network word ("IP address", `client_ip`) is the strongest context.
      const header = columnHeader(text, start, end);
      const column = header !== null && IP_CONTEXT_STRONG.test(contextWords(header));
      const ipContext = column || near(text, start, end, IP_CONTEXT, 32);
      if (
        (versionEnd >= 0 &&
          start - versionEnd <= 6 &&
          RANGE_GAP.test(text.slice(versionEnd, start))) ||
        nearBefore(text, start, VERSION_BEFORE, 24) ||
        (!ipContext && nearBefore(text, start, UPDATED_TO_BEFORE, 48)) ||
        nearBefore(text, start, BUILD_IN_PARENS, 32) ||
        // A package's version: "v8@10.2.154.26-node.26", "1.2.13.1-motley" (not a login's
        // host: "ssh deploy@172.31.71.116").
        // (Nor a login's host before its path or a message: "deploy@172.31.71.116:/srv",
        // "johnnie@9.250.252.160: Permission denied".)
        (text.charCodeAt(start - 1) === 64 &&
          text.charCodeAt(end) !== 58 &&
          !LOGIN_BEFORE.test(text.slice(Math.max(0, start - 64), start))) ||
        // A package's revision or suffix: "1.0.24.2-5", "24.3.4.5+dfsg-1", "2.1.0.3~rc1".
        /^(?:-[A-Za-z]|-\d{1,3}(?![\d.])|[+~][a-z])/.test(text.slice(end, end + 5)) ||
        (text.charCodeAt(start - 1) === 91 && HEADING_LINK_AFTER.test(text.slice(end, end + 90))) ||
        // "requires agent app 4.9.16.143 or later"; a table's row of versions ("| Firmware |
        // 3.21.25.195 | 4.18.27.238 |").
        OR_LATER_AFTER.test(text.slice(end, end + 16)) ||
        BUILD_AFTER.test(text.slice(end, end + 16)) ||
        (!column && versionRow(text, start)) ||
        (header !== null && VERSION_HEADER.test(contextWords(header)))
      ) {
        score = 0.3;
        reason = 'version';
        versionEnd = end;
      } else if (
        !column &&
        (!ipContext || !near(text, start, end, IP_CONTEXT_STRONG, 32)) &&
        octets[0]! < 30 &&
        octets.every((o) => o < 100) &&
        kind !== 'private'
      ) {
        // Small numbers, the first under 30, and no word about networks: a release ("dpkg
        // (1.16.4.1)", "New in 1.0.15.5:", "XFree86 4.3.99.16") far more often than a host.
        // (A random address is that small one time in 140.)
        score = Math.min(score, 0.45);
        reason = 'version-like';
      } else if (octets.every((o) => o < 10)) {
        // "1.2.3.4" is more often a version or a section number than an address.
        score = ipContext ? Math.max(score - 0.05, 0.6) : 0.4;
        reason = ipContext ? 'context' : 'short';
      } else if (ipContext) {
        score = clamp(score + 0.1);
        reason = `${kind}, context`;
      }
      // A network written with its prefix, its host part zero ("10.0.0.0/8", "100.64.0.0/10"),
      // is a range of addresses, not a machine ("192.168.1.254/24" is one). A public block of
      // 32 addresses or fewer is one customer's allocation, and names it as an address does
      // ("Static block: 62.31.118.40/29").
      if (isNetwork(octets, text, end) && !(kind === 'public' && prefixOf(text, end) >= 27)) {
        score = Math.min(score, 0.4);
        reason = 'network';
      }
      // Context does not make them anyone's ("server running at http://127.0.0.1").
      if (NOBODY.has(kind)) score = Math.min(score, 0.4);
      if (
        kind === 'documentation' &&
        OWN_ADDRESS_BEFORE.test(text.slice(Math.max(0, start - 40), start))
      ) {
        score = Math.max(score, 0.6);
        reason = 'documentation range, own address';
      }
      out.push({ start, end, type: 'IP_ADDRESS', score, reason });
    }
    // A release's neighbours: "Version 2.10.4.118 fixes the loop; 2.10.4.117 should not be
    // installed." A quad that shares its first three numbers with a version close by is one.
    if (out.length > 1) {
      // (Candidates are in text order: each version looks at its neighbours within 300
      // characters only, so a text full of quads costs no more than a few per quad.)
      for (let i = 0; i < out.length; i++) {
        const v = out[i]!;
        if (v.reason !== 'version') continue;
        const stem = text.slice(v.start, text.lastIndexOf('.', v.end - 1) + 1);
        for (const step of [-1, 1]) {
          for (let k = i + step; k >= 0 && k < out.length; k += step) {
            const c = out[k]!;
            if (Math.abs(c.start - v.start) > 300) break;
            if (c.reason !== 'version' && text.startsWith(stem, c.start)) {
              c.score = Math.min(c.score, 0.3);
              c.reason = 'version';
            }
          }
        }
      }
    }
    return out;
  },
};

/** The N of a "/N" right after the address (0 when there is none). */
function prefixOf(text: string, end: number): number {
  const m = /^\/(\d{1,2})(?!\d)/.exec(text.slice(end, end + 4));
  return m ? Number(m[1]) : 0;
}

/** Whether the address is followed by "/N" and has no bits set outside those N. */
function isNetwork(o: readonly number[], text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 47) return false;
  const m = /^\/(\d{1,2})(?!\d)/.exec(text.slice(end, end + 4));
  if (!m) return false;
  const bits = Number(m[1]);
  if (bits > 32) return false;
  const value = ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
  const host = bits === 32 ? 0 : (0xffffffff >>> bits) >>> 0;
  return bits < 32 && (value & host) >>> 0 === 0;
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: '  657  ssh deploy@172.31.71.116', value: '172.31.71.116' },
    // A customer's static block of public addresses.
    { text: 'Static block: 62.31.118.40/29, gateway 62.31.118.41', value: '62.31.118.40' },
    { text: 'johnnie@9.250.252.160: Permission denied (publickey).', value: '9.250.252.160' },
    // Three numbers shared with another address, not a version.
    { text: 'blocked 10.20.30.40 and 10.20.30.41 at the firewall', value: '10.20.30.41' },
    {
      text: 'sshd[2446]: Failed password for invalid user test from 18.97.13.85 port 5680 ssh2',
      value: '18.97.13.85',
    },
    { text: 'user,ip address,when\nann,22.3.11.51,monday', value: '22.3.11.51' },
    { text: 'client_ip=22.3.11.51 status=403', value: '22.3.11.51' },
    { text: '{"remoteAddr": "22.3.11.51"}', value: '22.3.11.51' },
    // Updated to an address: a network word says so.
    { text: 'we updated the gateway to 10.20.30.40 yesterday', value: '10.20.30.40' },
    '203.45.117.9',
    // A documentation address given as the writer's own: a made-up customer's.
    { text: 'my IP address is 192.0.2.15, can you whitelist it?', value: '192.0.2.15' },
    { text: 'Login from 86.121.97.248 at 10:42', value: '86.121.97.248' },
    { text: 'db host is 10.20.30.40, port 5432', value: '10.20.30.40' },
    { text: 'gateway 192.168.1.254/24', value: '192.168.1.254' },
    { text: 'Blocked IP: 41.176.181.243.', value: '41.176.181.243' },
    { text: 'range 172.16.0.10-172.16.0.99', value: '172.16.0.99' },
    { text: 'ssh to 8.8.4.4 failed', value: '8.8.4.4' },
    // Small numbers with a word about networks.
    { text: 'Failed login from 5.23.45.6 last night.', value: '5.23.45.6' },
  ],
  noMatch: [
    'Обновление «1С:ЗУП» до версии 3.1.29.112 запланировано на ночь с субботы',
    // A product's version before its build in brackets; a public network of 256 addresses.
    'Hush Agent 10.2.3.4 (build 20250311.2) is now rolling out',
    'allow 52.94.76.0/24 in the security group',
    // A range of firmware versions; an image to roll back to.
    'Upgrade the branch routers from firmware 10.4.2.118 to 10.4.3.2 during the window.',
    'Change ticket CHG-20931, rollback image 10.4.1.96.',
    // A column of versions, a version's tag, a version bumped.
    'sku,stock,firmware_version\nNAS-4BAY,193,10.2.9.64',
    '| Endpoint | Since |\n|---|---|\n| `/v2/orders` | 4.0.5.193 |',
    'device,battery_v,fw\ndev-1d67e77b,3.19,11.1.1.199',
    '<version>10.2.0.1</version>',
    'a1b2c3d (HEAD -> main, origin/main) Bump version to 10.2.0.1',
    // A version's neighbour in the same release line.
    'Version 2.10.4.118 of the desktop client fixes the sync loop; 2.10.4.117 should not be installed.',
    'Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0.0.0 Safari/537.36',
    '{"versionNumber": "10.2.154.26", "build": 7}',
    '| Gateway firmware  | 2.16.9.45               | 2.16.9.48    |',
    "version='10.2.154.26'",
    'App version: 14.1.5.26 (b713)',
    'Bundled: uvwasi@0.0.18, v8@10.2.154.26-node.26, zlib@1.2.13.1-motley',
    'Upgraded to version 10.0.0.1 yesterday.',
    '**deps**: update V8 to 9.6.180.14 (Michaël Zasso)',
    "* `'ed25519'` (OID 1.3.101.112)",
    'Browser: Chrome 122.0.6261.94 on Windows 11 (4.26.66.180)',
    'Firmware v2.14.0.3 is out',
    'Compatibility: requires agent app 4.9.16.143 or later.',
    'Mozilla/5.0 (Windows NT 10.0) Chrome/127.9.18.4 Safari/586.47 Edg/126.6.6.6',
    '| Firmware | 3.21.25.195 | 19.6.7569.5 |',
    'The OID is 1.3.6.1.4.1.311.21.7',
    'Read section 1.2.3.4 of the guide',
    'docs use 192.0.2.15 and 198.51.100.7 as examples',
    'Listen on 0.0.0.0 and 127.0.0.1',
    "console.log('Server running at http://127.0.0.1:1337/')",
    '| `host` | `0.0.0.0` | Bind host |',
    // Section numbers.
    'as defined in ECMA262 sections\n[11.6.2.1](http://ecma-international.org/ecma-262/5.1/)',
    '* [11.6.2.2 Future Reserved Words](http://ecma-international.org/ecma-262/5.1/)',
    // Releases: small numbers and no word about networks, or a package revision after them.
    'dpkg (1.16.4.1) unstable; urgency=low',
    'New in 1.0.15.5:\n* fix NUL-termination bug',
    'libxcb1 Breaks alsa-utils (<< 1.0.24.2-5) to avoid leaving alsamixer broken',
    'erlang (1:24.3.4.5+dfsg-1) unstable',
    'Revert to Makefile.in from 1.2.3.6 (live with the clutter)',
    // Networks, not hosts.
    "private = [IPv4Network('10.0.0.0/8'), IPv4Network('100.64.0.0/10')]",
    'netmask 255.255.255.0',
    // A subnet's broadcast address as `ip addr` prints it.
    'valid_lft forever brd 10.0.4.255 scope global eth0',
    'not an address: 256.1.1.1 or 01.02.03.04',
    'Price 1.299.000.00',
  ],
};
