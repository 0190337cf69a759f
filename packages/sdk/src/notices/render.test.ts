import { describe, expect, it } from 'vitest';
import { channelMeta, channelProviders, channelTypes } from '../channels/index.js';
import type { ChannelType } from '../channels/types.js';
import { fillNotice } from './fill.js';
import { noticeText } from './compose.js';
import { sha256Hex } from './hash.js';
import { noticeLocales } from './locales.js';
import { renderNotice, renderWithdrawNotice } from './render.js';
import { snapshotInput } from './snapshot-cases.js';
import type { NoticeInput, RenderedNotice } from './types.js';

const everyChannelAndLocale = channelTypes.flatMap((channel) =>
  noticeLocales.map((locale) => ({ channel: channel as ChannelType, locale })),
);

const input = (channel: ChannelType = 'whatsapp', locale = 'de', more: Partial<NoticeInput> = {}) => ({
  ...snapshotInput(channel, locale),
  ...more,
});
const first = (notice: RenderedNotice) => notice.firstLayer.map((block) => block.text).join('\n');
const details = (notice: RenderedNotice) => notice.secondLayer.map((block) => block.text).join('\n');
/** Telegram renders as a bot (START) unless the link said `text`, as for a person's account. */
const bot = (channel: ChannelType) => channel === 'telegram';

