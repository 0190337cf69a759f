import type { ChannelType } from '@messenger-optin/sdk';

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

/** Machine-readable kind of an `optin-error`. */
export type OptinErrorCode =
  /** `channels` (or the JSON config) is not valid JSON. */
  | 'invalid-json'
  /** A required attribute (`company`, `channels`, `privacy-policy`) is missing or empty. */
  | 'missing-attribute'
  /** A channel `type` this version does not know. */
  | 'unknown-channel'
  /** A URL attribute is not http(s). */
  | 'invalid-url'
  /** The full validation found a problem (bad phone number, user name, …). */
  | 'invalid-config'
  /** The flow failed at run time (a lazy chunk did not load, the link could not be built, …). */
  | 'flow-failed'
  /** The consent reporter dropped an event (permanent endpoint error, outbox limits). */
  | 'event-dropped';

export interface OptinErrorDetail {
  code: OptinErrorCode;
  message: string;
  /** Where in the config, e.g. `channels[1].phone`. */
  path?: string;
}

const init = { bubbles: true, composed: true } as const;

/** The notice for a channel is shown. */
export class OptinNoticeOpenEvent extends CustomEvent<NoticeOpenDetail> {
  constructor(detail: NoticeOpenDetail) {
    super('optin-notice-open', { ...init, detail });
  }
}

/** The visitor confirmed the notice. Cancelable: `preventDefault()` stops the link from opening. */
export class OptinConsentEvent extends CustomEvent<ConsentDetail> {
  constructor(detail: ConsentDetail) {
    super('optin-consent', { ...init, cancelable: true, detail });
  }
}

/** The messenger link was opened, shown as QR code, or its message copied. */
export class OptinLinkOpenEvent extends CustomEvent<LinkOpenDetail> {
  constructor(detail: LinkOpenDetail) {
    super('optin-link-open', { ...init, detail });
  }
}

/** The visitor asked to unsubscribe; the withdraw link opens. */
export class OptinWithdrawEvent extends CustomEvent<WithdrawDetail> {
  constructor(detail: WithdrawDetail) {
    super('optin-withdraw', { ...init, detail });
  }
}

/** A configuration or run-time problem; the widget shows nothing broken and throws nothing. */
export class OptinErrorEvent extends CustomEvent<OptinErrorDetail> {
  constructor(detail: OptinErrorDetail) {
    super('optin-error', { ...init, detail });
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
