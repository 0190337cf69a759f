import { parsePhone } from '../phone.js';
import { readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';

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
  icon: {
    viewBox: '0 0 24 24',
    path: 'M12 2a10 10 0 1 1-5 18.7L2 22l1.3-5A10 10 0 0 1 12 2zm0 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 0 0 0-15z',
  },
};

export const signalProvider: ProviderFacts = {
  provider: {
    en: 'Signal Messenger LLC, Mountain View, USA',
    de: 'Signal Messenger LLC, Mountain View, USA',
  },
  transfer: {
    en: 'Data is processed in the USA; Signal’s privacy policy names no legal mechanism for this transfer and no representative in the EU.',
    de: 'Daten werden in den USA verarbeitet; die Datenschutzerklärung von Signal nennt dafür keine Rechtsgrundlage und keinen Vertreter in der EU.',
  },
  identifier: {
    en: 'your Signal profile name and, if you share it, your phone number',
    de: 'deinen Signal-Profilnamen und, wenn du sie teilst, deine Telefonnummer',
  },
};
