import { channelMeta, channelProviders } from '../channels/index.js';
import { composeNotice, type ChannelFacts, type NoticeKind } from './compose.js';
import { sha256Hex } from './hash.js';
import { loadNoticeLocale } from './locales.js';
import type { NoticeInput, RenderedNotice } from './types.js';

/**
 * Renders the data-use notice shown before the messenger opens (spec: notices.md): the locale's
 * templates filled with the input and the channel's provider facts, plus the sha256 of its exact
 * text. Every value is inserted as plain text; render the result as text, never as HTML.
 * Throws a TypeError naming the field for an unknown channel, a blank company or message, or a
 * privacy policy that is not an http(s) URL (the widget validates its config before this).
 */
export function renderNotice(input: NoticeInput): Promise<RenderedNotice> {
  return render(input, 'consent');
}

/**
 * Renders the short notice shown before the withdraw link opens ("Send "Stop News Firma" via
 * WhatsApp to unsubscribe."). Its id carries `withdraw` ("whatsapp.de.withdraw.v1"); it has no
 * second layer and an empty `checkboxLabel`: withdrawing needs no checkbox.
 */
export function renderWithdrawNotice(input: NoticeInput): Promise<RenderedNotice> {
  return render(input, 'withdraw');
}

async function render(input: NoticeInput, kind: NoticeKind): Promise<RenderedNotice> {
  const facts = channelFacts(input.channel);
  const templates = await loadNoticeLocale(input.locale);
  const notice = composeNotice(templates, input, facts, kind);
  return { ...notice, sha256: await sha256Hex(notice.text) };
}

function channelFacts(channel: string): ChannelFacts {
  const meta = Object.hasOwn(channelMeta, channel)
    ? channelMeta[channel as keyof typeof channelMeta]
    : undefined;
  const provider = Object.hasOwn(channelProviders, channel)
    ? channelProviders[channel as keyof typeof channelProviders]
    : undefined;
  if (!meta || !provider) throw new TypeError(`channel: "${channel}" is not a known channel type`);
  return { name: meta.name, prefill: meta.prefill, provider };
}
