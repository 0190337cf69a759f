import type { ChannelType } from '@messenger-optin/sdk';

/**
 * Channel names for the first paint. The SDK's `channelMeta` has them too, but its module also
 * carries every icon, link builder and provider text, which would blow the 12 KB first-paint
 * budget (performance.md); the icons follow from the lazily loaded SDK chunk. A unit test keeps
 * this list equal to `channelMeta`, and the `Record` type makes a new channel a compile error here.
 */
export const channelNames: Record<ChannelType, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  messenger: 'Messenger',
  instagram: 'Instagram',
  viber: 'Viber',
  threema: 'Threema',
  signal: 'Signal',
  sms: 'SMS',
  line: 'LINE',
  email: 'E-Mail',
};

export const knownChannelTypes = Object.keys(channelNames) as ChannelType[];
