import { encodeText } from '../encode.js';
import { patternField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';
import { threemaIcon } from './icons.js';

/** `{ "type": "threema", "id": "ABCD1234" }`: the business's Threema ID (or a Gateway ID `*FIRMA01`). */
export interface ThreemaConfig {
  type: 'threema';
  /** 8 characters A-Z 0-9, or `*` and 7 for Threema Gateway IDs; case does not matter. */
  id: string;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/** Threema IDs are uppercase; people copy them from apps in any case, so we uppercase for them. */
const parseThreemaId = /* @__PURE__ */ patternField(
  /^(?:[A-Z0-9]{8}|\*[A-Z0-9]{7})$/,
  'is not a Threema ID; use 8 letters and digits, e.g. ABCD1234, or a Gateway ID like *FIRMA01',
  (input) => input.trim().toUpperCase(),
);

export const threema: Channel<ThreemaConfig> = {
  type: 'threema',
  fields: { id: parseThreemaId },
  link: (config, message) => ({
    href: `https://threema.id/${readField(config, 'id', parseThreemaId)}?text=${encodeText(message)}`,
    prefill: 'text',
    message,
  }),
};

export const threemaMeta: ChannelDisplay = {
  prefill: 'text',
  desktop: 'qr',
  icon: threemaIcon,
};

export const threemaProvider: ProviderFacts = {
  provider: { en: 'Threema GmbH', de: 'Threema GmbH' },
  seat: { en: 'Pfäffikon SZ, Switzerland', de: 'Pfäffikon SZ, Schweiz' },
  providerData: {
    en: 'your ID and metadata (and the content too if we use the Threema Gateway in its basic mode)',
    de: 'Ihre ID und Metadaten (und auch den Inhalt, wenn wir das Threema Gateway im Basis-Modus nutzen)',
  },
  countries: {
    en: 'to Switzerland and, for push notifications, via Apple or Google to the USA',
    de: 'in die Schweiz und, für Push-Benachrichtigungen, über Apple oder Google in die USA',
  },
  transfer: {
    en: 'Threema processes data in Switzerland, for which there is an adequacy decision. Push notifications go through Google or Apple (USA); Threema names no basis for this.',
    de: 'Threema verarbeitet Daten in der Schweiz, für die es einen Angemessenheitsbeschluss gibt. Push-Benachrichtigungen laufen über Google oder Apple (USA); Threema nennt dafür keine Grundlage.',
  },
  identifier: { en: 'your Threema ID and nickname', de: 'Ihre Threema-ID und Ihren Nicknamen' },
  receivedOn: 'send',
};
