import { encodeText } from '../encode.js';
import { patternField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';

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
  icon: {
    viewBox: '0 0 24 24',
    path: 'M12 2C6.5 2 2 5.8 2 10.5c0 2.6 1.4 4.9 3.6 6.5L5 21l4.2-2.3c.9.2 1.8.3 2.8.3 5.5 0 10-3.8 10-8.5S17.5 2 12 2zM9 9a3 3 0 0 1 6 0v1h.5v5h-7v-5H9zm1.5 0v1h3V9a1.5 1.5 0 0 0-3 0z',
  },
};

export const threemaProvider: ProviderFacts = {
  provider: {
    en: 'Threema GmbH, Pfäffikon SZ, Switzerland (servers in Switzerland)',
    de: 'Threema GmbH, Pfäffikon SZ, Schweiz (Server in der Schweiz)',
  },
  transfer: {
    en: 'Switzerland has an EU adequacy decision; push notifications go through Google or Apple.',
    de: 'Für die Schweiz gibt es einen Angemessenheitsbeschluss der EU; Push-Benachrichtigungen laufen über Google oder Apple.',
  },
  identifier: { en: 'your Threema ID', de: 'deine Threema-ID' },
};
