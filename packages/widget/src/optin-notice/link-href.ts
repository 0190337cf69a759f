import { isWebUrl, parseUrl } from '@messenger-optin/sdk';

/** Only web links become anchors; anything else (a `javascript:` URL that slipped through) stays text. */
export function webHref(href: string): string | null {
  const url = parseUrl(href);
  return url && isWebUrl(url) ? url.href : null;
}

/**
 * The schemes our channels' deep links use (packages/sdk/src/channels): an allowlist, so a scheme
 * nobody thought of (`javascript:`, `data:`, `vbscript:`, `blob:`, …) never becomes a link.
 */
const LINK_SCHEMES = new Set(['https:', 'http:', 'sms:', 'mailto:', 'viber:']);

/** Deep links are web or app links (sms:, viber:, mailto:) and nothing else. */
export function linkHref(href: string): string | null {
  try {
    return LINK_SCHEMES.has(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}