describe('renderNotice: every channel × locale', () => {
  it.each(everyChannelAndLocale)(
    '$channel.$locale: no placeholder but {message}/{ref}, no gaps',
    async ({ channel, locale }) => {
      for (const more of [{}, { checkbox: true, advertising: false }, { processors: [] }]) {
        const notice = await renderNotice(input(channel, locale, more));
        expect(notice.text.replace(/\{message\}|\{ref\}/g, 'X')).not.toMatch(
          /undefined|\{[A-Za-z]+\}| {2}| [.,;:]|\.\.|\n{3}|\(\)/,
        );
        expect(notice.sha256).toBe(await sha256Hex(notice.text));
      }
    },
  );

  it.each(everyChannelAndLocale)(
    '$channel.$locale: states purpose, company, advertising and the act of consent',
    async ({ channel, locale }) => {
      const notice = await renderNotice(input(channel, locale));
      const text = first(notice);
      expect(notice.title).toContain('News');
      expect(notice.title).toContain('Firma GmbH');
      if (locale === 'de') {
        expect(text).toContain('Die Nachrichten enthalten Werbung für Produkte und Angebote von Firma GmbH.');
        expect(text).toMatch(
          /willigen Sie ein, News von Firma GmbH (über \S+|per SMS|per E-Mail) zu erhalten, einschließlich der Werbung\./,
        );
        expect(text).toContain(
          bot(channel) ? 'Mit dem Tippen auf START willigen Sie ein' : 'Mit dem Senden der Nachricht',
        );
        expect(notice.checkboxLabel).toMatch(
          /^Ja, ich möchte News von Firma GmbH .* erhalten, einschließlich Werbung für Produkte und Angebote von Firma GmbH\./,
        );
      } else {
        expect(text).toContain('The messages contain advertising for products and offers of Firma GmbH.');
        expect(text).toMatch(
          /you agree to receive News from Firma GmbH (via \S+|by SMS|by email), including the advertising\./,
        );
        expect(notice.checkboxLabel).toMatch(/^Yes, I want to receive News from Firma GmbH/);
      }
      // A confirmation of fact in pre-formulated terms is void (§ 309 Nr. 12 b BGB).
      expect(notice.text).not.toMatch(/gelesen|read this notice|I have read/i);
    },
  );

  it.each(everyChannelAndLocale)(
    '$channel.$locale: names the provider, its role and what it receives',
    async ({ channel, locale }) => {
      const notice = await renderNotice(input(channel, locale));
      const facts = channelProviders[channel];
      const text = first(notice);
      if (channel === 'sms' || channel === 'email') {
        expect(text).toMatch(
          locale === 'de'
            ? /Unser (SMS|E-Mail)-Anbieter (SMS Versand AG|Mail Dienst GmbH) \(Deutschland\) verarbeitet/
            : /Our (SMS|email) provider (SMS Versand AG|Mail Dienst GmbH) \(Germany\) processes/,
        );
        expect(details(notice)).toContain(
          locale === 'de' ? 'als eigenständiger Verantwortlicher' : 'as an independent controller',
        );
        expect(notice.text).not.toMatch(
          /des Unternehmens|business’s|business's|hängt von diesen Anbietern ab/,
        );
      } else {
        // Signal's first layer states the transfer risk, so its data list waits in Details (length rule).
        const role = `${facts.provider[locale as 'de']} ${locale === 'de' ? 'erhält dabei als eigenständiger Verantwortlicher' : 'receives'}`;
        const compact = `${facts.provider[locale as 'de']} ${locale === 'de' ? 'ist dabei eigenständiger Verantwortlicher' : 'is an independent controller here'}`;
        expect(text).toContain(
          facts.transferConsent ? compact : `${role} ${facts.providerData[locale as 'de']}`,
        );
        expect(details(notice)).toContain(facts.providerData[locale as 'de']);
        if (!facts.transferConsent) expect(text).toContain(facts.countries[locale as 'de']);
        expect(details(notice)).toContain(facts.transfer[locale as 'de']);
        expect(details(notice)).toContain(facts.seat[locale as 'de']);
      }
      // One sentence per provider: the verb agrees with one subject.
      expect(notice.text).not.toMatch(/verarbeiten Ihre Daten/);
    },
  );

  it.each(everyChannelAndLocale)(
    '$channel.$locale: stop is enough, no "Abmelden" without a target',
    async ({ channel, locale }) => {
      const notice = await renderNotice(input(channel, locale));
      expect(first(notice)).toContain(locale === 'de' ? 'Senden Sie einfach „Stop“' : 'just send "Stop"');
      expect(notice.text).not.toContain('Stop News Firma');
      expect(notice.text).not.toMatch(/melden Sie sich hier ab|unsubscribe here/);
      expect(notice.text).not.toContain(locale === 'de' ? 'auf „Abmelden“' : 'tap "Unsubscribe"');
      const linked = await renderNotice(
        input(channel, locale, { unsubscribeUrl: 'https://firma.example/abmelden' }),
      );
      const block = linked.firstLayer.find((each) => each.link?.href === 'https://firma.example/abmelden');
      expect(block?.text).toContain(
        locale === 'de' ? 'Oder tippen Sie hier auf „Abmelden“.' : 'Or tap "Unsubscribe" here.',
      );
      expect(linked.text).toContain(
        locale === 'de'
          ? 'Abmelden: https://firma.example/abmelden'
          : 'Unsubscribe: https://firma.example/abmelden',
      );
    },
  );

  it.each(everyChannelAndLocale)(
    '$channel.$locale: Details say how long proof is kept, and why',
    async ({ channel, locale }) => {
      const notice = await renderNotice(
        input(channel, locale, { retentionYears: 5, unconfirmedDays: 14, minAge: 18 }),
      );
      const text = details(notice);
      expect(text).toContain(
        locale === 'de'
          ? 'noch 5 Jahre ab dem Ende des Jahres Ihrer Abmeldung'
          : 'for 5 more years from the end of the year',
      );
      expect(text).toContain(
        locale === 'de'
          ? 'Art. 17 Abs. 3 lit. e, Art. 6 Abs. 1 lit. c und f DSGVO'
          : 'Art. 17(3)(e), Art. 6(1)(c) and (f) GDPR',
      );
      expect(text).toContain(locale === 'de' ? 'nach 14 Tagen' : 'after 14 days');
      expect(text).toContain(locale === 'de' ? 'ab 18 Jahren' : 'from the age of 18');
      expect(text).toContain(locale === 'de' ? 'Art. 6 Abs. 1 lit. a DSGVO' : 'Art. 6(1)(a) GDPR');
      expect(text).toContain(locale === 'de' ? '§ 7 Abs. 2 Nr. 2 UWG' : '§ 7(2) no. 2');
    },
  );

  it.each(everyChannelAndLocale)(
    '$channel.$locale: the checkbox and button labels are in the hashed text',
    async ({ channel, locale }) => {
      const withBox = await renderNotice(input(channel, locale, { checkbox: true }));
      expect(withBox.checkbox).toBe(true);
      expect(withBox.text).toContain(`\n[ ] ${withBox.checkboxLabel}\n[${withBox.confirmLabel}]\n`);
      const overridden = await renderNotice(
        input(channel, locale, { checkbox: true, overrides: { confirmLabel: 'Los' } }),
      );
      expect(overridden.text).toContain('[Los]');
      expect(overridden.sha256).not.toBe(withBox.sha256);
      const box = await renderNotice(
        input(channel, locale, { checkbox: true, overrides: { checkbox: 'Ja, {purpose} bitte.' } }),
      );
      expect(box.text).toContain('[ ] Ja, News bitte.');
      expect(box.sha256).not.toBe(withBox.sha256);
    },
  );

  it.each(everyChannelAndLocale)(
    '$channel.$locale: the archived text holds no visitor data; display = archive, filled',
    async ({ channel, locale }) => {
      const notice = await renderNotice(input(channel, locale));
      const again = await renderNotice(input(channel, locale));
      expect(again.sha256).toBe(notice.sha256);
      const visitor = { message: 'Start News Firma GmbH K7Q2X9', ref: 'K7Q2X9' };
      expect(notice.text).not.toContain('K7Q2X9');
      const shown = fillNotice(notice, visitor);
      const shownText = noticeText(shown.title, [
        ...shown.firstLayer,
        {
          text: [...(shown.checkbox ? [`[ ] ${shown.checkboxLabel}`] : []), `[${shown.confirmLabel}]`].join(
            '\n',
          ),
        },
        { text: shown.detailsLabel },
        ...shown.secondLayer,
      ]);
      expect(shownText).toBe(
        notice.text.replaceAll('{message}', visitor.message).replaceAll('{ref}', visitor.ref),
      );
      expect(first(shown)).toContain('K7Q2X9');
      expect(shown.sha256).toBe(notice.sha256);
    },
  );
});

