import type { ChannelType, LocalizedText, PrefillKind, ProviderFacts } from '../channels/types.js';
import { fillPlaceholders } from './fill.js';
import type {
  NoticeBlock,
  NoticeFactTexts,
  NoticeInput,
  NoticeTemplates,
  NoticeTextKey,
  RenderedNotice,
} from './types.js';

/** What the composer needs from the channel registry, passed in so composition stays pure. */
export interface ChannelFacts {
  /** Brand name, e.g. "WhatsApp". */
  name: string;
  /** The channel's usual prefill, used when the input does not say. */
  prefill: PrefillKind;
  provider: ProviderFacts;
}

export type NoticeKind = 'consent' | 'withdraw';

/** A rendered notice before hashing. */
export type ComposedNotice = Omit<RenderedNotice, 'sha256'>;

/**
 * Fills a locale's templates for one channel and input: pure and synchronous, so every wording
 * rule is testable without loading or hashing anything.
 */
export function composeNotice(
  templates: NoticeTemplates,
  input: NoticeInput,
  facts: ChannelFacts,
  kind: NoticeKind = 'consent',
): ComposedNotice {
  const channel: ChannelType = input.channel;
  const overrides = input.overrides ?? {};
  const channelTexts = templates.channelTexts?.[channel] ?? {};

  // The site owner's text wins over ours; a channel-specific text wins over a general one.
  const template = (key: string): string =>
    own(overrides, `${channel}.${key}`) ??
    own(overrides, key) ??
    own(channelTexts, key) ??
    (templates.texts[key as NoticeTextKey] as string);

  const purpose = clean(input.purpose);
  const controller = clean(input.controller);
  const base: Record<string, string> = {
    company: required(input, 'company'),
    channel: facts.name,
    purpose,
    controller,
    message: required(input, 'message'),
    withdrawMessage: required(input, 'withdrawMessage'),
    privacyPolicy: input.privacyPolicy,
  };
  // Texts that are themselves templates and used inside other texts.
  const values: Record<string, string> = { ...base };
  values.via = fillPlaceholders(template('via'), base);
  values.app = fillPlaceholders(template('app'), values);
  values.topic = purpose || fillPlaceholders(template('topicDefault'), values);
  values.dpf = fillPlaceholders(template('dpf'), values);
  // Provider facts can be overridden like any text (`providerName`, `transfer`, `identifier`), and
  // a locale may phrase them in its own grammar (German: the formal "Sie").
  const fact = (key: keyof NoticeFactTexts, localized: LocalizedText) =>
    fillPlaceholders(
      own(overrides, `${channel}.${key}`) ??
        own(overrides, key) ??
        own(channelTexts, key) ??
        localize(localized, templates.locale),
      values,
    );
  values.provider = fact('providerName', facts.provider.provider);
  values.transfer = fact('transfer', facts.provider.transfer);
  values.identifier = fact('identifier', facts.provider.identifier);
  values.contact = fillPlaceholders(template('contact'), values);

  // NFC, so an override typed with combining marks hashes like the same visible text.
  const text = (key: NoticeTextKey) => fillPlaceholders(template(key), values).normalize('NFC');
  const privacyLink = { label: text('privacyLinkLabel'), href: safeHref(input.privacyPolicy) };
  const copy = (input.prefill ?? facts.prefill) !== 'text';

  if (kind === 'withdraw') {
    const firstLayer: NoticeBlock[] = [
      { text: `${text(copy ? 'withdrawCopy' : 'withdraw')} ${text('withdrawAfter')}` },
      { text: text('privacy'), link: privacyLink },
    ];
    return finish(templates, channel, 'withdraw', text('withdrawTitle'), firstLayer, [], {
      checkboxLabel: '',
      confirmLabel: text('withdrawConfirmLabel'),
    });
  }

  const firstLayer: NoticeBlock[] = [
    { text: text('who') },
    { text: text(copy ? 'whatHappensCopy' : 'whatHappens') },
    { text: text('provider') },
    { text: text('stop') },
    { text: text('privacy'), link: privacyLink },
  ];
  const secondLayer: NoticeBlock[] = [
    { heading: text('controllerHeading'), text: text(controller ? 'controller' : 'controllerMissing') },
    { heading: text('legalBasisHeading'), text: text('legalBasis') },
    { heading: text('dataHeading'), text: text('data') },
    // The framework's legal status may change (appeal against T-553/23 pending): one sentence to edit.
    ...(namesDataPrivacyFramework(values.transfer)
      ? [{ heading: text('dpfHeading'), text: values.dpf.normalize('NFC') }]
      : []),
    { heading: text('storageHeading'), text: text('storage') },
    { heading: text('rightsHeading'), text: text('rights') },
    { heading: text('voluntaryHeading'), text: text('voluntary') },
  ];
  return finish(
    templates,
    channel,
    'consent',
    text(purpose ? 'title' : 'titleNoPurpose'),
    firstLayer,
    secondLayer,
    {
      checkboxLabel: text('checkboxLabel'),
      confirmLabel: text('confirmLabel'),
    },
  );
}

function finish(
  templates: NoticeTemplates,
  channel: ChannelType,
  kind: NoticeKind,
  title: string,
  firstLayer: NoticeBlock[],
  secondLayer: NoticeBlock[],
  labels: Pick<RenderedNotice, 'checkboxLabel' | 'confirmLabel'>,
): ComposedNotice {
  const { locale, version } = templates;
  const id =
    kind === 'withdraw' ? `${channel}.${locale}.withdraw.v${version}` : `${channel}.${locale}.v${version}`;
  return {
    id,
    locale,
    version,
    title,
    firstLayer,
    secondLayer,
    ...labels,
    text: noticeText(title, [...firstLayer, ...secondLayer]),
  };
}

/**
 * The exact plain text that was shown: the title, then each block (heading, text, and the link
 * as "label: address", because which policy was linked is part of what the visitor agreed to),
 * separated by blank lines. This string is hashed and archived.
 */
export function noticeText(title: string, blocks: readonly NoticeBlock[]): string {
  const parts = blocks.map((block) =>
    [block.heading, block.text, block.link && `${block.link.label}: ${block.link.href}`]
      .filter((part): part is string => Boolean(part))
      .join('\n'),
  );
  return [title, ...parts].join('\n\n');
}

/**
 * A text set for `key` in `record`. Blank or non-string values count as unset (as for the widget's
 * UI strings): a notice must not lose a required statement to an empty attribute value.
 */
function own(record: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Config values are trimmed and NFC-normalized, so the same visible text hashes the same. */
const clean = (value: string | undefined): string => (value ?? '').trim().normalize('NFC');

const namesDataPrivacyFramework = (transfer: string): boolean => /Data Privacy Framework/i.test(transfer);

/** A notice with a blank company or message would read as nonsense; say which field is missing. */
function required(input: NoticeInput, key: 'company' | 'message' | 'withdrawMessage'): string {
  const value = clean(input[key]);
  if (!value) throw new TypeError(`${key}: is required for the notice and must not be blank`);
  return value;
}

/** Provider texts carry every shipped locale; a locale added later falls back to English. */
const localize = (text: LocalizedText, locale: string): string =>
  (text as unknown as Record<string, string | undefined>)[locale] ?? text.en;

/**
 * The privacy policy is the only address in a notice; it must never become a `javascript:` link,
 * even if a caller skipped config validation.
 */
function safeHref(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new TypeError(`privacyPolicy: "${address}" is not an absolute URL; write it as https://…`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`privacyPolicy: "${address}" must start with https:// or http://`);
  return address;
}
