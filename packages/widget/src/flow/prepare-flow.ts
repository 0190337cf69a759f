import {
  composeMessage,
  createRef,
  deepLink,
  fillNotice,
  loadNoticeLocale,
  renderNotice,
  renderWithdrawNotice,
  uuid,
} from '@messenger-optin/sdk';
import type {
  ChannelConfig,
  DeepLink,
  DialogTexts,
  Platform,
  RenderedNotice,
  WidgetConfig,
} from '@messenger-optin/sdk';

/** Everything one visitor's flow for one channel needs, computed once per tap. */
export interface PreparedFlow {
  consentId: string;
  /** Reference code in the message, '' with `reference="none"` and in withdraw mode. */
  ref: string;
  message: string;
  withdrawMessage: string;
  /** The start link, or in withdraw mode the withdraw link. */
  link: DeepLink;
  /** The notice as archived and hashed: `{message}` and `{ref}` stay placeholders. */
  notice: RenderedNotice;
  /** The same notice with this visitor's message and code filled in, for the dialog only. */
  shown: RenderedNotice;
  /** The dialog's own texts, from the same locale file as the notice. */
  dialog: DialogTexts;
}

export interface PrepareOptions {
  withdraw: boolean;
  /** Language tag for the notice (the SDK falls back to en for unknown ones). */
  locale: string;
  platform: Platform;
}

/**
 * Message, link and notice for one tap, all from the SDK: the widget builds no URL and no text
 * itself (docs/architecture.md).
 */
export async function prepareFlow(
  config: WidgetConfig,
  channel: ChannelConfig,
  { withdraw, locale, platform }: PrepareOptions,
): Promise<PreparedFlow> {
  // The Stop message carries no code, so a withdrawal has none either (docs/consent-records.md: `ref` is
  // the code put into the message).
  const ref = withdraw || config.reference === 'none' ? '' : createRef(config.referenceLength);
  const { purpose, company } = config;
  const message = composeMessage({ keyword: config.keyword, purpose, company, ref });
  const withdrawMessage = composeMessage({ keyword: config.withdrawKeyword, purpose, company });
  const link = deepLink(channel, withdraw ? withdrawMessage : message, { platform });
  const render = withdraw ? renderWithdrawNotice : renderNotice;
  const notice = await render({
    ...config,
    channel: channel.type,
    locale,
    withdrawMessage,
    checkbox: config.requireCheckbox,
    prefill: link.prefill,
    provider: 'provider' in channel ? channel.provider : undefined,
    overrides: config.texts,
  });
  return {
    consentId: uuid(),
    ref,
    message,
    withdrawMessage,
    link,
    notice,
    shown: fillNotice(notice, { message, ref }),
    // Loaded already by the render above: the same settled promise, no second download.
    dialog: (await loadNoticeLocale(locale)).dialog,
  };
}
