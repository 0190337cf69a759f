/**
 * fast-check generators of widget configs for the equivalence test: valid configs, and the same
 * configs broken in the ways site owners (and fuzzers) break them.
 */
import fc from 'fast-check';
import { channels } from '../channels/index.js';
import { configKeys } from './option-names.js';

/** Values a field may be given instead of the right one. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    0,
    -0,
    42,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    '',
    ' ',
    '  \t ',
    'x'.repeat(61),
    'x'.repeat(101),
    '😀'.repeat(60),
    '😀'.repeat(61),
    '\uD800'.repeat(30),
    'x'.repeat(5001),
    [],
    [1, 2],
    Array.from({ length: 61 }, () => 'x'),
    Array.from({ length: 11 }, () => 'x'),
    {},
    { length: 200 },
    { length: 'x' },
    Object.create(null) as object,
    new Date(0),
    new Map(),
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,hi',
    'mailto:a@firma.de',
    '/datenschutz',
    '//consent.firma.de/v1/events',
    'firma.de/datenschutz',
    'https://firma.de/datenschutz',
    'http://localhost:8787/v1/events',
    'de',
    'en-GB',
    'deutsch!',
    'inline',
    'floating',
    'sidebar',
    'code',
    'none',
    'whatsapp',
    '0170 123',
    '+49 170 1234567',
    '@firma_news_bot',
    'abc',
    '*FIRMA01',
    'news@firma.de',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withSparseArray: true, withObjectString: true }),
);

/** The business's SMS or e-mail provider, as the notice names it. */
export const PROVIDER = { name: 'Versand AG', country: 'DE', transfer: 'Keine Übermittlung in Drittländer.' };
const validProvider = fc.constantFrom<unknown>(PROVIDER, {
  name: 'Mail Inc.',
  country: 'us',
  transfer: { de: 'Standardvertragsklauseln', en: 'standard contractual clauses' },
});

const validChannel = fc.oneof(
  fc.record({
    type: fc.constant('whatsapp'),
    phone: fc.constantFrom('+49 170 1234567', '0049 170 1234567', '+1 415 555 0100'),
  }),
  fc.record({ type: fc.constant('telegram'), username: fc.stringMatching(/^@?[A-Za-z][A-Za-z0-9_]{4,31}$/) }),
  fc.record({ type: fc.constant('messenger'), page: fc.stringMatching(/^[A-Za-z0-9.]{1,50}$/) }),
  fc.record({ type: fc.constant('instagram'), username: fc.stringMatching(/^[A-Za-z0-9._]{1,30}$/) }),
  fc.record({ type: fc.constant('viber'), uri: fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/) }),
  fc.record({
    type: fc.constant('threema'),
    id: fc.constantFrom('ABCD1234', 'abcd1234', '*FIRMA01', ' ABCD1234 '),
  }),
  fc.record({ type: fc.constant('signal'), phone: fc.constantFrom('+49 170 1234567', '+43 664 1234567') }),
  fc.record({
    type: fc.constant('sms'),
    phone: fc.constantFrom('+49 170 1234567', '+44 7700 900123'),
    provider: validProvider,
  }),
  fc.record({ type: fc.constant('line'), id: fc.stringMatching(/^@?[A-Za-z0-9._-]{1,40}$/) }),
  fc.record({
    type: fc.constant('email'),
    address: fc.constantFrom('news@firma.de', 'a+b@mail.firma.co.uk'),
    provider: validProvider,
  }),
);

const withLabel = fc
  .tuple(validChannel, fc.option(fc.string({ minLength: 1, maxLength: 60 }), { nil: undefined }))
  .map(([channel, label]) => (label === undefined ? channel : { ...channel, label }));

/** Text that passes the text rules, and text that makes bot payloads empty or links long. */
const someText = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: max }).filter((text) => text.trim() !== ''),
    fc.constantFrom('Start', 'Stop', 'Start News', 'スタート', '€'.repeat(Math.min(max, 50))),
  );

/** A config that passes every field rule (the link check may still refuse it). */
export const validConfig: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    company: fc.oneof(
      fc.constantFrom('Firma GmbH', 'Müller & Co', '株式会社', '€'.repeat(100)),
      someText(100),
    ),
    channels: fc.array(withLabel, { minLength: 1, maxLength: 10 }),
    privacyPolicy: fc.constantFrom('https://firma.de/datenschutz', 'http://localhost/privacy'),
    endpoint: fc.constantFrom('/v1/events', 'https://consent.firma.de/v1/events'),
    keyword: someText(50),
    withdrawKeyword: someText(50),
    purpose: someText(200),
    controller: someText(1000),
    lang: fc.constantFrom('de', 'en', 'en-GB', 'zh-Hant-TW'),
    layout: fc.constantFrom('inline', 'floating'),
    requireCheckbox: fc.boolean(),
    reference: fc.constantFrom('code', 'none'),
    impressions: fc.boolean(),
    texts: fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), { maxKeys: 4 }),
  },
  { requiredKeys: ['company', 'channels', 'privacyPolicy', 'purpose'] },
);

/** Where a mutation applies: the config itself, or one of its channels. */
type Mutation = (config: Record<string, unknown>) => unknown;

const someKey = fc.constantFrom(
  // Every option and every channel field, from the tables the checks read (nothing listed twice).
  ...configKeys,
  ...new Set(['type', 'label', 'provider', ...channels.flatMap((channel) => Object.keys(channel.fields))]),
  // Near misses and names that are no option at all.
  'requireCheckBox',
  'phon',
  '__proto__',
  'constructor',
);

