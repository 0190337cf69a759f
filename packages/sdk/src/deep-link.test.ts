import { describe, expect, it } from 'vitest';
import type { ChannelConfig } from './channels/index.js';
import { deepLink } from './deep-link.js';
import { ConfigError } from './errors.js';

/** The messages every channel is tried with, and their exact encoding (docs/channels.md#rules-for-every-channel, rule 1). */
const messages = {
  plain: ['Start News Firma K7Q2', 'Start%20News%20Firma%20K7Q2'],
  'plus, ampersand, hash, equals, question mark': ['A+B & C #1 =2 ?', 'A%2BB%20%26%20C%20%231%20%3D2%20%3F'],
  newline: ['Start\nNews', 'Start%0ANews'],
  'umlaut as NFC': ['Start M\u00fcller', 'Start%20M%C3%BCller'],
  'umlaut as NFD (macOS)': ['Start Mu\u0308ller', 'Start%20M%C3%BCller'],
  'emoji with skin tone': ['Start \u{1F44B}\u{1F3FD}', 'Start%20%F0%9F%91%8B%F0%9F%8F%BD'],
  "sub-delims encodeURIComponent keeps: ! ' ( ) *": ["Hi! It's (new) *", 'Hi%21%20It%27s%20%28new%29%20%2A'],
} as const;

/** Their payload slugs (docs/channels.md#the-payload). */
const payloads: Record<keyof typeof messages, string> = {
  plain: 'Start_News_Firma_K7Q2',
  'plus, ampersand, hash, equals, question mark': 'A_B_C_1_2',
  newline: 'Start_News',
  'umlaut as NFC': 'Start_Mueller',
  'umlaut as NFD (macOS)': 'Start_Mueller',
  'emoji with skin tone': 'Start',
  "sub-delims encodeURIComponent keeps: ! ' ( ) *": 'Hi_It_s_new',
};

interface ChannelCase {
  config: ChannelConfig;
  prefill: 'text' | 'payload' | 'none';
  /** The expected href for an encoded message `text` and payload `payload`. */
  href: (text: string, payload: string) => string;
  hasPayload: boolean;
  /** Whether a 2,000-character message makes the link too long. */
  longFails: boolean;
}

const channels: Record<string, ChannelCase> = {
  whatsapp: {
    config: { type: 'whatsapp', phone: '+49 (0)170 123-4567' },
    prefill: 'text',
    href: (text) => `https://wa.me/491701234567?text=${text}`,
    hasPayload: false,
    longFails: true,
  },
  'telegram bot': {
    config: { type: 'telegram', username: 'Firma_News_BOT' },
    prefill: 'payload',
    href: (_text, payload) => `https://t.me/Firma_News_BOT?start=${payload}`,
    hasPayload: true,
    longFails: false,
  },
  'telegram user': {
    config: { type: 'telegram', username: '@firma_news' },
    prefill: 'text',
    href: (text) => `https://t.me/firma_news?text=${text}`,
    hasPayload: false,
    longFails: true,
  },
  messenger: {
    config: { type: 'messenger', page: 'firma.news' },
    prefill: 'payload',
    href: (_text, payload) => `https://m.me/firma.news?ref=${payload}`,
    hasPayload: true,
    longFails: false,
  },
  instagram: {
    config: { type: 'instagram', username: '@firma.news' },
    prefill: 'payload',
    href: (_text, payload) => `https://ig.me/m/firma.news?ref=${payload}`,
    hasPayload: true,
    longFails: false,
  },
  viber: {
    config: { type: 'viber', uri: 'firmanews' },
    prefill: 'text',
    href: (text, payload) => `viber://pa?chatURI=firmanews&context=${payload}&text=${text}`,
    hasPayload: true,
    longFails: true,
  },
  threema: {
    config: { type: 'threema', id: 'abcd1234' },
    prefill: 'text',
    href: (text) => `https://threema.id/ABCD1234?text=${text}`,
    hasPayload: false,
    longFails: true,
  },
  'threema gateway': {
    config: { type: 'threema', id: '*firma01' },
    prefill: 'text',
    href: (text) => `https://threema.id/*FIRMA01?text=${text}`,
    hasPayload: false,
    longFails: true,
  },
  signal: {
    config: { type: 'signal', phone: '0049 170 1234567' },
    prefill: 'none',
    href: () => 'https://signal.me/#p/+491701234567',
    hasPayload: false,
    longFails: false,
  },
  sms: {
    config: {
      type: 'sms',
      phone: '+49 170 1234567',
      provider: { name: 'Mail AG', country: 'DE', transfer: 'None.' },
    },
    prefill: 'text',
    href: (text) => `sms:+491701234567?body=${text}`,
    hasPayload: false,
    longFails: true,
  },
  line: {
    config: { type: 'line', id: '@firma' },
    prefill: 'text',
    href: (text) => `https://line.me/R/oaMessage/%40firma/?${text}`,
    hasPayload: false,
    longFails: true,
  },
  'line without @': {
    config: { type: 'line', id: 'firma' },
    prefill: 'text',
    href: (text) => `https://line.me/R/oaMessage/%40firma/?${text}`,
    hasPayload: false,
    longFails: true,
  },
  email: {
    config: {
      type: 'email',
      address: 'news@firma.de',
      provider: { name: 'Mail AG', country: 'DE', transfer: 'None.' },
    },
    prefill: 'text',
    // RFC 6068: line breaks as CRLF.
    href: (text) => {
      const crlf = text.replaceAll('%0A', '%0D%0A');
      return `mailto:news@firma.de?subject=${crlf}&body=${crlf}`;
    },
    hasPayload: false,
    longFails: true,
  },
};

