import { encodeText } from '../encode.js';
import { toPayload } from '../payload.js';
import { nameField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';
import { viberIcon } from './icons.js';

/** `{ "type": "viber", "uri": "firmanews" }`: the URI of the business's bot or public account. */
export interface ViberConfig {
  type: 'viber';
  /** The account's URI as in `viber://pa?chatURI=<uri>`. */
  uri: string;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/** The bot receives `context` with the conversation_started callback; `text` fills the input field. */
export const viber: Channel<ViberConfig> = {
  type: 'viber',
  fields: {
    uri: /* @__PURE__ */ nameField(
      'Viber bot URI',
      /^[A-Za-z0-9._-]{1,64}$/,
      'use the URI from viber://pa?chatURI=<uri>',
    ),
  },
  link: (config, message) => {
    const uri = readField(config, 'uri', viber.fields.uri);
    const payload = toPayload(message);
    return {
      href: `viber://pa?chatURI=${uri}&context=${payload}&text=${encodeText(message)}`,
      prefill: 'text',
      message,
      payload,
    };
  },
};

export const viberMeta: ChannelDisplay = {
  prefill: 'text',
  desktop: 'qr',
  icon: viberIcon,
};

export const viberProvider: ProviderFacts = {
  provider: { en: 'Viber Media S.à r.l.', de: 'Viber Media S.à r.l.' },
  seat: { en: 'Luxembourg, Rakuten group', de: 'Luxemburg, Rakuten-Gruppe' },
  providerData: {
    en: 'your ID, your profile, country, language and metadata',
    de: 'Ihre ID, Ihr Profil, Land, Sprache und Metadaten',
  },
  countries: {
    en: 'to the USA, Russia and other countries',
    de: 'in die USA, nach Russland und in andere Länder',
  },
  transfer: {
    en: 'Viber transfers data to the USA, Asia, Russia, Australia, Brazil and other countries: within the Rakuten group under Binding Corporate Rules (Art. 47 GDPR), to partners and service providers under contracts. There is no adequacy decision for Russia.',
    de: 'Viber übermittelt Daten in die USA, nach Asien, Russland, Australien, Brasilien und in weitere Länder: innerhalb der Rakuten-Gruppe auf Grundlage verbindlicher interner Datenschutzvorschriften (Art. 47 DSGVO), an Partner und Dienstleister auf Grundlage von Verträgen. Für Russland gibt es keinen Angemessenheitsbeschluss.',
  },
  identifier: {
    en: 'your Viber ID, name, profile picture, country and language',
    de: 'Ihre Viber-ID, Ihren Namen, Ihr Profilbild, Ihr Land und Ihre Sprache',
  },
  receivedOn: 'open',
};
