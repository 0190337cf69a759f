import { createHmac, randomBytes } from 'node:crypto';

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
 * Keyed hash of the address with a secret made at start and never written anywhere: the rate
 * limiter can tell clients apart, but no IP address is kept, not even in memory.
 */
export function createAddressHasher(): (address: string) => string {
  const secret = randomBytes(32);
  return (address) => createHmac('sha256', secret).update(address).digest('base64url').slice(0, 22);
}
