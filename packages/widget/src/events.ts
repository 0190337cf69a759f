import type { ChannelType } from '@messenger-optin/sdk';
import { publicEventInit, type OptinErrorEvent } from './error-event.js';

/**
 * The public DOM events of `<messenger-optin>` (packages/widget/README.md#events). One class per
 * event so that `addEventListener('optin-consent', e => e.detail.href)` is typed in editors and
 * frameworks. All bubble and cross the shadow boundary (composed).
 */

/** How a link reached the visitor: opened directly, shown as QR code, or the message was copied. */
export type LinkVia = 'navigation' | 'qr' | 'copy';

export interface NoticeOpenDetail {
  channel: ChannelType;
  consentId: string;
  notice: { id: string; version: string; sha256: string };
}

export interface ConsentDetail {
  channel: ChannelType;
  consentId: string;
  /** The reference code in the message; empty when `reference="none"`. */
  ref: string;
  message: string;
  href: string;
}

export interface LinkOpenDetail {
  channel: ChannelType;
  consentId: string;
  href: string;
  via: LinkVia;
}

export interface WithdrawDetail {
  channel: ChannelType;
  href: string;
}

export type { OptinErrorCode, OptinErrorDetail } from './error-event.js';
export { OptinErrorEvent } from './error-event.js';

/** The notice for a channel is shown. */
export class OptinNoticeOpenEvent extends CustomEvent<NoticeOpenDetail> {
  constructor(detail: NoticeOpenDetail) {
    super('optin-notice-open', { ...publicEventInit, detail });
  }
}

/** The visitor confirmed the notice. Cancelable: `preventDefault()` stops the link from opening. */
export class OptinConsentEvent extends CustomEvent<ConsentDetail> {
  constructor(detail: ConsentDetail) {
    super('optin-consent', { ...publicEventInit, cancelable: true, detail });
  }
}

/** The messenger link was opened, shown as QR code, or its message copied. */
export class OptinLinkOpenEvent extends CustomEvent<LinkOpenDetail> {
  constructor(detail: LinkOpenDetail) {
    super('optin-link-open', { ...publicEventInit, detail });
  }
}

/** The visitor asked to unsubscribe; the withdraw link opens. */
export class OptinWithdrawEvent extends CustomEvent<WithdrawDetail> {
  constructor(detail: WithdrawDetail) {
    super('optin-withdraw', { ...publicEventInit, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'optin-notice-open': OptinNoticeOpenEvent;
    'optin-consent': OptinConsentEvent;
    'optin-link-open': OptinLinkOpenEvent;
    'optin-withdraw': OptinWithdrawEvent;
    'optin-error': OptinErrorEvent;
  }
}
