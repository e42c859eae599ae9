/**
 * Helpers shared by the network detectors (ipv4, ipv6, mac-address): parsing and classifying
 * addresses. Pure functions over strings the detectors have already cut out of the text.
 */

/** How an address is used, which decides how much it says about someone. */
export type AddressKind =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'documentation'
  | 'unspecified'
  | 'broadcast'
  | 'netmask';

/**
 * "my IP is", "our public IP address:", "I'm connecting from": the address right after is the
 * writer's own, so even one from a documentation range (a made-up customer's) is theirs.
 */
export const OWN_ADDRESS_BEFORE =
  /\b(?:(?:my|our)(?: public| home| office| static| current)? (?:ip|ipv4|ipv6|ip address)(?: address)?(?: is| was)?|i(?:'m| am) (?:connecting|connected|coming) from|connecting from)\W{0,3}$/i;

// Module-level patterns for the parsers below, which run per candidate in every scan: a regex
// literal inside a function makes a new RegExp object each time it runs.
const OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/**
 * Parses a dotted quad whose octets are 0-255 written without leading zeros ("010" is refused:
 * some tools read it as octal, and people do not write addresses that way). Null when invalid.
 */
export function parseIPv4(value: string): [number, number, number, number] | null {
  const parts = value.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!OCTET.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out as [number, number, number, number];
}

/** Classifies an IPv4 address by the ranges of RFC 1918, 5737, 6598, 3927 and friends. */
export function ipv4Kind(o: readonly [number, number, number, number]): AddressKind {
  const [a, b, c, d] = o;
  if (a === 0) return 'unspecified';
  if (a === 255 && b === 255 && c === 255 && d === 255) return 'broadcast';
  // A run of ones then zeros starting at 255 is a subnet mask (255.255.255.0), not a host.
  if (a === 255 && isMask(o)) return 'netmask';
  if (a === 127) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  ) {
    return 'documentation';
  }
  if (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  ) {
    return 'private';
  }
  return 'public';
}

function isMask(o: readonly number[]): boolean {
  const bits = ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
  // A mask is ones followed by zeros: inverting it gives 2^k - 1, and x & (x + 1) is 0 for those.
  const inv = ~bits >>> 0;
  return (inv & (inv + 1)) === 0;
}

/**
 * Parses an IPv6 address (full, compressed with one "::", or with an embedded IPv4 tail) into
 * its eight 16-bit groups. Null when it is not structurally valid.
 */
export function parseIPv6(value: string): number[] | null {
  if (value.length < 2 || value.length > 45) return null;
  const gap = value.indexOf('::');
  if (gap !== -1 && value.indexOf('::', gap + 1) !== -1) return null;
  const lastColon = value.lastIndexOf(':');
  if (lastColon === -1) return null;
  if (value.indexOf('.', lastColon) === -1) return parseWithGap(value, 8);
  // An embedded IPv4 tail (::ffff:192.0.2.1) stands for the last two groups.
  const quad = parseIPv4(value.slice(lastColon + 1));
  if (!quad) return null;
  const head = value.slice(0, lastColon + 1);
  const groups = parseWithGap(head.endsWith('::') ? head : head.slice(0, -1), 6);
  if (!groups) return null;
  return [...groups, (quad[0] << 8) | quad[1], (quad[2] << 8) | quad[3]];
}

function hexGroups(s: string): number[] | null {
  if (s === '') return [];
  const out: number[] = [];
  for (const g of s.split(':')) {
    if (!HEX_GROUP.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

/** Expands a colon-hex string with at most one "::" into exactly `want` groups. */
function parseWithGap(s: string, want: number): number[] | null {
  const gap = s.indexOf('::');
  if (gap === -1) {
    const g = hexGroups(s);
    return g && g.length === want ? g : null;
  }
  const left = hexGroups(s.slice(0, gap));
  const right = hexGroups(s.slice(gap + 2));
  if (!left || !right) return null;
  const missing = want - left.length - right.length;
  // "::" stands for at least one zero group (RFC 4291 section 2.2).
  if (missing < 1) return null;
  return [...left, ...new Array<number>(missing).fill(0), ...right];
}

/** Classifies an IPv6 address given as eight groups. */
export function ipv6Kind(g: readonly number[]): AddressKind {
  const allZeroBut = (last: number) => g.slice(0, 7).every((x) => x === 0) && g[7] === last;
  if (allZeroBut(0)) return 'unspecified';
  if (allZeroBut(1)) return 'loopback';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private';
  // IPv4-mapped (::ffff:a.b.c.d): classify by the IPv4 address it carries.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return ipv4Kind([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff]);
  }
  return 'public';
}
