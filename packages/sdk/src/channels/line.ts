import { encodeText } from '../encode.js';
import { nameField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';
import { lineIcon } from './icons.js';

/** `{ "type": "line", "id": "@firma" }`: the LINE Official Account ID. */
export interface LineConfig {
  type: 'line';
  /** Official Account ID, with or without the leading `@`. */
  id: string;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/** LINE takes the whole query string as the message text (no `text=` key); `@` is encoded as `%40`. */
export const line: Channel<LineConfig> = {
  type: 'line',
  fields: {
    id: /* @__PURE__ */ nameField(
      'LINE Official Account ID',
      /^[A-Za-z0-9._-]{1,40}$/,
      'use the ID shown in LINE Official Account Manager, e.g. @123abcde',
    ),
  },
  link: (config, message) => ({
    href: `https://line.me/R/oaMessage/%40${readField(config, 'id', line.fields.id)}/?${encodeText(message)}`,
    prefill: 'text',
    message,
  }),
};

export const lineMeta: ChannelDisplay = {
  prefill: 'text',
  desktop: 'qr',
  icon: lineIcon,
};

export const lineProvider: ProviderFacts = {
  provider: { en: 'LY Corporation', de: 'LY Corporation' },
  seat: { en: 'Tokyo, Japan; EU representative in Hamburg', de: 'Tokio, Japan; EU-Vertreter in Hamburg' },
  providerData: {
    en: 'your ID, your profile, language and metadata',
    de: 'Ihre ID, Ihr Profil, Ihre Sprache und Metadaten',
  },
  countries: { en: 'to Japan, South Korea and the USA', de: 'nach Japan, Südkorea und in die USA' },
  transfer: {
    en: 'LY Corporation processes data in Japan, for which there is an adequacy decision. Its policy also names South Korea (adequacy decision) and the USA, but neither where the data of EU users is kept nor the basis for the USA.',
    de: 'Die LY Corporation verarbeitet Daten in Japan, für das es einen Angemessenheitsbeschluss gibt. Ihre Richtlinie nennt auch Südkorea (Angemessenheitsbeschluss) und die USA, aber weder, wo die Daten von EU-Nutzern liegen, noch die Grundlage für die USA.',
  },
  identifier: {
    en: 'your LINE user ID, display name, profile picture and language',
    de: 'Ihre LINE-Nutzer-ID, Ihren Anzeigenamen, Ihr Profilbild und Ihre Sprache',
  },
  receivedOn: 'send',
};
