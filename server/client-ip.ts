/**
 * The client's address for per-address throttling (sign-in, enrollment).
 *
 * By default it is the socket's peer address, and `X-Forwarded-For` is ignored: any client can
 * send that header, so trusting it would let one client pose as many addresses and escape the
 * limits. Behind a load balancer every request comes from the balancer, so all clients would
 * share one counter; HUSH_TRUSTED_PROXIES names the proxies (addresses or CIDR ranges) whose
 * header is believed. The address is then found the way a proxy chain writes it: each proxy
 * appends the address it received the request from, so the header is read right to left, past
 * the trusted proxies, and the first untrusted hop is the client. Whatever lies to its left was
 * written by the client itself and is never used.
 */
import { BlockList, isIP } from 'node:net';

/** A parsed HUSH_TRUSTED_PROXIES: which peer addresses may set X-Forwarded-For. */
export interface TrustedProxies {
  /** The entries as configured, for the log and tests. */
  readonly entries: readonly string[];
  /** Whether `address` (already normalised) is a trusted proxy. */
  has(address: string): boolean;
}

/** `::ffff:10.0.0.1` (IPv4 mapped into IPv6, what a dual-stack socket reports) -> `10.0.0.1`. */
export function normaliseIp(address: string): string {
  const a = address.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a;
}

/**
 * Null when `entry` is an IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`), else what is
 * wrong with it.
 */
export function proxyEntryProblem(entry: string): string | null {
  const [addr = '', prefix, extra] = entry.split('/');
  const family = isIP(addr);
  if (extra !== undefined || family === 0) {
    return `"${entry}" is not an IP address or CIDR range (like 10.0.0.5 or 10.0.0.0/8)`;
  }
  if (prefix === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    return `"${entry}": the prefix length must be a whole number from 0 to ${max}`;
  }
  return null;
}

/** Splits a comma- or space-separated HUSH_TRUSTED_PROXIES value into entries. */
export function splitProxyList(value: string): string[] {
  return value.split(/[\s,]+/).filter((e) => e !== '');
}

/** Builds the trusted set from validated entries (see `proxyEntryProblem`). */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [addr = '', prefix] = entry.split('/');
    const ip = normaliseIp(addr);
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(prefix), type);
  }
  return {
    entries: [...entries],
    has(address) {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client address of a request that arrived from `socketAddress` with the given
 * X-Forwarded-For header values. The header counts only when the socket peer is a trusted proxy;
 * then the rightmost hop that is not a trusted proxy is the client. A hop that is not an address
 * stops the walk at the proxy that passed it on (a proxy that forwards garbage is throttled as
 * itself). When every hop is trusted, the leftmost one is the client.
 */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies | undefined,
): string {
  if (!socketAddress) return 'unknown';
  let current = normaliseIp(socketAddress);
  if (!trusted || trusted.entries.length === 0 || !forwardedFor) return current;
  const hops = forwardedFor
    .split(',')
    .map((h) => normaliseIp(h))
    .filter((h) => h !== '');
  while (trusted.has(current)) {
    const next = hops.pop();
    if (next === undefined || isIP(next) === 0) return current;
    current = next;
  }
  return current;
}
