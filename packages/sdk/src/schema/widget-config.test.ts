import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { channelTypes } from '../channels/index.js';
import { channelConfigSchema } from './channels.js';
import { formatIssues, formatPath } from './issues.js';
import { checkWidgetConfig } from '../config/check-widget-config.js';
import { parseWidgetConfig, widgetConfigSchema } from './widget-config.js';

const valid = {
  company: 'Firma GmbH',
  channels: [{ type: 'whatsapp', phone: '+49 170 1234567' }],
  privacyPolicy: 'https://firma.de/datenschutz',
  purpose: 'News',
};
const provider = { name: 'Versand AG', country: 'DE', transfer: 'Keine Übermittlung in Drittländer.' };

// The same examples for the zod schema and for the zod-free checker the widget uses.
describe.each([
  ['parseWidgetConfig', parseWidgetConfig],
  ['checkWidgetConfig', checkWidgetConfig],
])('%s', (_, parseWidgetConfig) => {
  /** The messages of a config with one change, by path. */
  function problems(input: unknown): Record<string, string> {
    const result = parseWidgetConfig(input);
    if (result.ok) throw new Error('expected the config to be refused');
    return Object.fromEntries(result.issues.map(({ path, message }) => [path, message]));
  }

  it('accepts a minimal config and fills in the defaults', () => {
    const result = parseWidgetConfig(valid);
    expect(result).toEqual({
      ok: true,
      config: {
        ...valid,
        keyword: 'Start {purpose}',
        withdrawKeyword: 'Stop {purpose}',
        layout: 'inline',
        requireCheckbox: false,
        reference: 'code',
        impressions: false,
        advertising: true,
        retentionYears: 3,
        unconfirmedDays: 30,
        minAge: 16,
        referenceLength: 6,
      },
    });
  });

  it('accepts every option and all ten channels', () => {
    const config = {
      ...valid,
      channels: [
        { type: 'whatsapp', phone: '0049 170 1234567', label: 'Chat' },
        { type: 'telegram', username: 'firma_news_bot' },
        { type: 'messenger', page: 'firma.news' },
        { type: 'instagram', username: 'firma' },
        { type: 'viber', uri: 'firma' },
        { type: 'threema', id: '*FIRMA01' },
        { type: 'signal', phone: '+49 170 1234567' },
        { type: 'sms', phone: '+49 170 1234567', provider },
        { type: 'line', id: '@firma' },
        {
          type: 'email',
          address: 'news@firma.de',
          provider: { ...provider, transfer: { de: 'Keine.', en: 'None.' } },
        },
      ],
      endpoint: '/v1/events',
      keyword: 'Start News',
      withdrawKeyword: 'Stop News',
      purpose: 'News',
      controller: 'Firma GmbH, Hauptstr. 1, 10115 Berlin, datenschutz@firma.de',
      lang: 'de',
      layout: 'floating',
      requireCheckbox: true,
      reference: 'none',
      impressions: true,
      texts: { headline: 'Newsletter per Messenger' },
      advertising: 'Fahrräder und Zubehör',
      frequency: 'etwa einmal pro Woche',
      dpo: 'dsb@firma.de',
      privacyPolicyVersion: '1. März 2026',
      unsubscribeUrl: 'https://firma.de/abmelden',
      processors: [
        { preset: 'whatsapp-cloud-api' },
        { name: 'Hoster GmbH', role: 'Hosting', country: 'DE' },
        { name: 'Cloud Inc.', role: { de: 'Hosting', en: 'hosting' }, country: 'US', transfer: 'EU-US DPF' },
      ],
      retentionYears: 5,
      unconfirmedDays: 14,
      minAge: 18,
      referenceLength: 8,
    };
    expect(parseWidgetConfig(config)).toEqual({ ok: true, config });
  });

  it('names the channel path and says how to write the phone number', () => {
    const input = { ...valid, channels: [valid.channels[0], { type: 'whatsapp', phone: '0170 123' }] };
    const result = parseWidgetConfig(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.path).toBe('channels[1].phone');
    // The example of docs/architecture.md#rules-every-part-keeps, to the letter.
    expect(result.issues[0]!.message).toBe(
      'channels[1].phone: "0170 123" has no country code; write it as +49 170 123…',
    );
  });

  it.each([
    [
      'javascript:alert(1)',
      'privacyPolicy: "javascript:alert(1)" is a javascript: URL, but only http(s) links are allowed',
    ],
    ['JavaScript:alert(1)', 'is a javascript: URL'],
    ['data:text/html,hi', 'is a data: URL'],
    ['/datenschutz', 'privacyPolicy: "/datenschutz" is not a full URL; write it with https://'],
    ['firma.de/datenschutz', 'is not a full URL'],
  ])('refuses %j as privacy policy', (privacyPolicy, message) => {
    expect(problems({ ...valid, privacyPolicy }).privacyPolicy).toContain(message);
  });

  it.each(['https://consent.firma.de/v1/events', 'http://localhost:8787/v1/events', '/v1/events'])(
    'accepts %j as endpoint',
    (endpoint) => {
      expect(parseWidgetConfig({ ...valid, endpoint }).ok).toBe(true);
    },
  );

  it.each([
    ['javascript:void(0)', 'is a javascript: URL'],
    ['//consent.firma.de/v1/events', 'leaves out the scheme'],
    ['consent', 'is not a full URL'],
  ])('refuses %j as endpoint', (endpoint, message) => {
    expect(problems({ ...valid, endpoint }).endpoint).toContain(message);
  });

  it('says what a missing required option is', () => {
    expect(problems({})).toEqual({
      company: 'company: is required; write the business name, e.g. "Firma GmbH"',
      channels: expect.stringMatching(
        /^channels: is required; list the channels, e\.g\. \[\{ "type": "whatsapp"/,
      ),
      privacyPolicy: 'privacyPolicy: is required; link your privacy policy, e.g. https://example.com/privacy',
      purpose:
        'purpose: is required; write what the visitor subscribes to, e.g. "News" or "Angebote"; the consent covers exactly that',
    });
  });

  it('refuses an empty company', () => {
    expect(problems({ ...valid, company: '  ' }).company).toBe(
      'company: is empty; write the business name, e.g. "Firma GmbH"',
    );
  });

  it('names an unknown channel and lists the known ones', () => {
    expect(problems({ ...valid, channels: [{ type: 'xyz', phone: '+49 170 1234567' }] })).toEqual({
      'channels[0].type':
        'channels[0].type: "xyz" is not a known channel; use one of whatsapp, telegram, messenger, instagram, viber, threema, signal, sms, line, email',
    });
    expect(problems({ ...valid, channels: [{ phone: '+49 170 1234567' }] })['channels[0].type']).toMatch(
      /^channels\[0\]\.type: is required; use one of whatsapp, /,
    );
  });

  it('wants 1 to 10 channels', () => {
    expect(problems({ ...valid, channels: [] }).channels).toBe('channels: needs at least 1 entry');
    const eleven = Array.from({ length: 11 }, () => valid.channels[0]);
    expect(problems({ ...valid, channels: eleven }).channels).toBe(
      'channels: has too many entries (at most 10)',
    );
  });

  it('points at misspelled options', () => {
    expect(problems({ ...valid, requireCheckBox: true })['']).toBe(
      'unknown option "requireCheckBox"; remove it or check the spelling',
    );
    expect(
      problems({ ...valid, channels: [{ type: 'whatsapp', phone: '+49 170 1234567', phon: 'x' }] })[
        'channels[0]'
      ],
    ).toBe('channels[0]: unknown option "phon"; remove it or check the spelling');
  });

  it('explains wrong types and values', () => {
    expect(problems({ ...valid, layout: 'sidebar' }).layout).toBe(
      'layout: "sidebar" is not allowed; use "inline" or "floating"',
    );
    expect(problems({ ...valid, requireCheckbox: 'yes' }).requireCheckbox).toBe(
      'requireCheckbox: must be true or false, not text "yes"',
    );
    expect(
      problems({ ...valid, channels: [{ type: 'sms', phone: 491701234567, provider }] })['channels[0].phone'],
    ).toBe('channels[0].phone: must be text, not number 491701234567');
    expect(problems({ ...valid, lang: 'deutsch!' }).lang).toBe(
      'lang: is not a language tag; write e.g. "de" or "en"',
    );
    expect(problems('not json')['']).toBe('must be an object, not text "not json"');
  });

  it('refuses a company name that leaves a bot no payload, naming the channel', () => {
    const input = {
      ...valid,
      company: '株式会社',
      keyword: 'スタート',
      reference: 'none',
      channels: [{ type: 'telegram', username: 'firma_bot' }],
    };
    expect(problems(input)).toEqual({
      'channels[0]':
        'channels[0]: with company "株式会社": "スタート 株式会社" has no letters or digits A-Z 0-9 for the bot payload; add some, e.g. "Start"',
    });
  });

  it('refuses a company name so long that the link would reach 2,000 characters', () => {
    // "€" is 9 characters once encoded; the mail link carries the message twice (subject and body).
    const input = {
      ...valid,
      company: '€'.repeat(100),
      keyword: '€'.repeat(50),
      channels: [{ type: 'email', address: 'a@firma.de', provider }],
    };
    expect(problems(input)['channels[0]']).toMatch(/must stay under 2000; shorten the message/);
  });

  it('wants the SMS and e-mail provider, and refuses placeholders for it', () => {
    expect(
      problems({ ...valid, channels: [{ type: 'sms', phone: '+49 170 1234567' }] })['channels[0].provider'],
    ).toMatch(/^channels\[0\]\.provider: is required: the notice names your SMS or e-mail provider/);
    const noTransfer = problems({
      ...valid,
      channels: [
        { type: 'email', address: 'a@firma.de', provider: { name: 'Mail AG', country: 'Deutschland' } },
      ],
    });
    expect(noTransfer['channels[0].provider.country']).toContain('is not a two-letter country code');
    expect(noTransfer['channels[0].provider.transfer']).toContain('is required');
  });

  it('checks processors: a transfer outside the EU/EEA, known presets, no unknown fields', () => {
    const found = problems({
      ...valid,
      processors: [
        { name: 'Cloud Inc.', role: 'Hosting', country: 'US' },
        { preset: 'whatsapp' },
        { name: 'X', role: 'Y', country: 'DE', extra: 1 },
      ],
    });
    expect(found['processors[0].transfer']).toMatch(/is required for a processor outside the EU\/EEA \(US\)/);
    expect(found['processors[1].preset']).toContain('"whatsapp" is not allowed; use "whatsapp-cloud-api"');
    expect(found['processors[2]']).toContain('unknown option "extra"');
  });

  it('checks advertising and the whole-number options', () => {
    expect(problems({ ...valid, advertising: 1 }).advertising).toMatch(/must be true, false or the text/);
    expect(problems({ ...valid, referenceLength: 3 }).referenceLength).toBe(
      'referenceLength: must be from 4 to 8, not 3',
    );
    expect(problems({ ...valid, retentionYears: 2.5 }).retentionYears).toBe(
      'retentionYears: must be a whole number from 1 to 30, not 2.5',
    );
    expect(problems({ ...valid, purpose: ' ' }).purpose).toContain('is empty');
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, [], { channels: 'whatsapp' }, { channels: [null] }])
      expect(parseWidgetConfig(input).ok).toBe(false);
  });
});

