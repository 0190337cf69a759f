import { toPayload } from '../payload.js';
import { nameField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';

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
  icon: {
    viewBox: '0 0 24 24',
    path: 'M12 2C6.5 2 2 6.1 2 11.3c0 2.8 1.3 5.3 3.5 7V22l3.3-1.8c1 .3 2.1.4 3.2.4 5.5 0 10-4.1 10-9.3S17.5 2 12 2zm1 12.4-2.5-2.7-5 2.7 5.5-5.8 2.6 2.7 4.9-2.7z',
  },
};

export const messengerProvider: ProviderFacts = {
  provider: {
    en: 'Meta Platforms Ireland Limited, Dublin, Ireland',
    de: 'Meta Platforms Ireland Limited, Dublin, Irland',
  },
  transfer: {
    en: 'Data may be transferred to the USA (Meta Platforms, Inc.) under the EU-US Data Privacy Framework.',
    de: 'Daten können in die USA übermittelt werden (Meta Platforms, Inc.), auf Grundlage des EU-US Data Privacy Framework.',
  },
  identifier: { en: 'your Facebook name and profile', de: 'deinen Facebook-Namen und dein Profil' },
};
