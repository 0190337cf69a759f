import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelTypes } from '../channels/index.js';
import { composeMessage } from '../message.js';
import { renderNotice, renderWithdrawNotice } from '../notices/render.js';
import { noticeRefSchema } from '../schema/consent-event.js';
import { parseWidgetConfig } from '../schema/widget-config.js';
import { checkWidgetConfig } from './check-widget-config.js';

const valid = {
  company: 'Firma GmbH',
  channels: [{ type: 'whatsapp', phone: '+49 170 1234567' }],
  privacyPolicy: 'https://firma.de/datenschutz',
  purpose: 'News',
};

/** The config's issues from both validators, which must agree. */
function issues(input: Record<string, unknown>): string[] {
  const result = checkWidgetConfig(input);
  expect(result).toStrictEqual(parseWidgetConfig(input));
  return result.ok ? [] : result.issues.map(({ message }) => message);
}

// Every config value at its cap, in astral characters (2 UTF-16 units each, what the event schema
// counts): the longest notice a valid config can make.
const astral = (count: number) => '𝐀'.repeat(count);
const processor = { name: astral(80), role: astral(100), country: 'US', transfer: astral(200) };
const longest = {
  company: astral(100),
  purpose: astral(60),
  advertising: astral(100),
  frequency: astral(60),
  controller: astral(500),
  dpo: astral(200),
  privacyPolicy: `https://firma.example/${astral(1978)}`,
  privacyPolicyVersion: astral(40),
  unsubscribeUrl: `https://firma.example/${astral(239)}`,
  processors: Array.from({ length: 5 }, () => processor),
  provider: { name: astral(80), country: 'US', transfer: astral(200) },
  checkbox: true,
  withdrawMessage: composeMessage({
    keyword: '{purpose}'.repeat(5) + astral(5),
    purpose: astral(60),
    company: astral(100),
  }),
};

/** Every notice text the config could render: all channels, both locales, both kinds, prefills, advertising. */
async function noticeTexts(overrides: Record<string, string> = {}): Promise<string[]> {
  const texts: string[] = [];
  for (const locale of ['en', 'de'])
    for (const channel of channelTypes)
      for (const prefill of ['text', 'payload'] as const)
        for (const advertising of [longest.advertising, true]) {
          const input = { ...longest, channel, locale, prefill, overrides, advertising };
          texts.push((await renderNotice(input)).text, (await renderWithdrawNotice(input)).text);
        }
  return texts;
}

const fitsTheEvent = (text: string) =>
  noticeRefSchema.safeParse({
    id: 'whatsapp.en.v1',
    locale: 'en',
    version: '1',
    sha256: 'a'.repeat(64),
    text,
  }).success;

