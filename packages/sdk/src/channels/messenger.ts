import { toPayload } from '../payload.js';
import { nameField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';
import { messengerIcon } from './icons.js';

/** `{ "type": "messenger", "page": "firma.news" }`: the Facebook page the visitor writes to. */
export interface MessengerConfig {
  type: 'messenger';
  /** Facebook page name (as in facebook.com/<name>) or numeric page ID. */
  page: string;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/** m.me cannot prefill text; `ref` reaches the page's webhook as the referral of the new chat. */
export const messenger: Channel<MessengerConfig> = {
  type: 'messenger',
  fields: {
    page: /* @__PURE__ */ nameField(
      'Facebook page name or ID',
      /^[A-Za-z0-9.]{1,50}$/,
      'use the name from facebook.com/<name> or the page ID',
    ),
  },
  link: (config, message) => {
    const payload = toPayload(message);
    return {
      href: `https://m.me/${readField(config, 'page', messenger.fields.page)}?ref=${payload}`,
      prefill: 'payload',
      message,
      payload,
    };
  },
};

export const messengerMeta: ChannelDisplay = {
  prefill: 'payload',
  // m.me opens messenger.com in desktop browsers.
  desktop: 'direct',
  icon: messengerIcon,
};

export const messengerProvider: ProviderFacts = {
  provider: { en: 'Meta Platforms Ireland Limited', de: 'Meta Platforms Ireland Limited' },
  seat: { en: 'Dublin, Ireland', de: 'Dublin, Irland' },
  providerData: {
    en: 'your ID, your profile, the chat content (business chats are not end-to-end encrypted) and metadata',
    de: 'Ihre ID, Ihr Profil, den Chatinhalt (Chats mit Unternehmen sind nicht Ende-zu-Ende-verschlüsselt) und Metadaten',
  },
  countries: { en: 'to the USA and other countries', de: 'in die USA und andere Länder' },
  transfer: {
    en: 'Meta transfers data to the USA (Meta Platforms, Inc.) under the EU-US Data Privacy Framework, and to other countries, among others, including those of its partners and vendors, under the mechanisms its privacy policy names.',
    de: 'Meta übermittelt Daten in die USA (Meta Platforms, Inc.) auf Grundlage des EU-US Data Privacy Frameworks und u. a. in weitere Länder, auch die seiner Partner und Dienstleister, mit den Mechanismen, die seine Datenschutzrichtlinie nennt.',
  },
  identifier: {
    en: 'your page-scoped ID, and through it your name and profile picture',
    de: 'Ihre seitenbezogene ID und über sie Ihren Namen und Ihr Profilbild',
  },
  receivedOn: 'open',
  dpf: true,
  policy: 'https://www.facebook.com/privacy/policy',
};
