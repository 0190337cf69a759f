// Registers <messenger-optin-notice>. The only module of the dialog with a side effect; the element
// imports it lazily (`import('./optin-notice/define-notice.js')`) on the first interaction.
import type { NoticeConfirmEvent, NoticeDismissEvent, NoticeLinkEvent } from './optin-notice.events.js';
import { OptinNotice } from './optin-notice.js';

export { OptinNotice };
export type { NoticeConfirmEvent, NoticeDismissEvent, NoticeLinkEvent } from './optin-notice.events.js';

// Guarded: the npm entry and the script-tag bundle may both be on one page.
if (!customElements.get('messenger-optin-notice')) {
  customElements.define('messenger-optin-notice', OptinNotice);
}

declare global {
  interface HTMLElementTagNameMap {
    'messenger-optin-notice': OptinNotice;
  }
  interface HTMLElementEventMap {
    'notice-confirm': NoticeConfirmEvent;
    'notice-dismiss': NoticeDismissEvent;
    'notice-link': NoticeLinkEvent;
  }
}
