import { channels } from './channels/index.js';
import type { ChannelConfig } from './channels/index.js';
import type { AnyChannel, DeepLink, DeepLinkOptions } from './channels/types.js';
import { unknownChannel } from './config/sentences.js';
import { ConfigError, issueAt } from './errors.js';

/** Links of 2,000 characters and more get cut by some browsers, QR scanners and messengers (docs/channels.md#rules-for-every-channel, rule 3). */
export const MAX_LINK_LENGTH = 2000;

/**
 * The link that opens `channel` with `message` prefilled, exactly per the channel table in
 * docs/channels.md: `{ href, prefill, message, payload? }`. `message` comes back in NFC; it is what the
 * visitor should send, also where the link cannot prefill it (`prefill: 'none' | 'payload'`).
 *
 * Throws `ConfigError` for an unknown channel, an unusable config value (e.g. a phone number
 * without country code), an empty message, or a link that would reach 2,000 characters.
 */
export function deepLink(channel: ChannelConfig, message: string, options: DeepLinkOptions = {}): DeepLink {
  return linkIn(channels, channel, message, options);
}

/** `deepLink` over a given registry (a test adds a channel this way). */
export function linkIn(
  registry: readonly AnyChannel[],
  channel: object,
  message: string,
  options: DeepLinkOptions,
): DeepLink {
  const type: unknown = (channel as { type?: unknown } | null)?.type;
  const entry = registry.find((candidate) => candidate.type === type);
  if (!entry)
    throw new ConfigError([
      issueAt(
        'type',
        unknownChannel(
          type,
          registry.map((candidate) => candidate.type),
        ),
      ),
    ]);
  const text = String(message ?? '').normalize('NFC');
  if (!text.trim())
    throw new ConfigError([
      issueAt('message', 'is empty; write the text the visitor sends, e.g. "Start News Firma"'),
    ]);

  const link = entry.link(channel as { type: string }, text, options);
  if (link.href.length >= MAX_LINK_LENGTH)
    throw new ConfigError([
      issueAt(
        'message',
        `the link would be ${link.href.length} characters long, but must stay under ${MAX_LINK_LENGTH}; shorten the message`,
      ),
    ]);
  return link;
}
