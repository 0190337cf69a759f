/**
 * Types of the notice dialog. The data it shows comes from the SDK (notices and deep links), so
 * those shapes are the SDK's own; the rest describes the dialog's states and events.
 */
export type {
  ChannelMeta,
  ChannelType,
  DeepLink,
  DialogTexts,
  NoticeBlock,
  PrefillKind,
  RenderedNotice,
} from '@messenger-optin/sdk';

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
