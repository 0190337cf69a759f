import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** Returns the client's network address (or any per-client string), or undefined if unknown. */
export type GetClientKey = (request: Request, env: unknown) => string | undefined;

/**
 * On Node (@hono/node-server) the socket's remote address. Behind a reverse proxy pass your own
 * hook that reads the proxy's header; trusting X-Forwarded-For by default would let any client
 * pick its own bucket.
 */
export const socketAddress: GetClientKey = (_request, env) => {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
};

/**
 * Behind a reverse proxy: the client's address from the header the proxy sets (`X-Forwarded-For`,
 * `X-Real-IP`, …), else the socket's. In a list the last address counts: it is the one our proxy
 * added, while earlier ones come from the client, who could pick a fresh bucket with each request.
 */
export function headerClientKey(header: string): GetClientKey {
  return (request, env) =>
    request.headers.get(header)?.split(',').pop()?.trim() || socketAddress(request, env);
}

/**
 * The part of an address that names one client for rate limiting. IPv4: the address. IPv6: its /64
 * prefix, because a single line or host usually gets a whole /64 and can pick any address in it
 * (one bucket per address would give it 2^64 buckets). IPv4-mapped IPv6 (`::ffff:198.51.100.7`,
 * what a dual-stack socket reports) is the IPv4 address. Anything else (a custom key) as it is.
 */
export function addressBucket(address: string): string {
  const plain = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(plain)) return plain;
  const [head = '', tail] = plain.toLowerCase().split('::');
  const groups = (part: string | undefined) =>
    part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const left = groups(head);
  const right = groups(tail);
  const full =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Keyed hash of the address with a secret made at start and never written anywhere: the rate
 * limiter can tell clients apart, but no IP address is kept, not even in memory.
 */
export function createAddressHasher(): (address: string) => string {
  const secret = randomBytes(32);
  return (address) => createHmac('sha256', secret).update(address).digest('base64url').slice(0, 22);
}
