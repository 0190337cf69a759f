import { encodeMailText } from '../encode.js';
import { patternField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ChannelProvider, ProviderFacts } from './types.js';
import { emailIcon } from './icons.js';

/** `{ "type": "email", "address": "news@firma.de" }`: the address that receives the opt-in mail. */
export interface EmailConfig {
  type: 'email';
  /** One plain address, no display name. */
  address: string;
  /** Your provider for the e-mails (a processor), named in the notice. Required. */
  provider: ChannelProvider;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/**
 * A conservative address check: characters that RFC 6068 would need percent-encoded in the
 * `mailto:` path (`%`, `?`, `#`, spaces, quotes …) are refused rather than escaped, because mail
 * programs unescape addresses inconsistently.
 */
const parseAddress = /* @__PURE__ */ patternField(
  /^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/,
  'is not a plain e-mail address; write one like news@firma.de',
  (input) => input.trim(),
);

/** RFC 6068: the message goes into subject and body, line breaks as `%0D%0A`. */
export const email: Channel<EmailConfig> = {
  type: 'email',
  ownProvider: true,
  fields: { address: parseAddress },
  link: (config, message) => {
    const text = encodeMailText(message);
    return {
      href: `mailto:${readField(config, 'address', parseAddress)}?subject=${text}&body=${text}`,
      prefill: 'text',
      message,
    };
  },
};

export const emailMeta: ChannelDisplay = {
  prefill: 'text',
  // mailto: opens the desktop's mail program directly.
  desktop: 'direct',
  icon: emailIcon,
};

export const emailProvider: ProviderFacts = {
  provider: { en: 'Your email provider', de: 'Ihr E-Mail-Anbieter' },
  providerData: {
    en: 'your address, the email and its metadata',
    de: 'Ihre Adresse, die E-Mail und ihre Metadaten',
  },
  seat: { en: '', de: '' },
  countries: { en: '', de: '' },
  transfer: { en: '', de: '' },
  identifier: {
    en: 'your email address and, if your email program sends it, your name',
    de: 'Ihre E-Mail-Adresse und, falls Ihr E-Mail-Programm ihn mitschickt, Ihren Namen',
  },
  receivedOn: 'send',
};
