import { encodeText } from '../encode.js';
import { parsePhone } from '../phone.js';
import { readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';
import { whatsappIcon } from './icons.js';

/** `{ "type": "whatsapp", "phone": "+49 170 1234567" }`: the business's WhatsApp number. */
export interface WhatsappConfig {
  type: 'whatsapp';
  /** Phone number in any common form; normalized to E.164 (see `normalizePhone`). */
  phone: string;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/** `https://wa.me/<digits>?text=<msg>`: wa.me wants the E.164 digits without the `+`. */
export const whatsapp: Channel<WhatsappConfig> = {
  type: 'whatsapp',
  fields: { phone: parsePhone },
  link: (config, message) => ({
    href: `https://wa.me/${readField(config, 'phone', parsePhone).slice(1)}?text=${encodeText(message)}`,
    prefill: 'text',
    message,
  }),
};

export const whatsappMeta: ChannelDisplay = {
  prefill: 'text',
  desktop: 'qr',
  icon: whatsappIcon,
};

export const whatsappProvider: ProviderFacts = {
  provider: { en: 'WhatsApp Ireland Limited', de: 'WhatsApp Ireland Limited' },
  seat: { en: 'Dublin, Ireland', de: 'Dublin, Irland' },
  providerData: {
    en: 'your phone number, your profile and connection data (who wrote to whom, when, from which device)',
    de: 'Ihre Telefonnummer, Ihr Profil und Verbindungsdaten (wer wem wann von welchem Gerät schreibt)',
  },
  countries: { en: 'to the USA', de: 'in die USA' },
  transfer: {
    en: 'WhatsApp transfers data to the USA (WhatsApp LLC, Meta Platforms, Inc.) under the EU-US Data Privacy Framework, to the USA, the UK and Singapore under standard contractual clauses, to Israel under an adequacy decision, and to service providers in the USA, the UK, Sweden and the Netherlands.',
    de: 'WhatsApp übermittelt Daten in die USA (WhatsApp LLC, Meta Platforms, Inc.) auf Grundlage des EU-US Data Privacy Frameworks, in die USA, das Vereinigte Königreich und nach Singapur auf Grundlage von Standardvertragsklauseln, nach Israel auf Grundlage eines Angemessenheitsbeschlusses und an Dienstleister in den USA, im Vereinigten Königreich, in Schweden und den Niederlanden.',
  },
  identifier: { en: 'your phone number and profile name', de: 'Ihre Telefonnummer und Ihren Profilnamen' },
  receivedOn: 'send',
  dpf: true,
};
