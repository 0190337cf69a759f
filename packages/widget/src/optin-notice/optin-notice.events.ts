import type { ConfirmAction, LinkVia, NoticePhase } from './types.js';

/*
 * Events of <messenger-optin-notice>. They bubble but are not composed: they stay inside the shadow
 * root of <messenger-optin>, which records them and fires the public `optin-*` events. Internal,
 * so plain CustomEvents from one helper instead of a class each (less code in the lazy chunk).
 */

/** The visitor confirmed (consent: opens the chat; withdraw: sends the stop message). */
export type NoticeConfirmEvent = CustomEvent<{ action: ConfirmAction }>;

/** The visitor closed the dialog: Esc, the close or cancel button, the backdrop, or a click outside. */
export type NoticeDismissEvent = CustomEvent<{ phase: NoticePhase }>;

/** The chat was reached from the link phase: link followed, QR code shown, or message copied. */
export type NoticeLinkEvent = CustomEvent<{ via: LinkVia }>;

interface NoticeEventDetails {
  'notice-confirm': NoticeConfirmEvent['detail'];
  'notice-dismiss': NoticeDismissEvent['detail'];
  'notice-link': NoticeLinkEvent['detail'];
}

/** Fires one of the dialog's events on `target`. */
export function fireNoticeEvent<K extends keyof NoticeEventDetails>(
  target: EventTarget,
  type: K,
  detail: NoticeEventDetails[K],
): void {
  target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: false, detail }));
}
