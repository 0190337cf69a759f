export type AllowedOrigins = readonly string[] | '*';

/** Whether a browser request from this Origin may use the receiver. */
export function isOriginAllowed(origin: string, allowed: AllowedOrigins): boolean {
  return allowed === '*' || allowed.includes(origin);
}

/** Headers for an allowed cross-origin answer. Retry-After must be exposed or the SDK cannot read it. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After',
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
