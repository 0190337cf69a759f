import { ConfigError, issueAt, quote } from './errors.js';

const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** Longest payload: Telegram's `start` limit, also valid for Messenger/Instagram `ref`. */
export const PAYLOAD_MAX_LENGTH = 64;

/**
 * The payload slug given to bots (Telegram `start`, Messenger/Instagram `ref`, Viber `context`),
 * docs/channels.md#the-payload. Deterministic so that a server recomputes it from the message:
 * `Start News Müller & Co K7Q2` → `Start_News_Mueller_Co_K7Q2`.
 *
 * "Punctuation" is read as Unicode punctuation and symbols (`\p{P}`, `\p{S}`), like POSIX
 * `[:punct:]` for ASCII, so `+`, `$` and emoji separate words as `&` does. The hyphen is punctuation
 * too, so the result never holds a `-` although the alphabet would allow one.
 */
export function toPayload(message: string): string {
  const payload = String(message)
    // NFC first, so that an "ü" typed as u + U+0308 (macOS) is transliterated too, not stripped to "u".
    .normalize('NFC')
    .replace(/[äöüÄÖÜß]/g, (char) => umlauts[char] ?? char)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '_')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .replace(/^_+|_+$/g, '')
    .slice(0, PAYLOAD_MAX_LENGTH);
  if (!payload)
    throw new ConfigError([
      issueAt(
        'message',
        `${quote(message)} has no letters or digits A-Z 0-9 for the bot payload; add some, e.g. "Start"`,
      ),
    ]);
  return payload;
}
