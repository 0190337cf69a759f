import { describe, expect, it } from 'vitest';
import { channelMeta, channelProviders, channelTypes } from '../channels/index.js';
import type { ChannelType } from '../channels/types.js';
import { sha256Hex } from './hash.js';
import { loadNoticeLocale, noticeLocales } from './locales.js';
import { renderNotice, renderWithdrawNotice } from './render.js';
import type { NoticeInput } from './types.js';

const input: NoticeInput = {
  channel: 'whatsapp',
  locale: 'de',
  company: 'Firma',
  purpose: 'News',
  controller: 'Firma GmbH, Hauptstr. 1, 10115 Berlin, datenschutz@firma.example',
  privacyPolicy: 'https://firma.example/datenschutz',
  message: 'Start News Firma K7Q2',
  withdrawMessage: 'Stop News Firma',
};

const everyChannelAndLocale = channelTypes.flatMap((channel) =>
  noticeLocales.map((locale) => ({ channel: channel as ChannelType, locale })),
);

describe('renderNotice', () => {
  it.each(everyChannelAndLocale)(
    '$channel in $locale: company, message, withdraw message, provider, policy',
    async ({ channel, locale }) => {
      const notice = await renderNotice({ ...input, channel, locale });
      const name = channelMeta[channel].name;
      const templates = await loadNoticeLocale(locale);
      const provider =
        templates.channelTexts?.[channel]?.providerName ?? channelProviders[channel].provider[locale];

      expect(notice.id).toBe(`${channel}.${locale}.v${notice.version}`);
      expect(notice.locale).toBe(locale);
      expect(notice.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(notice.title).toContain('Firma');
      expect(notice.title).toContain(name);
      expect(notice.confirmLabel).toContain(name);
      expect(notice.checkboxLabel).toContain('Firma');

      const firstLayer = notice.firstLayer.map((block) => block.text).join('\n');
      expect(firstLayer).toContain('Firma');
      expect(firstLayer).toContain('Start News Firma K7Q2');
      expect(firstLayer).toContain('Stop News Firma');
      expect(firstLayer).toContain(provider);
      expect(notice.firstLayer.at(-1)?.link?.href).toBe('https://firma.example/datenschutz');
      expect(notice.text).toContain('https://firma.example/datenschutz');
      // Nothing left unfilled, no gaps where a value was missing.
      expect(notice.text).not.toMatch(/undefined|\{[A-Za-z]+\}| {2}| [.,;:]|\.\.|\n{3}/);
    },
  );

  it.each(everyChannelAndLocale)(
    '$channel in $locale: reads well without purpose and controller',
    async ({ channel, locale }) => {
      const { purpose: _p, controller: _c, ...bare } = input;
      const notice = await renderNotice({ ...bare, channel, locale });
      expect(notice.title).toMatch(locale === 'de' ? /^Nachrichten von Firma / : /^Messages from Firma /);
      expect(notice.secondLayer[0]?.text).toMatch(/^Firma\. /);
      expect(notice.text).not.toMatch(/undefined|\{[A-Za-z]+\}| {2}| [.,;:]|\.\.|\n{3}/);
    },
  );

  it.each(channelTypes)('%s in German says "Sie", never "du"', async (channel) => {
    const texts = await Promise.all([
      renderNotice({ ...input, channel }),
      renderWithdrawNotice({ ...input, channel }),
    ]);
    for (const notice of texts) {
      const shown = [notice.text, notice.checkboxLabel, notice.confirmLabel].join('\n');
      expect(shown).not.toMatch(
        /(^|[^\p{L}])(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)(?![\p{L}])/iu,
      );
    }
  });

  it('explains the Data Privacy Framework exactly where the provider relies on it, in one wording', async () => {
    for (const locale of noticeLocales) {
      const { texts } = await loadNoticeLocale(locale);
      for (const channel of channelTypes) {
        const notice = await renderNotice({ ...input, channel, locale });
        const relies = /Data Privacy Framework/.test(channelProviders[channel].transfer[locale]);
        expect(
          notice.secondLayer.some((block) => block.text === texts.dpf),
          `${channel}.${locale}`,
        ).toBe(relies);
      }
    }
    expect(/Data Privacy Framework/.test(channelProviders.whatsapp.transfer.en)).toBe(true);
  });

  it('says plainly that Signal names no transfer mechanism and no EU representative', async () => {
    const english = await renderNotice({ ...input, channel: 'signal', locale: 'en' });
    expect(english.firstLayer.map((block) => block.text).join('\n')).toMatch(
      /names no legal mechanism for this transfer and no representative in the EU/,
    );
  });

  it('hashes exactly the text it returns', async () => {
    const notice = await renderNotice(input);
    expect(notice.sha256).toBe(await sha256Hex(notice.text));
  });

  it('gives the same hash for the same input', async () => {
    const [first, second] = await Promise.all([renderNotice(input), renderNotice({ ...input })]);
    expect(second.sha256).toBe(first.sha256);
    expect(second.text).toBe(first.text);
  });

  it.each<[string, Partial<NoticeInput>]>([
    ['channel', { channel: 'telegram' }],
    ['locale', { locale: 'en' }],
    ['company', { company: 'Firma B' }],
    ['purpose', { purpose: 'Angebote' }],
    ['controller', { controller: 'Firma GmbH, Berlin' }],
    ['privacy policy', { privacyPolicy: 'https://firma.example/privacy' }],
    ['message', { message: 'Start News Firma K7Q3' }],
    ['withdraw message', { withdrawMessage: 'Stopp News Firma' }],
    ['prefill', { prefill: 'payload' }],
    ['an override', { overrides: { rights: 'Sie haben Rechte.' } }],
    ['a provider override', { overrides: { transfer: 'Keine Übermittlung.' } }],
  ])('changes the hash when the %s changes', async (_name, change) => {
    const [before, after] = await Promise.all([renderNotice(input), renderNotice({ ...input, ...change })]);
    expect(after.sha256).not.toBe(before.sha256);
  });

  it('falls back to English for a locale it does not ship, and reads regional tags', async () => {
    expect((await renderNotice({ ...input, locale: 'fr-FR' })).id).toMatch(/^whatsapp\.en\.v\d+$/);
    expect((await renderNotice({ ...input, locale: 'de-AT' })).id).toMatch(/^whatsapp\.de\.v\d+$/);
  });

  it('applies site-owner overrides and fills their placeholders', async () => {
    const notice = await renderNotice({
      ...input,
      overrides: {
        title: 'Neu: {purpose} per {channel}',
        'whatsapp.stop': 'Tschüss mit „{withdrawMessage}“.',
      },
    });
    expect(notice.title).toBe('Neu: News per WhatsApp');
    expect(notice.text.startsWith('Neu: News per WhatsApp\n\n')).toBe(true);
    expect(notice.text).toContain('Tschüss mit „Stop News Firma“.');
  });

  it('keeps markup in values as literal text', async () => {
    const notice = await renderNotice({
      ...input,
      company: '<script>alert(1)</script>',
      controller: '<img src=x onerror=alert(1)>',
    });
    expect(notice.title).toBe('News von <script>alert(1)</script> über WhatsApp');
    expect(notice.text).toContain('<img src=x onerror=alert(1)>');
    expect(notice.text).not.toContain('&lt;');
  });

  it('rejects an unknown channel and a javascript: privacy policy', async () => {
    await expect(renderNotice({ ...input, channel: 'fax' as ChannelType })).rejects.toThrow(
      /"fax" is not a known channel/,
    );
    await expect(renderNotice({ ...input, privacyPolicy: 'javascript:alert(1)' })).rejects.toThrow(TypeError);
  });
});

describe('renderWithdrawNotice', () => {
  it.each(everyChannelAndLocale)(
    '$channel in $locale: says which message to send where',
    async ({ channel, locale }) => {
      const notice = await renderWithdrawNotice({ ...input, channel, locale });
      expect(notice.id).toBe(`${channel}.${locale}.withdraw.v${notice.version}`);
      expect(notice.firstLayer[0]?.text).toContain('Stop News Firma');
      expect(notice.firstLayer[0]?.text).not.toContain('Start News Firma K7Q2');
      expect(notice.confirmLabel).toContain(channelMeta[channel].name);
      expect(notice.secondLayer).toEqual([]);
      expect(notice.sha256).toBe(await sha256Hex(notice.text));
      expect(notice.text).not.toMatch(/undefined|\{[A-Za-z]+\}| {2}| [.,;:]|\.\./);
    },
  );

  it('reads like the spec: send the stop message in the channel to unsubscribe', async () => {
    const notice = await renderWithdrawNotice({ ...input, locale: 'en' });
    expect(notice.firstLayer[0]?.text).toMatch(/^Send "Stop News Firma" via WhatsApp to unsubscribe\./);
  });
});
