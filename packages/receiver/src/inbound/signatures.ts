import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The providers' authenticity proofs (docs/inbound.md#routes-and-answers). Every check runs over the raw
 * request bytes, never over re-serialized JSON: Meta signs escaped unicode (`L\u00f6schen`), and a
 * re-encoded body would hash differently.
 */

type Key = string | Uint8Array;
type Data = string | Uint8Array;

export const hmacSha256Hex = (key: Key, data: Data): string =>
  createHmac('sha256', key).update(data).digest('hex');

export const hmacSha256Base64 = (key: Key, data: Data): string =>
  createHmac('sha256', key).update(data).digest('base64');

/** Constant-time string comparison; a length mismatch fails (without comparing). */
export function safeEqual(actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return false;
  const a = Buffer.from(actual, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Meta and WhatsApp: `X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(body, app secret)>`. */
export const metaSignature = (appSecret: string, body: Data): string =>
  `sha256=${hmacSha256Hex(appSecret, body)}`;

/** LINE: `x-line-signature: <base64 HMAC-SHA256(body, channel secret)>`. */
export const lineSignature = (channelSecret: string, body: Data): string =>
  hmacSha256Base64(channelSecret, body);

/** Viber: `X-Viber-Content-Signature: <lowercase hex HMAC-SHA256(body, auth token)>`. */
export const viberSignature = (authToken: string, body: Data): string => hmacSha256Hex(authToken, body);

/**
 * Twilio: base64 HMAC-SHA1 over the full URL (with its query), then every POST parameter sorted by
 * name (code-unit order, case-sensitive) as name + value, decoded, without separators.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: ReadonlyArray<[string, string]>,
): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const data = url + sorted.map(([name, value]) => name + value).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * The URL with and without its default port: Twilio signs the URL as configured, and its own SDK
 * accepts either form, since a proxy may add or drop `:443`.
 */
export function urlVariants(url: string): string[] {
  const parsed = new URL(url);
  const defaultPort = { 'https:': '443', 'http:': '80' }[parsed.protocol];
  // URL drops a default port from .host; a non-default one stays and is the only form.
  if (defaultPort === undefined || parsed.port !== '') return [url];
  const auth = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
  const rest = `${parsed.pathname}${parsed.search}`;
  const withoutPort = `${parsed.protocol}//${auth}${parsed.hostname}${rest}`;
  const withPort = `${parsed.protocol}//${auth}${parsed.hostname}:${defaultPort}${rest}`;
  return [...new Set([url, withoutPort, withPort])];
}
