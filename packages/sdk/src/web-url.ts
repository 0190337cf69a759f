/**
 * The one check of "an http(s) link": what the notice links, where events are sent, what a widget
 * attribute may point at. `javascript:`, `data:` and every other scheme never pass.
 */

/** The URL, or undefined if `value` is none (relative values resolve against `base`). */
export function parseUrl(value: unknown, base?: string): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** An http: or https: URL. */
export function isWebUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}
