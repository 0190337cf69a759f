import { encodeText } from '../encode.js';
import { parsePhone } from '../phone.js';
import { readField } from './fields.js';
import type { Channel, ChannelDisplay, ChannelProvider, ProviderFacts } from './types.js';
import { smsIcon } from './icons.js';

/** `{ "type": "sms", "phone": "+49 170 1234567" }`: the number that receives the text message. */
export interface SmsConfig {
  type: 'sms';
  /** Phone number in any common form; normalized to E.164 (see `normalizePhone`). */
  phone: string;
  /** Your provider for the text messages (a processor), named in the notice. Required. */
  provider: ChannelProvider;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/**
 * RFC 5724: `sms:+<digits>?body=`. iOS Messages reads the body only after `&`
 * (`sms:+<digits>&body=`), so the caller says which platform the visitor is on.
 */
export const sms: Channel<SmsConfig> = {
  type: 'sms',
  ownProvider: true,
  fields: { phone: parsePhone },
  link: (config, message, options) => ({
    href: `sms:${readField(config, 'phone', parsePhone)}${options.platform === 'ios' ? '&' : '?'}body=${encodeText(message)}`,
    prefill: 'text',
    message,
  }),
};

export const smsMeta: ChannelDisplay = {
  prefill: 'text',
  desktop: 'qr',
  icon: smsIcon,
};

export const smsProvider: ProviderFacts = {
  provider: { en: 'Your mobile carrier', de: 'Ihr Mobilfunkanbieter' },
  providerData: {
    en: 'your number, the text and its metadata',
    de: 'Ihre Nummer, den Text und seine Metadaten',
  },
  seat: { en: '', de: '' },
  countries: { en: '', de: '' },
  transfer: { en: '', de: '' },
  identifier: { en: 'your phone number', de: 'Ihre Telefonnummer' },
  receivedOn: 'send',
};
