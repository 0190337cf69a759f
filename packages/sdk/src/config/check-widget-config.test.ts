import { describe, expect, it } from 'vitest';
import { parseWidgetConfig } from '../schema/widget-config.js';
import { checkWidgetConfig } from './check-widget-config.js';

/** 54 characters, well under the 100 allowed, but its payload leaves no room for the code. */
const long = 'Muster Handelsgesellschaft für Bürobedarf mbH & Co. KG';

const valid = {
  company: 'Firma GmbH',
  channels: [{ type: 'whatsapp', phone: '+49 170 1234567' }],
  privacyPolicy: 'https://firma.de/datenschutz',
  purpose: 'News',
};

/** The issues of `input` as "path → message" lines, from the checker; the zod schema must agree. */
function issues(input: unknown): string[] {
  const result = checkWidgetConfig(input);
  expect(result).toStrictEqual(parseWidgetConfig(input));
  return result.ok ? [] : result.issues.map(({ message }) => message);
}

// Readable examples of the rules where the exact behaviour is easy to get wrong; the property test
// (check-widget-config.property.test.ts) covers the rest.
describe('checkWidgetConfig', () => {
  it('keeps an option written as undefined, and leaves out one not written', () => {
    const result = checkWidgetConfig({ ...valid, endpoint: undefined, keyword: undefined });
    expect(result).toStrictEqual(parseWidgetConfig({ ...valid, endpoint: undefined, keyword: undefined }));
    expect(result.ok && Object.keys(result.config)).toEqual([
      'company',
      'channels',
      'privacyPolicy',
      'endpoint',
      'keyword',
      'withdrawKeyword',
      'purpose',
      'advertising',
      'retentionYears',
      'unconfirmedDays',
      'minAge',
      'referenceLength',
      'layout',
      'requireCheckbox',
      'reference',
      'impressions',
    ]);
  });

  it.each([
    // Lengths count Unicode code points: 60 emoji are a fine label.
    [{ channels: [{ ...valid.channels[0], label: '😀'.repeat(60) }] }, []],
    [
      { channels: [{ ...valid.channels[0], label: '😀'.repeat(61) }] },
      ['channels[0].label: is too long (at most 60 characters)'],
    ],
    // A text that is too long and only spaces breaks both rules.
    [
      { keyword: ' '.repeat(51) },
      [
        'keyword: is too long (at most 50 characters)',
        'keyword: is empty; write some text or leave the option out',
      ],
    ],
    // A list given for a text is measured too (as zod measures anything with a length).
    [
      { purpose: Array(61).fill('x') },
      ['purpose: must be text, not a list', 'purpose: has too many entries (at most 60)'],
    ],
    [
      { channels: '' },
      ['channels: must be a list, not text ""', 'channels: is too short (at least 1 characters)'],
    ],
    // Eleven channels are refused as a whole; the broken one among them is not read.
    [
      { channels: [{ type: 'fax' }, ...Array(10).fill(valid.channels[0])] },
      ['channels: has too many entries (at most 10)'],
    ],
    // Issues come in option order, unknown options last.
    [
      { layout: 'sidebar', company: 5, colour: 'red', size: 2 },
      [
        'company: must be text, not number 5',
        'layout: "sidebar" is not allowed; use "inline" or "floating"',
        'unknown options "colour", "size"; remove them or check the spelling',
      ],
    ],
    // The links are built only when every field is valid.
    [
      {
        company: '株式会社',
        keyword: 'スタート',
        reference: 'none',
        channels: [{ type: 'telegram', username: 'firma_bot', x: 1 }],
      },
      ['channels[0]: unknown option "x"; remove it or check the spelling'],
    ],
    // The bot payload is cut at 64 characters and the reference code comes last: a long company
    // would cut it off, and every visitor would send the same payload.
    [
      { company: long, keyword: 'Start News', channels: [{ type: 'telegram', username: 'firma_news_bot' }] },
      [
        'channels[0]: with company "Muster Handelsgesellschaft für Bürobedar…": the Telegram payload is cut at 64 characters and would lose the reference code; shorten company or keyword',
      ],
    ],
    [
      {
        company: long,
        keyword: 'Start News',
        reference: 'none',
        channels: [{ type: 'telegram', username: 'firma_news_bot' }],
      },
      [],
    ],
    // Only channels with a payload; a user account gets the message as text.
    [
      {
        company: long,
        channels: [
          { type: 'whatsapp', phone: '+49 170 1234567' },
          { type: 'telegram', username: 'firma_news' },
          { type: 'messenger', page: 'firma.news' },
          { type: 'instagram', username: 'firma' },
          { type: 'viber', uri: 'firma' },
        ],
      },
      [2, 3, 4].map(
        (index) =>
          `channels[${index}]: with company "Muster Handelsgesellschaft für Bürobedar…": the ${['Messenger', 'Instagram', 'Viber'][index - 2]} payload is cut at 64 characters and would lose the reference code; shorten company or keyword`,
      ),
    ],
    // "Start_News_" and the company's 46 payload characters ("ü" is "ue") leave room for "_" and a
    // 6-character code; one more cuts the code.
    [{ company: 'Bürobedarf'.padEnd(45, 'x'), channels: [{ type: 'messenger', page: 'firma' }] }, []],
    [
      { company: 'Bürobedarf'.padEnd(46, 'x'), channels: [{ type: 'messenger', page: 'firma' }] },
      [
        'channels[0]: with company "Bürobedarfxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…": the Messenger payload is cut at 64 characters and would lose the reference code; shorten company or keyword',
      ],
    ],
    // The withdraw message carries no code, so a long withdraw keyword only has to fit the link.
    [
      {
        company: long,
        withdrawKeyword: 'Abmelden von allen Nachrichten',
        channels: [{ type: 'viber', uri: 'firma' }],
      },
      [
        'channels[0]: with company "Muster Handelsgesellschaft für Bürobedar…": the Viber payload is cut at 64 characters and would lose the reference code; shorten company or keyword',
      ],
    ],
    [
      {
        company: 'Muster Handelsgesellschaft',
        withdrawKeyword: 'Abmelden von allen Nachrichten und Angeboten',
        channels: [{ type: 'viber', uri: 'firma' }],
      },
      [],
    ],
    [{ texts: ['Hallo'] }, ['texts: must be an object, not a list']],
    [{ texts: { headline: 7, 'notice.title': 'Hi' } }, ['texts.headline: must be text, not number 7']],
    // A channel type that cannot even be turned into text still gets a sentence.
    [
      { channels: [{ type: Object.create(null) as object }] },
      [
        'channels[0].type: "[object Object]" is not a known channel; use one of whatsapp, telegram, messenger, instagram, viber, threema, signal, sms, line, email',
      ],
    ],
    [
      { channels: [null, undefined] },
      ['channels[0]: must be an object, not null', 'channels[1]: is required'],
    ],
  ])('%#: %j', (change, expected) => {
    expect(issues({ ...valid, ...change })).toEqual(expected);
  });

  it('names a symbol key of texts (only possible from code)', () => {
    expect(issues({ ...valid, texts: { [Symbol('x')]: 'Hi' } })).toEqual([
      'texts.Symbol(x): must be a text key, not symbol Symbol(x)',
    ]);
  });
});