describe('texts and the notice size', () => {
  it("refuses overrides whose notice a consent event could not carry (the review's R2)", async () => {
    const texts = Object.fromEntries(
      ['intro', 'onSend', 'provider', 'stop', 'privacy'].map((key) => [key, 'x'.repeat(4_990)]),
    );
    // Without the rule this config was valid and its notice_shown always refused.
    expect(Math.max(...(await noticeTexts(texts)).map((text) => text.length))).toBeGreaterThan(30_000);
    expect(issues({ ...valid, texts })).toEqual([
      expect.stringMatching(
        /^texts: can make a notice of \d+ characters, over the 30000 a consent event can carry; shorten them$/,
      ),
    ]);
  });

  it('allows ordinary overrides, placeholders included', () => {
    const texts = {
      intro: 'Sie bekommen {purpose} von {company} {via}. Mit dem Senden stimmen Sie zu. '.repeat(2),
      stop: 'Schreiben Sie "{withdrawMessage}" {via}, um abzubestellen. '.repeat(2),
      dpf: 'Für die USA gilt der Angemessenheitsbeschluss zum Data Privacy Framework.',
      headline: 'Newsletter',
      'whatsapp.privacy': 'Mehr in der Datenschutzerklärung von {company}: {privacyPolicy}',
    };
    expect(issues({ ...valid, texts })).toEqual([]);
  });

  it('counts the event schema cap the same way: 20,000 UTF-16 units of notice.text', () => {
    expect(fitsTheEvent('x'.repeat(30_000))).toBe(true);
    expect(fitsTheEvent('x'.repeat(30_001))).toBe(false);
  });

  it('caps the privacy policy address, which every notice shows', () => {
    const privacyPolicy = `https://firma.de/${'a'.repeat(2000 - 17)}`;
    expect(issues({ ...valid, privacyPolicy })).toEqual([]);
    expect(issues({ ...valid, privacyPolicy: `${privacyPolicy}a` })).toEqual([
      'privacyPolicy: is too long (at most 2000 characters)',
    ]);
  });

  it('holds its bounds: the longest notice without overrides, and how often a nested text is used', async () => {
    const plain = await noticeTexts();
    const measured = Math.max(...plain.map((text) => text.length));
    expect(measured).toBeLessThanOrEqual(17_800);
    const nested = {
      via: 'via',
      app: 'app',
      advertisingDefault: 'advertising',
      act: 'act',
      unsubscribeLabel: 'unsubscribeLabel',
      providerName: 'providerName',
      providerData: 'providerData',
      transfer: 'transfer',
      identifier: 'identifier',
    };
    for (const [key, name] of Object.entries(nested)) {
      const uses = (await noticeTexts({ [key]: 'Ω' })).map((text) => text.split('Ω').length - 1);
      expect(Math.max(...uses), key).toBeLessThanOrEqual(9);
      // What the default inserts, measured in a text of our own (`rights` is in every consent notice).
      const withIt = await noticeTexts({ rights: `Ω{${name}}Ω` });
      const without = await noticeTexts({ rights: 'ΩΩ' });
      const inserted = withIt.map((text, index) => text.length - without[index]!.length);
      expect(Math.max(...inserted), name).toBeLessThanOrEqual(400);
    }
  }, 60_000);

  it('every accepted texts makes notices a consent event can carry', async () => {
    const names = [
      'company',
      'controller',
      'dpo',
      'withdrawMessage',
      'purpose',
      'via',
      'app',
      'advertising',
      'act',
    ];
    const piece = fc.oneof(
      fc.constantFrom(
        ...names.map((name) => `{${name}}`),
        '{providerName}',
        '{providerData}',
        '{transfer}',
        '{identifier}',
      ),
      fc.nat({ max: 1_500 }).map((count) => 'x'.repeat(count)),
      fc.nat({ max: 700 }).map(astral),
    );
    const key = fc.constantFrom(
      'intro',
      'stop',
      'privacy',
      'data',
      'title',
      'withdraw',
      'via',
      'app',
      'advertisingDefault',
      'act',
      'providerName',
      'providerData',
      'transfer',
      'identifier',
      'whatsapp.via',
      'sms.provider',
      'whatsapp.consent',
    );
    const drafts = fc.array(fc.tuple(key, fc.array(piece, { minLength: 1, maxLength: 12 })), {
      maxLength: 6,
    });
    // Accepted by construction: each piece is kept only while the config stays valid, so every run
    // tests an accepted config, the larger ones close to the edge of the size rule.
    const acceptedTexts = drafts.map((entries) => {
      const texts: Record<string, string> = {};
      for (const [name, pieces] of entries)
        for (const part of pieces) {
          const next = { ...texts, [name]: (texts[name] ?? '') + part };
          if (checkWidgetConfig({ ...valid, texts: next }).ok) Object.assign(texts, next);
        }
      return texts;
    });
    await fc.assert(
      fc.asyncProperty(acceptedTexts, async (texts) => {
        expect(issues({ ...valid, texts })).toEqual([]);
        for (const notice of await noticeTexts(texts)) expect(notice.length).toBeLessThanOrEqual(30_000);
      }),
      { numRuns: 40 },
    );
  }, 130_000);
});
