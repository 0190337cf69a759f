/**
 * Types of the notice dialog. The data shapes (RenderedNotice, ChannelMeta, DeepLink) are local,
 * structurally identical copies of the SDK's (packages/sdk/src/notices/types.ts and
 * channels/types.ts): the SDK's public index does not export them yet, and the widget may only
 * import the SDK through `@messenger-optin/sdk`. Switch to `import type … from
 * '@messenger-optin/sdk'` once the index exports them; nothing else changes.
 */

export type ChannelType =
  | 'whatsapp'
  | 'telegram'
  | 'messenger'
  | 'instagram'
  | 'viber'
  | 'threema'
  | 'signal'
  | 'sms'
  | 'line'
  | 'email';

export type PrefillKind = 'text' | 'payload' | 'none';
export type DesktopStrategy = 'qr' | 'direct';

export interface ChannelIcon {
  viewBox: string;
  path: string;
}

export interface ChannelMeta {
  type: ChannelType;
  name: string;
  prefill: PrefillKind;
  desktop: DesktopStrategy;
  icon: ChannelIcon;
}

export interface DeepLink {
  href: string;
  prefill: PrefillKind;
  message: string;
  payload?: string;
}

export interface NoticeBlock {
  heading?: string;
  text: string;
  link?: { label: string; href: string };
}

export interface RenderedNotice {
  id: string;
  locale: string;
  version: string;
  sha256: string;
  title: string;
  firstLayer: NoticeBlock[];
  secondLayer: NoticeBlock[];
  checkboxLabel: string;
  confirmLabel: string;
  text: string;
}

/** Consent: the data-use notice and confirm. Withdraw: a short "send Stop to unsubscribe". */
export type NoticeMode = 'consent' | 'withdraw';

/** 'notice' before the visitor confirmed; 'link' after consent was recorded (set by the element). */
export type NoticePhase = 'notice' | 'link';

/** How the visitor confirmed; goes into the consent record. */
export type ConfirmAction = 'button' | 'checkbox+button' | 'keyboard';

/** How the chat was reached from the link phase. */
export type LinkVia = 'navigation' | 'qr' | 'copy';

/** Where the dialog sits: next to its anchor, or docked to the bottom of the viewport. */
export type NoticeLayout = 'popover' | 'sheet';
