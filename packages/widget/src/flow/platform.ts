import type { Platform } from '@messenger-optin/sdk';

/**
 * 'ios' where SMS links need `&body=` (docs/channels.md). Since iPadOS 13, Safari on an iPad sends a Mac
 * user agent by default; its touch screen tells it apart, as no Mac has one.
 */
export function platformOf(userAgent: string, maxTouchPoints: number): Platform {
  return /iP(hone|ad|od)/.test(userAgent) || (/Mac/.test(userAgent) && maxTouchPoints > 1) ? 'ios' : 'other';
}
