import type { ConfirmAction, LinkVia, NoticePhase } from './types.js';

/*
 * Events of <messenger-optin-notice>. They bubble but are not composed: they stay inside the shadow
 * root of <messenger-optin>, which records them and fires the public `optin-*` events.
 */

/** The visitor confirmed (consent: opens the chat; withdraw: sends the stop message). */
export class NoticeConfirmEvent extends CustomEvent<{ action: ConfirmAction }> {
  constructor(action: ConfirmAction) {
    super('notice-confirm', { bubbles: true, composed: false, detail: { action } });
  }
}

/** The visitor closed the dialog: Esc, the close or cancel button, the backdrop, or a click outside. */
export class NoticeDismissEvent extends CustomEvent<{ phase: NoticePhase }> {
  constructor(phase: NoticePhase) {
    super('notice-dismiss', { bubbles: true, composed: false, detail: { phase } });
  }
}

/** The chat was reached from the link phase: link followed, QR code shown, or message copied. */
export class NoticeLinkEvent extends CustomEvent<{ via: LinkVia }> {
  constructor(via: LinkVia) {
    super('notice-link', { bubbles: true, composed: false, detail: { via } });
  }
}
