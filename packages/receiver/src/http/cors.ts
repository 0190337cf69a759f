export type AllowedOrigins = readonly string[] | '*';

/**
 * An allowlist entry as the browser sends it in `Origin`: `https://Shop.example/` becomes
 * `https://shop.example` (the comparison is exact). Anything with a path, query, fragment or user,
 * or without a host, is refused with a sentence saying what to write: it would never match.
 */
export function parseAllowedOrigin(value: string): string {
  if (value === '*') return value;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // not a URL at all
  }
  if (!url || url.origin === 'null' || url.pathname !== '/' || url.search || url.hash || url.username)
    throw new Error(
      `--allowed-origin "${value}" is not an origin; write scheme and host (and port), e.g. https://shop.example`,
    );
  return url.origin;
}

/** Whether a browser request from this Origin may use the receiver. */
export function isOriginAllowed(origin: string, allowed: AllowedOrigins): boolean {
  return allowed === '*' || allowed.includes(origin);
}

/**
 * Headers for an allowed cross-origin answer. Retry-After and Rejected-Indexes must be exposed or
 * the SDK cannot read them.
 */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After, Rejected-Indexes',
    Vary: 'Origin',
  };
}

export function preflightHeaders(
  origin: string,
  requestedHeaders: string | undefined,
): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    // The SDK sends text/plain (no preflight); custom `headers` of a reporter option and the admin
    // Authorization header do need one.
    'Access-Control-Allow-Headers': requestedHeaders || 'Content-Type, Authorization',
    'Access-Control-Max-Age': '600',
  };
}
