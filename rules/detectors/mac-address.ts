import { clamp, matchAllNear, near } from '../context.ts';
import { keywords } from '../keywords.ts';
import { anyOf, stickyAtWordStarts } from '../scan-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// Six hex pairs joined by one kind of separator (the back-reference), or Cisco's three dotted
// groups of four. Fixed repetition counts: linear. The look-arounds refuse a seventh pair (an
// IPv6 address or a longer hex dump) and a start inside a word.
const PAIRS =
  /(?<![\w:.-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![\w:-]|\.\w)/g;
const CISCO = /(?<![\w:.-])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w:-]|\.\w)/g;
// Where each form is looked for (matchAllNear): its first separator, two or four characters in,
// followed by a group and a separator, with the first group looked behind at, edge included.
// Starting the scan at a hex character would try the pattern at nearly every letter and digit
// of the text; without the edge, every separator of a long run ("12-34-56-...") would be an
// anchor.
const PAIRS_ANCHOR = /[:-](?<=(?<![\w:.-])[0-9A-Fa-f]{2}[:-])[0-9A-Fa-f]{2}[:-]/g;
const CISCO_ANCHOR = /\.(?<=(?<![\w:.-])[0-9A-Fa-f]{4}\.)[0-9A-Fa-f]{4}\./g;

// Twelve hex digits with no separators: a MAC address only right after a label that names one
// ("MAC address 9cfff083810b", "hwaddr=...", "BSSID: ..."), so it is looked for only there.
const BARE_LABEL =
  /(?:mac(?:[ -]?(?:address|addr|adresse))?|hwaddr|bssid)(?: is)?[ \t]*[:=#-]?[ \t]*/iy;
/** The label's words, found by the shared keyword pass (rules/keywords.ts). */
const LABEL_WORDS = keywords(['mac', 'hwaddr', 'bssid']);
const BARE = /[0-9A-Fa-f]{12}(?![\w:-]|\.\w)/y;

// "hh:hh:" or "hhhh.hhhh.", found from the separator (rare) and checked backwards: starting
// with a hex class would try the pattern at nearly every letter and digit of the text.
const SEPARATED =
  /[:-][0-9A-Fa-f]{2}[:-](?<=[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-])|\.[0-9A-Fa-f]{4}\.(?<=[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.)/;

const MAC_CONTEXT =
  /\b(?:mac|mac address|hw|hwaddr|hardware|ether|ethernet|bssid|ssid|wifi|wi-fi|wlan|lan|nic|device|adapter|interface|eth\d|en\d|wlan\d|arp|dhcp|oui|station|router)\b/;

/** MAC addresses: six hex pairs with ":" or "-", or Cisco "xxxx.xxxx.xxxx"; not all-zero. */
export const macAddress: Detector = {
  id: 'mac-address',
  types: ['MAC_ADDRESS'],
  prefilter: anyOf(SEPARATED, LABEL_WORDS),
  detect(text) {
    const out: Candidate[] = [];
    const consider = (start: number, value: string, cisco: boolean) => {
      const hex = value.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
      // All zeros, broadcast, or the documentation block of RFC 7042 (00-00-5E-00-53-xx):
      // placeholders.
      if (/^0+$/.test(hex) || /^f+$/.test(hex) || hex.startsWith('00005e0053')) return;
      const end = start + value.length;
      const context = near(text, start, end, MAC_CONTEXT, 32);
      let score = cisco ? 0.75 : value.includes(':') ? 0.85 : 0.8;
      let reason: string | undefined;
      // All digits in dashes ("12-34-56-78-90-12") or dots is a number list or a date run
      // more often than a hardware address; a hex letter or a context word settles it.
      if (!/[a-f]/i.test(hex)) {
        score = 0.35;
        reason = 'digits only';
      }
      if (context) {
        score = clamp(score + 0.3);
        reason = 'context';
      }
      out.push({ start, end, type: 'MAC_ADDRESS', score: Math.min(score, 0.95), reason });
    };
    // The prefilter also passes on a MAC word alone; the separated forms need their own test.
    if (SEPARATED.test(text)) {
      for (const m of matchAllNear(text, PAIRS, PAIRS_ANCHOR, 2)) consider(m.index, m[0], false);
      for (const m of matchAllNear(text, CISCO, CISCO_ANCHOR, 4)) consider(m.index, m[0], true);
    }
    if (LABEL_WORDS.test(text)) {
      for (const l of stickyAtWordStarts(text, BARE_LABEL, LABEL_WORDS.at(text))) {
        const start = l.index + l[0].length;
        BARE.lastIndex = start;
        const m = BARE.exec(text);
        // Letters and digits both, as in nearly every real address (not a number, not a word).
        if (m === null || !/[a-f]/i.test(m[0]) || !/\d/.test(m[0])) continue;
        out.push({
          start,
          end: start + 12,
          type: 'MAC_ADDRESS',
          score: 0.75,
          reason: 'context, no separators',
        });
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    '3C:22:FB:7A:91:0E',
    { text: 'device a4-5e-60-c2-19-7b joined', value: 'a4-5e-60-c2-19-7b' },
    { text: 'HWaddr 00:1a:2b:3c:4d:5e', value: '00:1a:2b:3c:4d:5e' },
    { text: 'show mac: 0050.56c0.0008 on Gi0/1', value: '0050.56c0.0008' },
    { text: 'BSSID 12:34:56:78:90:12 seen', value: '12:34:56:78:90:12' },
    { text: 'Laptop (f0:18:98:2e:4b:c1).', value: 'f0:18:98:2e:4b:c1' },
    { text: 'MAC address 9cfff083810b is blocked', value: '9cfff083810b' },
  ],
  noMatch: [
    '00:00:00:00:00:00',
    'broadcast ff:ff:ff:ff:ff:ff',
    // The documentation block of RFC 7042.
    'the AP reports its radio MAC (e.g. 00-00-5E-00-53-2A, a documentation address)',
    'lan0: link up  mac 00:00:5E:00:53:01 (placeholder in template)',
    'Timecode 01:02:03:04:05:06',
    'Numbers 12-34-56-78-90-12 in the draw',
    '2a02:1810:4d3c:2f00:91b2:7c1e:3a8f:62d4',
    'Mixed 3C:22-FB:7A:91:0E separators',
    'Build 1234.5678.9012 shipped',
    // Twelve hex digits are a MAC address only beside a word that names one.
    'commit 9cfff083810b on the mac build',
    'device 9cfff083810b joined',
  ],
};
