import { clamp, matchAllNear, near } from '../context.ts';
import { ipv6Kind, OWN_ADDRESS_BEFORE, parseIPv6, type AddressKind } from '../net-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// Colon-separated hex groups (two to seven colons), optionally ending in a dotted IPv4 tail.
// Each repetition ends at a colon and hex digits never match a colon, so there is one way to
// split a run: the scan stays linear. Structure (group count, one "::") is checked in code.
const CANDIDATE =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\d)/g;
// Every candidate has its first two colons within its first ten characters, the first one at
// most four characters in: CANDIDATE is tried only there (matchAllNear), not at every hex
// letter of the text.
const ANCHOR = /:[0-9A-Fa-f]{0,4}:/g;

const IP_CONTEXT =
  /\b(?:ip|ips|ipv6|ip address|addr|address|host|server|client|remote|src|dst|source|destination|gateway|dns|ping|ssh|vpn|proxy|firewall|subnet|prefix|interface|inet6|login|connected|from|peer|router)\b/;

const BASE: Readonly<Record<AddressKind, number>> = {
  public: 0.85,
  private: 0.75,
  'link-local': 0.65,
  loopback: 0.3,
  documentation: 0.35,
  unspecified: 0.2,
  broadcast: 0.2,
  netmask: 0.2,
};

/** IPv6 addresses in full, compressed and IPv4-embedded forms, validated structurally. */
export const ipv6: Detector = {
  id: 'ipv6',
  types: ['IP_ADDRESS'],
  prefilter: /:[0-9A-Fa-f]{0,4}:/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchAllNear(text, CANDIDATE, ANCHOR, 4)) {
      const value = m[0];
      // Without "::" a full address has seven colons (six before an IPv4 tail): a cheap test
      // that skips MAC addresses and clock times before parsing.
      const colons = value.split(':').length - 1;
      if (!value.includes('::') && colons !== 7 && !(colons === 6 && value.includes('.'))) continue;
      const groups = parseIPv6(value);
      if (!groups) continue;
      const start = m.index;
      const end = start + value.length;
      const kind = ipv6Kind(groups);
      let score = BASE[kind];
      let reason: string = kind;
      // A compressed form that starts with a one- or two-digit group ("1::2", "a::b") is far
      // more often a slice, a scope operator or a ratio than an address: real prefixes are
      // written with full groups (2001:, fe80:, fd12:) or start with "::".
      const first = value.slice(0, value.indexOf(':'));
      if (value.includes('::') && first.length > 0 && first.length < 3) {
        score = Math.min(score, 0.3);
        reason = 'short';
      } else if (!/\d/.test(value)) {
        // Only hex letters ("dead::beef", "cafe:babe:face::"): a word game, not an address.
        score = Math.min(score, 0.3);
        reason = 'letters only';
      } else if (near(text, start, end, IP_CONTEXT, 32)) {
        score = clamp(score + 0.1);
        reason = `${kind}, context`;
      }
      // A network with its prefix ("2001:db8::/32", "fe80::/10"): a range, not a machine.
      if (value.endsWith('::') && /^\/\d{1,3}(?!\d)/.test(text.slice(end, end + 5))) {
        score = Math.min(score, 0.4);
        reason = 'network';
      }
      if (
        kind === 'documentation' &&
        OWN_ADDRESS_BEFORE.test(text.slice(Math.max(0, start - 40), start))
      ) {
        score = Math.max(score, 0.6);
        reason = 'documentation range, own address';
      }
      out.push({ start, end, type: 'IP_ADDRESS', score, reason });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    '2a02:1810:4d3c:2f00:91b2:7c1e:3a8f:62d4',
    // A documentation address given as the writer's own: a made-up customer's.
    {
      text: "I'm connecting from 2001:db8:85a3::8a2e:370:7334",
      value: '2001:db8:85a3::8a2e:370:7334',
    },
    {
      text: 'client 6e40:4041:c617:e898:c11:40d2:c669:2eb4 connected',
      value: '6e40:4041:c617:e898:c11:40d2:c669:2eb4',
    },
    { text: 'from 2a01:4f8:c17:3b8e::1 (v6)', value: '2a01:4f8:c17:3b8e::1' },
    { text: 'inet6 fe80::1c4a:9bff:fe2e:7d10 scope link', value: 'fe80::1c4a:9bff:fe2e:7d10' },
    { text: 'mapped ::ffff:81.20.44.7 seen', value: '::ffff:81.20.44.7' },
    { text: 'ULA fd12:3456:789a:1::42.', value: 'fd12:3456:789a:1::42' },
  ],
  noMatch: [
    'The meeting is at 10:30:00 and ends 12:45:30.',
    'MAC 00:1a:2b:3c:4d:5e on eth0',
    'Loopback is ::1 and unspecified is ::',
    'Docs prefix 2001:db8::1 is reserved',
    "reserved = [IPv6Network('2001:4:112::/48'), IPv6Network('fec0::/10')]",
    'Use std::vector and x[1::2] in code',
    'dead::beef and cafe:babe::',
    'timestamp 2024-05-01T12:30:45.123Z',
    '1:2:3:4:5:6:7:8:9 is too long',
  ],
};
