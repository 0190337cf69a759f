// The demo runs under the strict policy a careful site owner would set, so that it proves the widget
// needs neither inline scripts nor inline styles ('unsafe-inline'), nor any third-party origin.
// Deep links (wa.me, t.me, …) are navigations, which CSP does not restrict.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every page and asset the demo serves. */
export function securityHeaders() {
  return {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The admin token is typed into the consent log page; nothing of it may be cached.
    'cache-control': 'no-store',
  };
}
