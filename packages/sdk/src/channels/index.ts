/**
 * The registry: the only list of channels (docs/architecture.md#adding-a-channel). A channel is one
 * file beside this one and one entry in `channels`; `ChannelType`, `ChannelConfig`, the zod schemas,
 * the zod-free check and `deepLink` all follow from that array. The compiler then asks for the
 * channel's display facts and provider texts in the two records below, and its name in `names.ts`.
 *
 * Those are records of their own on purpose: a bundler keeps only the records an entry uses, so
 * `deepLink` pulls in the link builders but not the icons or the notice texts, and the widget's
 * first paint takes only the names. One array of complete channel objects was measured: `deepLink`
 * alone grows from 2.3 to 5.0 KB (budget 2.5 KB, docs/architecture.md#sizes).
 */
import { email, emailMeta, emailProvider } from './email.js';
import { instagram, instagramMeta, instagramProvider } from './instagram.js';
import { line, lineMeta, lineProvider } from './line.js';
import { messenger, messengerMeta, messengerProvider } from './messenger.js';
import { signal, signalMeta, signalProvider } from './signal.js';
import { sms, smsMeta, smsProvider } from './sms.js';
import { telegram, telegramMeta, telegramProvider } from './telegram.js';
import { threema, threemaMeta, threemaProvider } from './threema.js';
import { channelNames } from './names.js';
import type { ChannelDisplay, ChannelMeta, ConfigOf, ProviderFacts } from './types.js';
import { viber, viberMeta, viberProvider } from './viber.js';
import { whatsapp, whatsappMeta, whatsappProvider } from './whatsapp.js';

export { channelNames };

/** Every channel in display order: type, field parsers and link builder. */
export const channels = [
  whatsapp,
  telegram,
  messenger,
  instagram,
  viber,
  threema,
  signal,
  sms,
  line,
  email,
] as const;

/** `'whatsapp' | 'telegram' | …`: the types of the registered channels. */
export type ChannelType = (typeof channels)[number]['type'];

/** One channel's config, discriminated on `type`. */
export type ChannelConfig = ConfigOf<(typeof channels)[number]>;

/** The config of one channel type: `ChannelConfigOf<'viber'>` is `{ type: 'viber', uri, label? }`. */
export type ChannelConfigOf<Type extends ChannelType> = Extract<ChannelConfig, { type: Type }>;

/** Every channel type in display order. */
export const channelTypes: readonly ChannelType[] = /* @__PURE__ */ channels.map((channel) => channel.type);

/** Name, prefill kind, desktop strategy and icon per channel: the widget's first paint needs these. */
export const channelMeta: { readonly [Type in ChannelType]: ChannelMeta } = /* @__PURE__ */ withNames({
  whatsapp: whatsappMeta,
  telegram: telegramMeta,
  messenger: messengerMeta,
  instagram: instagramMeta,
  viber: viberMeta,
  threema: threemaMeta,
  signal: signalMeta,
  sms: smsMeta,
  line: lineMeta,
  email: emailMeta,
});

/**
 * Adds each channel's type and name to its display facts. A call marked pure, so that bundlers drop it (and
 * the icons) from entries that do not read `channelMeta`; property reads in a literal they keep.
 */
function withNames(display: { readonly [Type in ChannelType]: ChannelDisplay }) {
  const meta = {} as Record<ChannelType, ChannelMeta>;
  for (const type of Object.keys(display) as ChannelType[])
    meta[type] = { type, name: channelNames[type], ...display[type] };
  return meta;
}

/** Who processes the data per channel, for the data-use notice (docs/notices.md). */
export const channelProviders: { readonly [Type in ChannelType]: ProviderFacts } = {
  whatsapp: whatsappProvider,
  telegram: telegramProvider,
  messenger: messengerProvider,
  instagram: instagramProvider,
  viber: viberProvider,
  threema: threemaProvider,
  signal: signalProvider,
  sms: smsProvider,
  line: lineProvider,
  email: emailProvider,
};
