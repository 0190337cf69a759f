import type { ChannelType } from './index.js';

/**
 * The brand name of each channel, shown on its button and in the notice. A module of its own that
 * imports nothing: the widget's first paint reads the names from here without loading the channel
 * modules (link builders, icons, provider texts), which its 12 KB budget cannot hold
 * (docs/architecture.md#sizes). The channel files read their names from here too.
 */
export const channelNames = {
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
} as const satisfies { readonly [Type in ChannelType]: string };
