import { channelMeta, channelProviders } from '../channels/index.js';
import { composeNotice, type ChannelFacts, type NoticeKind } from './compose.js';
import { sha256Hex } from './hash.js';
import { loadNoticeLocale } from './locales.js';
import type { NoticeInput, RenderedNotice } from './types.js';

/**
 * Renders the data-use notice shown before the messenger opens (docs/notices.md): the locale's
 * templates filled with the config and the channel's provider facts, plus the sha256 of its exact
 * text. The visitor's message and code stay `{message}` and `{ref}`: `fillNotice` fills them for
 * display, the text is archived as it is. Every value is inserted as plain text; render the result as text, never as HTML.
 * Throws a TypeError naming the field for an unknown channel, a blank company or purpose, an SMS
 * or e-mail channel without its provider, or a link that is not an http(s) URL (the widget validates its config before this).
 */
export function renderNotice(input: NoticeInput): Promise<RenderedNotice> {
  return render(input, 'consent');
}

/**
 * Renders the short notice shown before the withdraw link opens ("Send "Stop News Firma" via
 * WhatsApp to unsubscribe."). Its id carries `withdraw` ("whatsapp.de.withdraw.v2"); it has no
 * second layer and an empty `checkboxLabel`: withdrawing needs no checkbox.
 */
export function renderWithdrawNotice(input: NoticeInput): Promise<RenderedNotice> {
  return render(input, 'withdraw');
}

async function render(input: NoticeInput, kind: NoticeKind): Promise<RenderedNotice> {
  const { channel } = input;
  // Every channel has display and provider facts (the registry's test holds the records together).
  if (!Object.hasOwn(channelMeta, channel))
    throw new TypeError(`channel: "${channel}" is not a known channel type`);
  const facts: ChannelFacts = { ...channelMeta[channel], provider: channelProviders[channel] };
  const notice = composeNotice(await loadNoticeLocale(input.locale), input, facts, kind);
  return { ...notice, sha256: await sha256Hex(notice.text) };
}