describe.each(Object.entries(channels))('deepLink for %s', (_name, channel) => {
  it.each(Object.entries(messages))('builds the exact link for %s', (kind, [message, encoded]) => {
    const payload = payloads[kind as keyof typeof messages];
    const link = deepLink(channel.config, message);
    expect(link.href).toBe(channel.href(encoded, payload));
    expect(link.prefill).toBe(channel.prefill);
    expect(link.message).toBe(message.normalize('NFC'));
    if (channel.hasPayload) expect(link.payload).toBe(payload);
    else expect(link).not.toHaveProperty('payload');
  });

  it(
    channel.longFails
      ? 'rejects a 2,000-character message with a clear error'
      : 'still links a 2,000-character message',
    () => {
      const long = 'x'.repeat(2000);
      if (channel.longFails) {
        expect(() => deepLink(channel.config, long)).toThrowError(ConfigError);
        expect(() => deepLink(channel.config, long)).toThrowError(
          /must stay under 2000; shorten the message/,
        );
      } else {
        const link = deepLink(channel.config, long);
        expect(link.href.length).toBeLessThan(2000);
        expect(link.message).toBe(long);
        if (channel.hasPayload) expect(link.payload).toBe('x'.repeat(64));
      }
    },
  );

  it('rejects an empty message', () => {
    expect(() => deepLink(channel.config, '  ')).toThrowError('message: is empty');
  });
});

describe('deepLink limits and errors', () => {
  const whatsapp: ChannelConfig = { type: 'whatsapp', phone: '+491701234567' };
  const prefix = 'https://wa.me/491701234567?text='.length;

  it('accepts a link of 1,999 characters and rejects one of 2,000', () => {
    expect(deepLink(whatsapp, 'x'.repeat(1999 - prefix)).href).toHaveLength(1999);
    expect(() => deepLink(whatsapp, 'x'.repeat(2000 - prefix))).toThrowError(
      'message: the link would be 2000 characters long, but must stay under 2000; shorten the message',
    );
  });

  it('counts the encoded length, not the characters typed', () => {
    // "ü" is six characters once encoded (%C3%BC): 400 of them make a 2,432-character link.
    expect(() => deepLink(whatsapp, '\u00fc'.repeat(400))).toThrowError(/2432 characters long/);
  });

  it('uses &body= for SMS on iOS and ?body= elsewhere', () => {
    const sms: ChannelConfig = {
      type: 'sms',
      phone: '+49 170 1234567',
      provider: { name: 'Mail AG', country: 'DE', transfer: 'None.' },
    };
    expect(deepLink(sms, 'Start A&B', { platform: 'ios' }).href).toBe('sms:+491701234567&body=Start%20A%26B');
    expect(deepLink(sms, 'Start A&B', { platform: 'other' }).href).toBe(
      'sms:+491701234567?body=Start%20A%26B',
    );
  });

  it('names an unknown channel and lists the known ones', () => {
    const unknown = { type: 'xyz' } as unknown as ChannelConfig;
    expect(() => deepLink(unknown, 'Start')).toThrowError(
      'type: "xyz" is not a known channel; use one of whatsapp, telegram, messenger, instagram, viber, threema, signal, sms, line, email',
    );
    // Not fooled by names every object has.
    expect(() => deepLink({ type: 'toString' } as unknown as ChannelConfig, 'Start')).toThrowError(
      ConfigError,
    );
  });

  it('gives the phone problem under the field name', () => {
    const error = captureError(() => deepLink({ type: 'whatsapp', phone: '0170 123' }, 'Start'));
    expect(error.issues).toEqual([
      { path: 'phone', message: expect.stringContaining('phone: "0170 123" has no country code') },
    ]);
  });

  it('reports a missing or non-text field', () => {
    expect(() => deepLink({ type: 'signal' } as unknown as ChannelConfig, 'Start')).toThrowError(
      'phone: is required',
    );
    expect(() =>
      deepLink({ type: 'sms', phone: 491701234567 } as unknown as ChannelConfig, 'Start'),
    ).toThrowError('phone: must be text, not "491701234567"');
  });

  it.each([
    ['telegram', { type: 'telegram', username: 'ab' }, 'username: "ab" is not a valid Telegram username'],
    [
      'telegram starting with a digit',
      { type: 'telegram', username: '1firma' },
      'is not a valid Telegram username',
    ],
    ['threema', { type: 'threema', id: 'ABC' }, 'id: "ABC" is not a Threema ID'],
    ['instagram', { type: 'instagram', username: 'firma news' }, 'is not a valid Instagram username'],
    ['messenger', { type: 'messenger', page: 'firma/news' }, 'is not a valid Facebook page name or ID'],
    ['viber', { type: 'viber', uri: 'a&b' }, 'is not a valid Viber bot URI'],
    ['line', { type: 'line', id: '@a b' }, 'is not a valid LINE Official Account ID'],
    ['email', { type: 'email', address: 'news@firma.de?cc=x@y.z' }, 'is not a plain e-mail address'],
  ] as const)('rejects a bad %s config', (_name, config, message) => {
    expect(() => deepLink(config as ChannelConfig, 'Start')).toThrowError(message);
  });

  it('refuses a payload channel with a message that leaves no payload', () => {
    expect(() => deepLink({ type: 'messenger', page: 'firma' }, '株式会社 😀')).toThrowError(
      /message: "株式会社 😀" has no letters or digits A-Z 0-9 for the bot payload/,
    );
  });

  it('adds nothing that is not in the config or the message', () => {
    for (const channel of Object.values(channels)) {
      const { href } = deepLink(channel.config, 'Start');
      expect(href).not.toMatch(/utm_|source=|widget|messenger-optin/i);
    }
  });
});

function captureError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
