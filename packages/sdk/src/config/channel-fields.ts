import { emailFields } from '../channels/email.js';
import { instagramFields } from '../channels/instagram.js';
import { lineFields } from '../channels/line.js';
import { messengerFields } from '../channels/messenger.js';
import { signalFields } from '../channels/signal.js';
import { smsFields } from '../channels/sms.js';
import { telegramFields } from '../channels/telegram.js';
import { threemaFields } from '../channels/threema.js';
import type { ChannelType, FieldParser } from '../channels/types.js';
import { viberFields } from '../channels/viber.js';
import { whatsappFields } from '../channels/whatsapp.js';

/**
 * Each channel's config fields besides `type` and `label`, with the parsers `deepLink` uses: the
 * zod-free `checkWidgetConfig` reads them from here, the zod channel schemas name the same parsers.
 */
export const channelFields: Record<ChannelType, Record<string, FieldParser>> = {
  whatsapp: whatsappFields,
  telegram: telegramFields,
  messenger: messengerFields,
  instagram: instagramFields,
  viber: viberFields,
  threema: threemaFields,
  signal: signalFields,
  sms: smsFields,
  line: lineFields,
  email: emailFields,
};