/** Sets or deletes `key` on a copy of `target` (own property, also for `__proto__`). */
function withValue(target: unknown, key: string, value: unknown, remove: boolean): unknown {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return target;
  const copy: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  if (remove) delete copy[key];
  else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // One option or channel field: removed or set to something odd.
  fc
    .tuple(someKey, oddValue, fc.boolean(), fc.option(fc.nat(11), { nil: undefined }))
    .map(([key, value, remove, index]): Mutation => (config) => {
      if (index === undefined) return withValue(config, key, value, remove);
      const channels = config['channels'];
      if (!Array.isArray(channels) || index >= channels.length) return config;
      const copy = [...channels];
      copy[index] = withValue(copy[index], key, value, remove);
      return { ...config, channels: copy };
    }),
  // A channel replaced by something odd, or by a channel of another (or an unknown) type.
  fc
    .tuple(fc.nat(10), fc.oneof(oddValue, validChannel, fc.record({ type: oddValue, phone: oddValue })))
    .map(([index, channel]): Mutation => (config) => {
      const channels = Array.isArray(config['channels']) ? [...(config['channels'] as unknown[])] : [];
      channels[index] = channel;
      return { ...config, channels };
    }),
  // No channels, or too many.
  fc.constantFrom(0, 11, 12).map((length): Mutation => (config) => ({
    ...config,
    channels: Array.from({ length }, () => ({ type: 'sms', phone: '+49 170 1234567', provider: PROVIDER })),
  })),
  // Texts with odd values.
  fc
    .dictionary(fc.string({ maxLength: 8 }), oddValue, { maxKeys: 3 })
    .map((texts): Mutation => (config) => ({ ...config, texts })),
  // A company and keyword that leave a bot no payload, or make the links too long.
  fc.constantFrom<Mutation>(
    (config) => ({
      ...config,
      company: '株式会社',
      keyword: 'スタート',
      reference: 'none',
      channels: [{ type: 'telegram', username: 'firma_bot' }],
    }),
    (config) => ({
      ...config,
      company: '€'.repeat(100),
      keyword: '€'.repeat(50),
      channels: [{ type: 'email', address: 'a@firma.de', provider: PROVIDER }],
    }),
  ),
);

/** Values aimed at one option's own rules: near misses rather than wrong types. */
const texts = fc.oneof(
  fc.constantFrom('', ' ', '\n', 'x'.repeat(50), 'x'.repeat(51), '€'.repeat(101), '😀'.repeat(51), 'Start'),
  fc.string({ maxLength: 8 }),
);
const urls = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,hi',
    'ftp://firma.de/x',
    'mailto:a@firma.de',
    '/datenschutz',
    '//consent.firma.de/v1/events',
    '///x',
    'firma.de/datenschutz',
    'https://',
    'https://firma.de',
    'HTTP://FIRMA.DE/x',
    '',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 12 }),
);
const fieldValues = fc.oneof(
  fc.constantFrom(
    '0170 123',
    '+49 170',
    '+49 170 1234567 89012345',
    '+49 (0)170 123-4567',
    '+491701234567',
    'abc',
    '@',
    '@a',
    'firma',
    'fi',
    'firma_news_bot',
    '1firma',
    'a'.repeat(33),
    'a'.repeat(65),
    '*FIRMA01',
    '*FIRMA0',
    'ABCD123',
    'news@firma',
    'news@firma.de',
    'a b@firma.de',
    ' @firma ',
  ),
  fc.string({ maxLength: 10 }),
);
const targeted: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .tuple(fc.constantFrom('company', 'keyword', 'withdrawKeyword', 'purpose', 'controller'), texts)
    .map(([key, value]): Mutation => (config) => ({ ...config, [key]: value })),
  fc
    .tuple(fc.constantFrom('privacyPolicy', 'endpoint'), urls)
    .map(([key, value]): Mutation => (config) => ({ ...config, [key]: value })),
  fc
    .tuple(
      fc.constantFrom('layout', 'reference', 'lang'),
      fc.oneof(
        fc.constantFrom('inline', 'floating', 'code', 'none', 'Inline', 'de', 'de-DE', 'd', 'de_DE'),
        fc.string({ maxLength: 6 }),
      ),
    )
    .map(([key, value]): Mutation => (config) => ({ ...config, [key]: value })),
  fc
    .tuple(
      fc.nat(9),
      fc.constantFrom('phone', 'username', 'page', 'uri', 'id', 'address', 'label'),
      fieldValues,
    )
    .map(([index, key, value]): Mutation => (config) => {
      const channels = config['channels'];
      if (!Array.isArray(channels) || index >= channels.length) return config;
      const copy = [...channels];
      copy[index] = withValue(copy[index], key, value, false);
      return { ...config, channels: copy };
    }),
);

/** A valid config broken by one to three mutations, or something that is no config at all. */
export const brokenConfig: fc.Arbitrary<unknown> = fc
  .oneof(
    {
      arbitrary: fc.tuple(
        validConfig,
        fc.array(fc.oneof(mutation, targeted), { minLength: 1, maxLength: 3 }),
      ),
      weight: 9,
    },
    { arbitrary: oddValue.map((value) => [value, []] as [unknown, Mutation[]]), weight: 1 },
  )
  .map(([config, mutations]) =>
    (mutations as Mutation[]).reduce<unknown>(
      (current, mutate) =>
        typeof current === 'object' && current !== null
          ? mutate(current as Record<string, unknown>)
          : current,
      config,
    ),
  );
