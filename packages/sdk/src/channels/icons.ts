import type { ChannelType } from './index.js';
import type { ChannelIcon } from './types.js';

/**
 * The icon of each channel (24×24, one SVG path, own designs). A module of its own that imports
 * nothing, like `names.ts`: the widget loads the icons right after its first paint without the
 * channel modules (link builders, provider texts), which only a tap needs (docs/architecture.md#loading).
 * The channel files read their icons from here. One constant per icon, not a record they read
 * properties of: bundlers keep property reads, and `deepLink` alone would carry all ten icons.
 */
export const whatsappIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M12 2a10 10 0 1 1-4.8 18.8L2 22l1.3-5A10 10 0 0 1 12 2zM8.6 7c-.6 0-1.2.7-1.2 1.6 0 4 3.4 7.4 7.4 7.4.9 0 1.6-.6 1.6-1.2l-.4-1.2-2-.8-1.1 1a6 6 0 0 1-3.3-3.3l1-1.1-.8-2z',
};
export const telegramIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M2.6 11.1 20.8 3.9c.8-.3 1.5.3 1.3 1.2l-3 14.5c-.2.9-1 1.2-1.7.7l-4.7-3.5-2.4 2.3c-.3.3-.9.1-.9-.3v-4.1l8.1-7.6-10 6.4-4.8-1.5c-.8-.3-.8-1.2-.1-1.5z',
};
export const messengerIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M12 2C6.5 2 2 6.1 2 11.3c0 2.8 1.3 5.3 3.5 7V22l3.3-1.8c1 .3 2.1.4 3.2.4 5.5 0 10-4.1 10-9.3S17.5 2 12 2zm1 12.4-2.5-2.7-5 2.7 5.5-5.8 2.6 2.7 4.9-2.7z',
};
export const instagramIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M7 2h10a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5H7a5 5 0 0 1-5-5V7a5 5 0 0 1 5-5zm0 2a3 3 0 0 0-3 3v10a3 3 0 0 0 3 3h10a3 3 0 0 0 3-3V7a3 3 0 0 0-3-3zm5 3a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
};
export const viberIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M6 2h12a4 4 0 0 1 4 4v9a4 4 0 0 1-4 4h-7l-4 3v-3H6a4 4 0 0 1-4-4V6a4 4 0 0 1 4-4zm3 4c-.6 0-1.1.6-1.1 1.4 0 3.6 2.9 6.5 6.5 6.5.8 0 1.4-.5 1.4-1.1l-.4-1-1.8-.8-1 .9a5 5 0 0 1-2.9-2.9l.9-1-.8-1.8z',
};
export const threemaIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M12 2C6.5 2 2 5.8 2 10.5c0 2.6 1.4 4.9 3.6 6.5L5 21l4.2-2.3c.9.2 1.8.3 2.8.3 5.5 0 10-3.8 10-8.5S17.5 2 12 2zM9 9a3 3 0 0 1 6 0v1h.5v5h-7v-5H9zm1.5 0v1h3V9a1.5 1.5 0 0 0-3 0z',
};
export const signalIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M12 2a10 10 0 1 1-5 18.7L2 22l1.3-5A10 10 0 0 1 12 2zm0 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 0 0 0-15z',
};
export const smsIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm2 6.5v2h2v-2zm5 0v2h2v-2zm5 0v2h2v-2z',
};
export const lineIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M12 3C6.5 3 2 6.6 2 11c0 4 3.6 7.3 8.4 7.9.8.2.6 1 .4 2.1 3-1.5 8.5-5 10.3-8.2.6-1.2.9-2.5.9-3.8C22 6.6 17.5 3 12 3zM6.5 8h1.5v4.5h2.5V14h-4zm5 0H13v6h-1.5z',
};
export const emailIcon: ChannelIcon = {
  viewBox: '0 0 24 24',
  path: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1.3 2L12 12.3 19.7 7z',
};

/** Every channel's icon, by type. */
export const channelIcons: { readonly [Type in ChannelType]: ChannelIcon } = {
  whatsapp: whatsappIcon,
  telegram: telegramIcon,
  messenger: messengerIcon,
  instagram: instagramIcon,
  viber: viberIcon,
  threema: threemaIcon,
  signal: signalIcon,
  sms: smsIcon,
  line: lineIcon,
  email: emailIcon,
};