describe('channel schemas', () => {
  it.each(channelTypes)('know the registered channel %s', (type) => {
    const result = z.safeParse(channelConfigSchema, { type }, { error: () => 'generic' });
    expect(result.success).toBe(false);
    const messages = formatIssues(result.error!.issues).map((issue) => issue.message);
    expect(messages.join('\n')).not.toContain('is not a known channel');
    expect(messages.some((message) => / is required$| generic$/.test(message))).toBe(true);
  });

  it('check fields with the same parser as deepLink', () => {
    expect(z.safeParse(channelConfigSchema, { type: 'whatsapp', phone: '+49 170 1234567' }).success).toBe(
      true,
    );
    const result = z.safeParse(channelConfigSchema, { type: 'threema', id: 'abc' });
    expect(result.success).toBe(false);
    expect(formatIssues(result.error!.issues)).toEqual([
      { path: 'id', message: expect.stringContaining('id: "abc" is not a Threema ID') },
    ]);
  });

  it('keep the written value (deepLink normalizes it)', () => {
    const parsed = z.parse(channelConfigSchema, { type: 'threema', id: 'abcd1234' });
    expect(parsed).toEqual({ type: 'threema', id: 'abcd1234' });
  });
});

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['company'], 'company'],
    [['channels', 1, 'phone'], 'channels[1].phone'],
    [['texts', 'notice.title'], 'texts.notice.title'],
  ] as const)('writes %j as %j', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('widgetConfigSchema', () => {
  it('is a zod/mini schema usable directly', () => {
    expect(z.safeParse(widgetConfigSchema, valid).success).toBe(true);
  });
});
