import { parsePhone } from '../phone.js';
import { readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';
import { signalIcon } from './icons.js';

/** `{ "type": "signal", "phone": "+49 170 1234567" }`: the business's Signal number. */
export interface SignalConfig {
  type: 'signal';
  /** Phone number in any common form; normalized to E.164 (see `normalizePhone`). */
  phone: string;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/**
 * signal.me keeps the number in the fragment, so it never reaches a server, and has no way to
 * prefill text: the visitor copies `message` from the widget.
 */
export const signal: Channel<SignalConfig> = {
  type: 'signal',
  fields: { phone: parsePhone },
  link: (config, message) => ({
    href: `https://signal.me/#p/${readField(config, 'phone', parsePhone)}`,
    prefill: 'none',
    message,
  }),
};

export const signalMeta: ChannelDisplay = {
  prefill: 'none',
  desktop: 'qr',
  icon: signalIcon,
};

export const signalProvider: ProviderFacts = {
  provider: { en: 'Signal Messenger LLC', de: 'Signal Messenger LLC' },
  seat: { en: 'Mountain View, USA', de: 'Mountain View, USA' },
  providerData: {
    en: 'your phone number and metadata (content is end-to-end encrypted)',
    de: 'Ihre Telefonnummer und Metadaten (Inhalte sind Ende-zu-Ende-verschlüsselt)',
  },
  countries: { en: 'to the USA', de: 'in die USA' },
  transfer: {
    en: 'Signal processes data in the USA and names neither a transfer mechanism under Chapter V GDPR (such as the EU-US Data Privacy Framework or standard contractual clauses) nor a representative in the EU. The transfer therefore rests on your express consent (Art. 49(1)(a) GDPR).',
    de: 'Signal verarbeitet Daten in den USA und nennt weder eine Grundlage nach Kapitel V DSGVO (etwa das EU-US Data Privacy Framework oder Standardvertragsklauseln) noch einen Vertreter in der EU. Die Übermittlung stützt sich daher auf Ihre ausdrückliche Einwilligung (Art. 49 Abs. 1 lit. a DSGVO).',
  },
  identifier: {
    en: 'your Signal profile name and, only if you share it, your phone number',
    de: 'Ihren Signal-Profilnamen und, nur wenn Sie sie teilen, Ihre Telefonnummer',
  },
  receivedOn: 'send',
  transferConsent: true,
};
