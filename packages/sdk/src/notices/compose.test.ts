import { describe, expect, it } from 'vitest';
import { composeNotice, noticeText, type ChannelFacts } from './compose.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import type { NoticeInput, NoticeTemplates, NoticeTextKey } from './types.js';

const whatsapp: ChannelFacts = {
  name: 'WhatsApp',
  prefill: 'text',
  provider: {
    provider: {
      en: 'WhatsApp Ireland Limited, Dublin, Ireland',
      de: 'WhatsApp Ireland Limited, Dublin, Irland',
    },
    transfer: {
      en: 'Data also goes to the USA under the EU-US Data Privacy Framework.',
      de: 'Daten gehen auch in die USA, auf Grundlage des EU-US Data Privacy Framework.',
    },
    identifier: { en: 'your phone number', de: 'Ihre Telefonnummer' },
  },
};
const signal: ChannelFacts = { ...whatsapp, name: 'Signal', prefill: 'none' };

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
const { purpose: _purpose, controller: _controller, ...bare } = input;

describe('composeNotice', () => {
  it('says who sends what, and that sending the message is the consent (Meta opt-in rule)', () => {
    const notice = composeNotice(de, input, whatsapp);
    expect(notice.title).toBe('News von Firma über WhatsApp');
    expect(notice.firstLayer[0]?.text).toBe(
      'Sie erhalten News von Firma über WhatsApp. Mit dem Senden der Nachricht willigen Sie ein, Nachrichten von Firma zu erhalten.',
    );
    expect(composeNotice(en, { ...input, locale: 'en' }, whatsapp).firstLayer[0]?.text).toBe(
      'You will get News from Firma via WhatsApp. By sending the message, you agree to receive messages from Firma.',
    );
  });

  it('puts the exact message and the identifier into what happens', () => {
    const notice = composeNotice(en, input, whatsapp);
    expect(notice.firstLayer[1]?.text).toBe(
      'WhatsApp opens with the message "Start News Firma K7Q2". Only when you send it do we receive your phone number; then we can write to you.',
    );
  });

  it('asks the visitor to send the shown message themselves where the link cannot prefill it', () => {
    const notice = composeNotice(de, { ...input, channel: 'signal' }, signal);
    expect(notice.firstLayer[1]?.text).toBe(
      'Signal öffnet sich. Senden Sie dort selbst die Nachricht „Start News Firma K7Q2“; Sie können sie hier kopieren. Erst wenn Sie sie senden, erhalten wir Ihren Signal-Profilnamen und, wenn Sie sie teilen, Ihre Telefonnummer; dann können wir Ihnen schreiben.',
    );
  });

  it('follows the prefill the deep link reported (Telegram bots take a payload, people text)', () => {
    const telegram: ChannelFacts = { ...whatsapp, name: 'Telegram', prefill: 'text' };
    const asBot = composeNotice(en, { ...input, channel: 'telegram', prefill: 'payload' }, telegram);
    const asPerson = composeNotice(en, { ...input, channel: 'telegram', prefill: 'text' }, telegram);
    expect(asBot.firstLayer[1]?.text).toMatch(
      /^Telegram opens\. Send the message "Start News Firma K7Q2" there yourself/,
    );
    expect(asPerson.firstLayer[1]?.text).toMatch(
      /^Telegram opens with the message "Start News Firma K7Q2"\./,
    );
  });

  it('names the provider and the transfer in the first layer', () => {
    const notice = composeNotice(en, input, whatsapp);
    expect(notice.firstLayer[2]?.text).toBe(
      'The provider of WhatsApp also processes your data: WhatsApp Ireland Limited, Dublin, Ireland. Data also goes to the USA under the EU-US Data Privacy Framework.',
    );
  });

  it('explains the Data Privacy Framework, from one sentence per locale, where a transfer relies on it', () => {
    const english = composeNotice(en, input, whatsapp);
    expect(english.secondLayer).toContainEqual({ heading: 'Transfers to the USA', text: en.texts.dpf });
    const german = composeNotice(de, input, whatsapp);
    expect(german.secondLayer).toContainEqual({ heading: 'Übermittlung in die USA', text: de.texts.dpf });
    const elsewhere: ChannelFacts = {
      ...whatsapp,
      provider: {
        ...whatsapp.provider,
        transfer: { en: 'Stays in Switzerland.', de: 'Bleibt in der Schweiz.' },
      },
    };
    expect(composeNotice(en, input, elsewhere).text).not.toContain(en.texts.dpf);
  });

  it('lets a locale phrase provider facts in its own grammar, and the site owner override both', () => {
    // de.ts says "Ihre Telefonnummer" whatever the channel file says.
    const informal: ChannelFacts = {
      ...whatsapp,
      provider: { ...whatsapp.provider, identifier: { en: 'your number', de: 'deine Telefonnummer' } },
    };
    expect(composeNotice(de, input, informal).firstLayer[1]?.text).toContain(
      'erhalten wir Ihre Telefonnummer;',
    );
    const overridden = composeNotice(de, { ...input, overrides: { identifier: 'Ihre Nummer' } }, informal);
    expect(overridden.firstLayer[1]?.text).toContain('erhalten wir Ihre Nummer;');
  });

  it('says how to stop and links the privacy policy', () => {
    const notice = composeNotice(de, input, whatsapp);
    expect(notice.firstLayer[3]?.text).toBe(
      'Abmelden geht jederzeit: Senden Sie „Stop News Firma“ über WhatsApp oder melden Sie sich hier ab.',
    );
    expect(notice.firstLayer[4]?.link).toEqual({
      label: 'Datenschutzerklärung',
      href: 'https://firma.example/datenschutz',
    });
  });

  it('reads well without purpose and controller', () => {
    const german = composeNotice(de, bare, whatsapp);
    expect(german.title).toBe('Nachrichten von Firma über WhatsApp');
    expect(german.firstLayer[0]?.text).toMatch(/^Sie erhalten Nachrichten von Firma über WhatsApp\. /);
    expect(german.secondLayer[0]).toEqual({
      heading: 'Verantwortlich',
      text: 'Firma. Anschrift und Kontakt finden Sie in der Datenschutzerklärung.',
    });
    expect(german.checkboxLabel).toBe(
      'Ich habe den Hinweis gelesen und möchte Nachrichten von Firma über WhatsApp erhalten.',
    );

    const english = composeNotice(en, { ...bare, locale: 'en' }, whatsapp);
    expect(english.title).toBe('Messages from Firma via WhatsApp');
    expect(english.firstLayer[0]?.text).toMatch(/^You will get messages from Firma via WhatsApp\. /);
    expect(english.secondLayer[0]?.text).toBe(
      'Firma. The address and contact details are in the privacy policy.',
    );
    for (const notice of [german, english])
      expect(notice.text).not.toMatch(/undefined|\{|\}| {2}| [.,;:]|\.\./);
  });

  it('treats a blank purpose or controller as missing', () => {
    const notice = composeNotice(de, { ...input, purpose: '  ', controller: '' }, whatsapp);
    expect(notice.title).toBe('Nachrichten von Firma über WhatsApp');
    expect(notice.secondLayer[0]?.text).toMatch(/Datenschutzerklärung\.$/);
  });

  it('shows the configured controller', () => {
    expect(composeNotice(de, input, whatsapp).secondLayer[0]?.text).toBe(input.controller);
  });

  it('covers legal basis, data, storage, rights and that signing up is voluntary', () => {
    const text = composeNotice(de, input, whatsapp).text;
    for (const required of [
      'Art. 6 Abs. 1 lit. a DSGVO',
      '§ 7 Abs. 2 UWG',
      'Ihre Telefonnummer',
      'Profilname',
      'Inhalt Ihrer Nachrichten',
      'Zustelldaten',
      'Nachweis Ihrer Einwilligung',
      'Bis Sie Ihre Einwilligung widerrufen',
      'Auskunft',
      'Löschung',
      'Datenübertragbarkeit',
      'Widerspruch',
      'Aufsichtsbehörde',
      'freiwillig',
      'kein Adressbuch',
    ])
      expect(text).toContain(required);
    const english = composeNotice(en, input, whatsapp).text;
    for (const required of [
      'GDPR Art. 6(1)(a)',
      'UWG § 7(2)',
      'erasure',
      'portability',
      'objection',
      'supervisory authority',
      'voluntary',
      'no address book',
    ])
      expect(english).toContain(required);
  });

  it('lets the site owner replace any text by key, still filling placeholders', () => {
    const notice = composeNotice(
      de,
      {
        ...input,
        overrides: {
          stop: 'Schluss mit „{withdrawMessage}“, Ihr {company}-Team.',
          confirmLabel: 'Los: {channel}',
        },
      },
      whatsapp,
    );
    expect(notice.firstLayer[3]?.text).toBe('Schluss mit „Stop News Firma“, Ihr Firma-Team.');
    expect(notice.confirmLabel).toBe('Los: WhatsApp');
    expect(notice.text).toContain('Schluss mit „Stop News Firma“, Ihr Firma-Team.');
  });

  it('prefers a channel-specific override and lets provider facts be overridden', () => {
    const notice = composeNotice(
      en,
      {
        ...input,
        overrides: {
          stop: 'general',
          'whatsapp.stop': 'only WhatsApp',
          providerName: 'Our own gateway',
          transfer: 'Stays in the EU.',
        },
      },
      whatsapp,
    );
    expect(notice.firstLayer[3]?.text).toBe('only WhatsApp');
    expect(notice.firstLayer[2]?.text).toBe(
      'The provider of WhatsApp also processes your data: Our own gateway. Stays in the EU.',
    );
  });

  it('ignores blank and non-string overrides instead of dropping a statement', () => {
    const plain = composeNotice(de, input, whatsapp);
    const overrides = { rights: '  ', voluntary: 42 as unknown as string, stop: '' };
    expect(composeNotice(de, { ...input, overrides }, whatsapp).text).toBe(plain.text);
  });

  it('inserts values as literal text: no HTML, no second placeholder pass', () => {
    const notice = composeNotice(
      en,
      { ...input, company: '<script>alert(1)</script> & {message}', purpose: '<b>News</b>' },
      whatsapp,
    );
    expect(notice.title).toBe('<b>News</b> from <script>alert(1)</script> & {message} via WhatsApp');
    expect(notice.text).toContain('messages from <script>alert(1)</script> & {message}.');
    expect(notice.text).not.toContain('&amp;');
  });

  it('refuses a privacy policy that is not an http(s) URL', () => {
    expect(() => composeNotice(en, { ...input, privacyPolicy: 'javascript:alert(1)' }, whatsapp)).toThrow(
      /privacyPolicy: .* must start with https:\/\/ or http:\/\//,
    );
    expect(() => composeNotice(en, { ...input, privacyPolicy: '/datenschutz' }, whatsapp)).toThrow(
      /not an absolute URL/,
    );
  });

  it.each(['company', 'message', 'withdrawMessage'] as const)(
    'refuses a blank %s instead of rendering a gap',
    (key) => {
      expect(() => composeNotice(de, { ...input, [key]: ' ' }, whatsapp)).toThrow(
        new RegExp(`^${key}: is required`),
      );
    },
  );

  it('versions the notice by channel, locale and template version', () => {
    expect(composeNotice(de, input, whatsapp)).toMatchObject({
      id: `whatsapp.de.v${de.version}`,
      locale: 'de',
      version: de.version,
    });
    expect(composeNotice(en, input, whatsapp, 'withdraw').id).toBe(`whatsapp.en.withdraw.v${en.version}`);
  });

  it('has text = title and every block in order, exactly as shown', () => {
    const notice = composeNotice(de, input, whatsapp);
    const blocks = [...notice.firstLayer, ...notice.secondLayer];
    expect(notice.text).toBe(noticeText(notice.title, blocks));
    expect(notice.text.startsWith(`${notice.title}\n\n${notice.firstLayer[0]?.text}\n\n`)).toBe(true);
    expect(notice.text).toContain('Datenschutzerklärung: https://firma.example/datenschutz');
    expect(notice.text.endsWith(notice.secondLayer.at(-1)?.text ?? '-')).toBe(true);
    let from = 0;
    for (const block of blocks) {
      const at = notice.text.indexOf(block.text, from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at + block.text.length;
    }
  });

  it('normalizes values to NFC so the same visible text gives the same notice', () => {
    const nfd = composeNotice(de, { ...input, company: 'Mu\u0308ller' }, whatsapp);
    const nfc = composeNotice(de, { ...input, company: 'M\u00fcller' }, whatsapp);
    expect(nfd.text).toBe(nfc.text);
  });

  it('writes a short withdraw notice', () => {
    const notice = composeNotice(en, input, whatsapp, 'withdraw');
    expect(notice.title).toBe('Unsubscribe from Firma via WhatsApp');
    expect(notice.firstLayer[0]?.text).toBe(
      'Send "Stop News Firma" via WhatsApp to unsubscribe. WhatsApp opens with this message. After that, Firma sends you no more messages via WhatsApp.',
    );
    expect(notice.secondLayer).toEqual([]);
    expect(notice.checkboxLabel).toBe('');
    expect(notice.confirmLabel).toBe('Open WhatsApp');
    expect(composeNotice(de, { ...input, channel: 'signal' }, signal, 'withdraw').firstLayer[0]?.text).toBe(
      'Senden Sie „Stop News Firma“ über Signal, um sich abzumelden. Signal öffnet sich; Sie können die Nachricht hier kopieren. Danach erhalten Sie von Firma keine Nachrichten mehr über Signal.',
    );
  });

  it('says "per SMS" and "Ihre SMS-App" in German', () => {
    const sms: ChannelFacts = { ...whatsapp, name: 'SMS' };
    const notice = composeNotice(de, { ...input, channel: 'sms' }, sms);
    expect(notice.firstLayer[0]?.text).toMatch(/^Sie erhalten News von Firma per SMS\./);
    expect(notice.firstLayer[1]?.text).toMatch(/^Ihre SMS-App öffnet sich mit der Nachricht/);
    expect(notice.confirmLabel).toBe('SMS öffnen');
  });
});

describe('templates', () => {
  const locales: NoticeTemplates[] = [de, en];
  const variants: Array<[NoticeInput, ChannelFacts, 'consent' | 'withdraw']> = [
    [input, whatsapp, 'consent'],
    [bare, whatsapp, 'consent'],
    [{ ...input, channel: 'signal' }, signal, 'consent'],
    [input, whatsapp, 'withdraw'],
    [{ ...input, channel: 'signal' }, signal, 'withdraw'],
  ];
  const everything = (templates: NoticeTemplates, [variant, facts, kind]: (typeof variants)[number]) => {
    const notice = composeNotice(templates, variant, facts, kind);
    return [notice.text, notice.checkboxLabel, notice.confirmLabel].join('\n');
  };

  it.each(locales)('$locale: has the same keys as English', (templates) => {
    expect(Object.keys(templates.texts).sort()).toEqual(Object.keys(en.texts).sort());
  });

  it.each(locales)('$locale: every text is shown somewhere, so changing it changes the hash', (templates) => {
    for (const key of Object.keys(templates.texts) as NoticeTextKey[]) {
      const changed: NoticeTemplates = {
        ...templates,
        texts: { ...templates.texts, [key]: `${templates.texts[key]} X` },
      };
      const differs = variants.some(
        (variant) => everything(changed, variant) !== everything(templates, variant),
      );
      expect(differs, key).toBe(true);
    }
  });
});
