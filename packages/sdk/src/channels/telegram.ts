import { encodeText } from '../encode.js';
import { toPayload } from '../payload.js';
import { nameField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';
import { telegramIcon } from './icons.js';

/** `{ "type": "telegram", "username": "firma_news_bot" }`: a bot or a user/channel account. */
export interface TelegramConfig {
  type: 'telegram';
  /** Telegram username without `t.me/` (a leading `@` is dropped): 5–32 of A-Z a-z 0-9 _, letter first. */
  username: string;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/** Telegram's rule: bot usernames end in "bot", in any case. */
export function isTelegramBot(username: string): boolean {
  return /bot$/i.test(username);
}

/**
 * Bots get the message as `?start=<payload>`, which arrives as `/start <payload>` without the
 * visitor typing; other accounts get `?text=`, which Telegram puts into the input field.
 */
export const telegram: Channel<TelegramConfig> = {
  type: 'telegram',
  fields: {
    username: /* @__PURE__ */ nameField(
      'Telegram username',
      /^[A-Za-z][A-Za-z0-9_]{4,31}$/,
      'use the name from t.me/<name>: 5-32 letters, digits or _, letter first',
    ),
  },
  link: (config, message) => {
    const username = readField(config, 'username', telegram.fields.username);
    if (!isTelegramBot(username))
      return { href: `https://t.me/${username}?text=${encodeText(message)}`, prefill: 'text', message };
    const payload = toPayload(message);
    return { href: `https://t.me/${username}?start=${payload}`, prefill: 'payload', message, payload };
  },
};

export const telegramMeta: ChannelDisplay = {
  // For bots; the link builder reports 'text' for user accounts.
  prefill: 'payload',
  desktop: 'qr',
  icon: telegramIcon,
};

export const telegramProvider: ProviderFacts = {
  provider: { en: 'Telegram Messenger Inc.', de: 'Telegram Messenger Inc.' },
  seat: {
    en: 'British Virgin Islands; EU representative under Art. 27 GDPR: EDPO, Brussels',
    de: 'Britische Jungferninseln; EU-Vertreter nach Art. 27 DSGVO: EDPO, Brüssel',
  },
  providerData: {
    en: 'your ID, your profile, the chat content (bot chats are not end-to-end encrypted) and metadata',
    de: 'Ihre ID, Ihr Profil, den Chatinhalt (Bot-Chats sind nicht Ende-zu-Ende-verschlüsselt) und Metadaten',
  },
  countries: {
    en: 'to the British Virgin Islands and Dubai',
    de: 'auf die Britischen Jungferninseln und nach Dubai',
  },
  transfer: {
    en: 'Telegram stores the data of users in the EEA in the Netherlands. Its group companies in the British Virgin Islands and in Dubai (UAE) receive data under standard contractual clauses; there is no adequacy decision for either.',
    de: 'Telegram speichert die Daten von Nutzern im EWR in den Niederlanden. Seine Konzerngesellschaften auf den Britischen Jungferninseln und in Dubai (VAE) erhalten Daten auf Grundlage von Standardvertragsklauseln; für keines der beiden Länder gibt es einen Angemessenheitsbeschluss.',
  },
  identifier: {
    en: 'your Telegram ID and name, and your user name and language if set',
    de: 'Ihre Telegram-ID und Ihren Namen, dazu Ihren Benutzernamen und Ihre Sprache, falls eingestellt',
  },
  receivedOn: 'send',
};