describe('renderNotice: what happens, per channel', () => {
  it.each(noticeLocales)(
    'Telegram bot (%s): START is the act, no message to send or copy',
    async (locale) => {
      const notice = await renderNotice(input('telegram', locale, { prefill: 'payload' }));
      const text = first(notice);
      expect(text).toContain(
        locale === 'de'
          ? 'Tippen Sie dort auf START; mehr ist nicht nötig.'
          : 'Tap START there; nothing else is needed.',
      );
      expect(text).toContain('{ref}');
      expect(text).not.toContain('{message}');
      expect(text).not.toMatch(/kopieren|copy|Erst wenn Sie sie senden|Only when you send/);
    },
  );

  it.each([['messenger'], ['instagram'], ['viber']] as const)(
    '%s: the business learns the ID when the chat opens',
    async (channel) => {
      const de = first(await renderNotice(input(channel, 'de')));
      expect(de).toContain('Schon dabei, bevor Sie etwas schreiben, erhalten wir');
      expect(de).not.toContain('Erst wenn Sie sie senden');
      const en = first(await renderNotice(input(channel, 'en')));
      expect(en).toContain('before you write anything, we receive');
      expect(details(await renderNotice(input(channel, 'de')))).toContain('löschen sie nach 30 Tagen');
    },
  );

  it('Viber tells the visitor it gets name, picture, country and language on opening', async () => {
    expect(first(await renderNotice(input('viber', 'de')))).toContain(
      'erhalten wir Ihre Viber-ID, Ihren Namen, Ihr Profilbild, Ihr Land und Ihre Sprache',
    );
  });

  it('SMS and e-mail: confirmation request; SMS: what it costs', async () => {
    const sms = first(await renderNotice(input('sms', 'de')));
    expect(sms).toContain('Die SMS kostet Sie nur, was Ihr Tarif für eine SMS berechnet.');
    expect(sms).toContain('Wir antworten mit einer Bitte um Bestätigung; erst danach erhalten Sie News.');
    expect(first(await renderNotice(input('email', 'de')))).toContain(
      'Wir antworten mit einer Bitte um Bestätigung',
    );
  });

  it('refuses SMS and e-mail without the business provider (no placeholder ships)', async () => {
    const { provider: _provider, ...bare } = input('sms', 'de');
    await expect(renderNotice(bare)).rejects.toThrow(/provider/);
    await expect(renderNotice({ ...input('whatsapp'), purpose: ' ' })).rejects.toThrow(/purpose/);
  });

  it('without advertising: no advertising clause, the consent ends at "erhalten"', async () => {
    const notice = await renderNotice(input('whatsapp', 'de', { advertising: false, checkbox: true }));
    expect(first(notice)).toContain('Sie enthalten keine Werbung.');
    expect(first(notice)).toContain('willigen Sie ein, News von Firma GmbH über WhatsApp zu erhalten.');
    expect(notice.checkboxLabel).toBe('Ja, ich möchte News von Firma GmbH über WhatsApp erhalten.');
    const bikes = await renderNotice(input('whatsapp', 'de', { advertising: 'Fahrräder und Zubehör' }));
    expect(first(bikes)).toContain('Werbung für Fahrräder und Zubehör.');
  });

  it('Signal: the transfer risk in the first layer, the checkbox always shown and asking for the transfer', async () => {
    const notice = await renderNotice(input('signal', 'de'));
    expect(notice.checkbox).toBe(true);
    expect(first(notice)).toContain('Das Risiko: US-Behörden können auf Daten zugreifen');
    expect(notice.checkboxLabel).toContain('dass meine Daten dafür in die USA übermittelt werden');
    expect(details(notice)).toContain('Art. 49 Abs. 1 lit. a DSGVO');
  });
});

