import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelConfig } from './channels/index.js';
import { deepLink } from './deep-link.js';
import { ConfigError } from './errors.js';
import { normalizePhone } from './phone.js';
import { toPayload } from './payload.js';

/** Text channels and where their text sits in the href. */
const textChannels: Array<[string, ChannelConfig, (href: string) => string]> = [
  ['whatsapp', { type: 'whatsapp', phone: '+49 170 1234567' }, (href) => after(href, '?text=')],
  ['telegram user', { type: 'telegram', username: 'firma_news' }, (href) => after(href, '?text=')],
  ['viber', { type: 'viber', uri: 'firma' }, (href) => after(href, '&text=')],
  ['threema', { type: 'threema', id: 'ABCD1234' }, (href) => after(href, '?text=')],
  [
    'sms',
    {
      type: 'sms',
      phone: '+49 170 1234567',
      provider: { name: 'Mail AG', country: 'DE', transfer: 'None.' },
    },
    (href) => after(href, '?body='),
  ],
  ['line', { type: 'line', id: 'firma' }, (href) => after(href, '/?')],
  [
    'email subject',
    { type: 'email', address: 'a@firma.de', provider: { name: 'Mail AG', country: 'DE', transfer: 'None.' } },
    (href) => after(href, '?subject=').split('&body=')[0]!,
  ],
];

function after(href: string, marker: string): string {
  const index = href.indexOf(marker);
  if (index < 0) throw new Error(`${marker} not in ${href}`);
  return href.slice(index + marker.length);
}

/** Any text a site owner or translator could produce: full Unicode, emoji sequences, control characters. */
const anyMessage = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(' ', '+', '&', '#', '=', '?', '\n', 'u\u0308', 'ü', '👋🏽', '%', '!', '*'),
    maxLength: 50,
  }),
);
/** Well-formed Unicode only: what can round-trip through UTF-8. */
/** Well-formed text around one required character, so the input is what the property needs by construction. */
const around = (maxLength: number, middle: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.string({ unit: 'grapheme', maxLength: maxLength / 2 }),
      middle,
      fc.string({ unit: 'grapheme', maxLength: maxLength / 2 }),
    )
    .map(([before, character, after]) => `${before}${character}${after}`);
/** Never blank. */
const nonBlank = around(600, fc.constantFrom('a', 'Z', '7', 'ü', 'スタ', '€', '!', '👋🏽', 'u\u0308'));
/** Has a letter or digit, so a bot payload can be made of it. */
const withAlphanumeric = (maxLength: number) => around(maxLength, fc.stringMatching(/^[A-Za-z0-9]$/));

const runs = { numRuns: 300 };

describe.each(textChannels)('deepLink for %s, for any message', (_name, config, textPart) => {
  it('never leaves a raw space or "+" in the text, and stays under 2,000 characters or says why', () => {
    fc.assert(
      fc.property(anyMessage, (message) => {
        let href: string;
        try {
          href = deepLink(config, message).href;
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          // Viber also sends a payload (context), which needs a letter or digit.
          expect((error as ConfigError).message).toMatch(
            /^message: (is empty|the link would be \d+ characters long|.* has no letters or digits A-Z 0-9 for the bot payload)/s,
          );
          return;
        }
        expect(href.length).toBeLessThan(2000);
        expect(textPart(href)).not.toMatch(/[ +]/);
        expect(textPart(href)).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
      }),
      runs,
    );
  });

  it('decodes back to the NFC message', () => {
    fc.assert(
      fc.property(nonBlank, (message) => {
        let href: string;
        try {
          href = deepLink(config, message).href;
        } catch (error) {
          expect((error as Error).message).toMatch(/must stay under 2000|for the bot payload/);
          return;
        }
        const expected = message.normalize('NFC');
        const decoded = decodeURIComponent(textPart(href));
        // mailto bodies carry CRLF line breaks (RFC 6068).
        expect(decoded).toBe(config.type === 'email' ? expected.replace(/\r\n|\r|\n/g, '\r\n') : expected);
      }),
      runs,
    );
  });
});

describe('payloads, for any message', () => {
  it('match ^[A-Za-z0-9_-]{1,64}$ or are refused with a ConfigError', () => {
    fc.assert(
      fc.property(anyMessage, (message) => {
        try {
          expect(toPayload(message)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
      runs,
    );
  });

  it('are the same for NFD and NFC input', () => {
    fc.assert(
      fc.property(withAlphanumeric(600), (message) => {
        const payload = toPayload(message);
        expect(toPayload(message.normalize('NFD'))).toBe(payload);
        expect(toPayload(message.normalize('NFC'))).toBe(payload);
      }),
      runs,
    );
  });

  it('go into every payload link and keep the link short', () => {
    const payloadChannels: ChannelConfig[] = [
      { type: 'telegram', username: 'firma_bot' },
      { type: 'messenger', page: 'firma' },
      { type: 'instagram', username: 'firma' },
    ];
    fc.assert(
      fc.property(withAlphanumeric(3000), (message) => {
        for (const config of payloadChannels) {
          const link = deepLink(config, message);
          expect(link.href.endsWith(`=${link.payload}`)).toBe(true);
          expect(link.href.length).toBeLessThan(2000);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('phone numbers, for any input', () => {
  it('become E.164 or a ConfigError that quotes the input', () => {
    const phoneLike = fc.string({ unit: fc.constantFrom(...'0123456789 +-()/.'), maxLength: 25 });
    fc.assert(
      fc.property(fc.oneof(phoneLike, fc.string({ maxLength: 25 })), (input) => {
        try {
          expect(normalizePhone(input)).toMatch(/^\+[1-9][0-9]{6,14}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          if (input.trim())
            expect((error as ConfigError).message).toContain(JSON.stringify(input.slice(0, 40)).slice(0, -1));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keep their digits: the E.164 form has the digits written after the country sign', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{6,14}$/), fc.constantFrom('+', '00'), (digits, prefix) => {
        const spaced = `${prefix}${digits.slice(0, 2)} ${digits.slice(2, 5)}-${digits.slice(5)}`;
        // No national number in +49, +43 or +41 starts with 0: that 0 is refused, never dropped.
        if (/^4[139]0/.test(digits)) expect(() => normalizePhone(spaced)).toThrowError('drop the 0 after');
        else expect(normalizePhone(spaced)).toBe(`+${digits}`);
      }),
      runs,
    );
  });
});
