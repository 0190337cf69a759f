import { messengerProvider } from './messenger.js';
import { toPayload } from '../payload.js';
import { nameField, readField } from './fields.js';
import type { Channel, ChannelDisplay, ProviderFacts } from './types.js';
import { instagramIcon } from './icons.js';

/** `{ "type": "instagram", "username": "firma" }`: the business's Instagram account. */
export interface InstagramConfig {
  type: 'instagram';
  /** Instagram username (a leading `@` is dropped): up to 30 letters, digits, dots and _. */
  username: string;
  /** Button text instead of the channel name. */
  label?: string | undefined;
}

/** ig.me cannot prefill text; `ref` reaches the account's webhook with the new conversation. */
export const instagram: Channel<InstagramConfig> = {
  type: 'instagram',
  fields: {
    username: /* @__PURE__ */ nameField(
      'Instagram username',
      /^[A-Za-z0-9._]{1,30}$/,
      'use the name from instagram.com/<name>',
    ),
  },
  link: (config, message) => {
    const payload = toPayload(message);
    return {
      href: `https://ig.me/m/${readField(config, 'username', instagram.fields.username)}?ref=${payload}`,
      prefill: 'payload',
      message,
      payload,
    };
  },
};

export const instagramMeta: ChannelDisplay = {
  prefill: 'payload',
  desktop: 'qr',
  icon: instagramIcon,
};

// Meta Platforms Ireland serves Instagram as it serves Messenger: the same role, data and transfers.
// A call marked pure, not a spread: bundlers keep a spread (it may run getters), so every entry
// that imports this module (deepLink, channelMeta, the widget's first paint) carried Meta's
// provider texts; measured 1.2 kB gzip.
export const instagramProvider: ProviderFacts = /* @__PURE__ */ Object.assign({}, messengerProvider, {
  identifier: {
    en: 'your Instagram-scoped ID, and through it your user name, name and profile picture',
    de: 'Ihre Instagram-bezogene ID und über sie Ihren Benutzernamen, Namen und Ihr Profilbild',
  },
  policy: 'https://privacycenter.instagram.com/policy',
});
