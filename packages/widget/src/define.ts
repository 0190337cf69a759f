import { MessengerOptin } from './messenger-optin.js';

// Registration is this module's only job and its only side effect. Guarded, so that two copies of
// the script on one page (a plugin and a theme, say) don't throw "already defined".
if (!customElements.get('messenger-optin')) {
  customElements.define('messenger-optin', MessengerOptin);
}

export { MessengerOptin };

declare global {
  interface HTMLElementTagNameMap {
    'messenger-optin': MessengerOptin;
  }
}

export {
  OptinConsentEvent,
  OptinErrorEvent,
  OptinLinkOpenEvent,
  OptinNoticeOpenEvent,
  OptinWithdrawEvent,
} from './events.js';
export type {
  ConsentDetail,
  LinkOpenDetail,
  LinkVia,
  NoticeOpenDetail,
  OptinErrorCode,
  OptinErrorDetail,
  WithdrawDetail,
} from './events.js';