describe('renderNotice: transfer facts and wording (issue points 2, 11)', () => {
  it('WhatsApp: DPF, SCCs for USA/UK/Singapore, adequacy for Israel', async () => {
    const text = details(await renderNotice(input('whatsapp', 'de')));
    expect(text).toContain(
      'in die USA, das Vereinigte Königreich und nach Singapur auf Grundlage von Standardvertragsklauseln',
    );
    expect(text).toContain('nach Israel auf Grundlage eines Angemessenheitsbeschlusses');
    expect(text).toContain('Nichtigkeitsklage dagegen am 3. September 2025 abgewiesen (T-553/23)');
    expect(text).toContain('des EU-US Data Privacy Frameworks');
    expect(text).not.toMatch(/bestätigt/);
  });

  it('Meta: other countries and its policy linked; Viber: BCRs and Russia; Threema: push; LINE: Korea/USA', async () => {
    const messenger = await renderNotice(input('messenger', 'de'));
    expect(details(messenger)).toContain('u. a. in weitere Länder');
    expect(messenger.text).toContain('https://www.facebook.com/privacy/policy');
    const viber = details(await renderNotice(input('viber', 'de')));
    expect(viber).toContain('verbindlicher interner Datenschutzvorschriften (Art. 47 DSGVO)');
    expect(viber).toContain('Für Russland gibt es keinen Angemessenheitsbeschluss.');
    expect(details(await renderNotice(input('threema', 'de')))).toContain(
      'Push-Benachrichtigungen laufen über Google oder Apple (USA)',
    );
    expect(details(await renderNotice(input('line', 'en')))).toContain(
      'South Korea (adequacy decision) and the USA',
    );
  });

  it('processors: one line each, the preset with its DPF transfer', async () => {
    const notice = await renderNotice(input('whatsapp', 'de'));
    expect(first(notice)).toContain('Außerdem arbeiten Dienstleister für uns (Details).');
    const lines = notice.secondLayer.map((block) => block.text);
    expect(lines).toContain('Hoster GmbH, Deutschland: Hosting, in unserem Auftrag (Art. 28 DSGVO).');
    expect(
      lines.some((line) =>
        line.startsWith('WhatsApp Ireland Limited (Meta), Irland: Betrieb der WhatsApp Cloud API'),
      ),
    ).toBe(true);
  });

  it('English: "by email", "Open email app", EU/EEA, headings capitalised', async () => {
    const email = await renderNotice(input('email', 'en'));
    expect(email.title).toBe('News from Firma GmbH by email');
    expect(email.confirmLabel).toBe('Open email app');
    expect(email.text).not.toContain('e-mail');
    const whatsapp = await renderNotice(input('whatsapp', 'en'));
    expect(whatsapp.text).toContain('EU/EEA');
    for (const block of whatsapp.secondLayer) if (block.heading) expect(block.heading).toMatch(/^[A-Z]/);
    expect((await renderNotice(input('whatsapp', 'de'))).text).toContain('EU/EWR');
  });
});

describe('renderWithdrawNotice', () => {
  it.each(everyChannelAndLocale)(
    '$channel.$locale: says which message to send where',
    async ({ channel, locale }) => {
      const notice = await renderWithdrawNotice(input(channel, locale));
      expect(notice.id).toBe(`${channel}.${locale}.withdraw.v${notice.version}`);
      expect(notice.text).toContain(bot(channel) ? 'START' : 'Stop News Firma GmbH');
      expect(notice.confirmLabel.toLowerCase().replace(/\W/g, '')).toContain(
        channelMeta[channel].name.toLowerCase().replace(/\W/g, ''),
      );
      expect(notice.secondLayer).toEqual([]);
      expect(notice.text).not.toMatch(/undefined|\{[A-Za-z]+\}| {2}| [.,;:]|\.\./);
    },
  );
});

describe('renderNotice: input errors', () => {
  it('rejects an unknown channel and a javascript: link', async () => {
    await expect(renderNotice({ ...input(), channel: 'fax' as ChannelType })).rejects.toThrow(
      /"fax" is not a known channel/,
    );
    await expect(renderNotice({ ...input(), privacyPolicy: 'javascript:alert(1)' })).rejects.toThrow(
      TypeError,
    );
    await expect(renderNotice({ ...input(), unsubscribeUrl: 'javascript:alert(1)' })).rejects.toThrow(
      /unsubscribeUrl/,
    );
  });

  it('keeps markup in values as literal text and falls back to English', async () => {
    const notice = await renderNotice({ ...input(), company: '<script>alert(1)</script>' });
    expect(notice.title).toBe('News von <script>alert(1)</script> über WhatsApp');
    expect((await renderNotice(input('whatsapp', 'fr-FR'))).id).toMatch(/^whatsapp\.en\.v\d+$/);
  });
});
