import type { LocalizedText, PrefillKind, ProviderFacts } from '../channels/types.js';
import { fillPlaceholders } from './fill.js';
import type { NoticeBlock, NoticeInput, NoticeTemplates, NoticeTextKey, RenderedNotice } from './types.js';

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
  const { channel } = input;
  const { locale, version } = templates;
  const overrides = input.overrides ?? {};
  const channelTexts = templates.channelTexts?.[channel] ?? {};

  // The site owner's text wins over ours; a channel-specific text wins over a general one.
  const pick = (key: string, ours: string): string =>
    own(overrides, `${channel}.${key}`) ?? own(overrides, key) ?? own(channelTexts, key) ?? ours;

  const purpose = clean(input.purpose);
  const controller = clean(input.controller);
  const values: Record<string, string> = {
    company: required(input, 'company'),
    channel: facts.name,
    purpose,
    controller,
    message: required(input, 'message'),
    withdrawMessage: required(input, 'withdrawMessage'),
    privacyPolicy: input.privacyPolicy,
  };
  // Each value is filled with the values set before it, in this order: texts that are themselves
  // templates and used inside other texts.
  const fill = (key: string, ours?: string) =>
    fillPlaceholders(pick(key, ours ?? (templates.texts[key as NoticeTextKey] as string)), values);
  values.via = fill('via');
  values.app = fill('app');
  values.topic = purpose || fill('topicDefault');
  values.dpf = fill('dpf');
  // Provider facts can be overridden like any text (`providerName`, `transfer`, `identifier`), and
  // a locale may phrase them in its own grammar (German: the formal "Sie").
  const { provider, transfer, identifier } = facts.provider;
  values.provider = fill('providerName', localize(provider, locale));
  values.transfer = fill('transfer', localize(transfer, locale));
  values.identifier = fill('identifier', localize(identifier, locale));
  values.contact = fill('contact');

  // NFC, so an override typed with combining marks hashes like the same visible text.
  const text = (key: NoticeTextKey) => fill(key).normalize('NFC');
  const blocks = (keys: NoticeTextKey[]): NoticeBlock[] => keys.map((key) => ({ text: text(key) }));
  const section = (topic: string, key = topic): NoticeBlock => ({
    heading: text(`${topic}Heading` as NoticeTextKey),
    text: text(key as NoticeTextKey),
  });
  const privacy: NoticeBlock = {
    text: text('privacy'),
    link: { label: text('privacyLinkLabel'), href: safeHref(input.privacyPolicy) },
  };
  const copy = (input.prefill ?? facts.prefill) !== 'text';
  const withdraw = kind === 'withdraw';

  const title = text(withdraw ? 'withdrawTitle' : purpose ? 'title' : 'titleNoPurpose');
  const firstLayer: NoticeBlock[] = withdraw
    ? [{ text: `${text(copy ? 'withdrawCopy' : 'withdraw')} ${text('withdrawAfter')}` }, privacy]
    : [...blocks(['who', copy ? 'whatHappensCopy' : 'whatHappens', 'provider', 'stop']), privacy];
  const secondLayer: NoticeBlock[] = withdraw
    ? []
    : [
        section('controller', controller ? 'controller' : 'controllerMissing'),
        section('legalBasis'),
        section('data'),
        // The framework's legal status may change (appeal against T-553/23 pending): one sentence to edit.
        ...(/Data Privacy Framework/i.test(values.transfer)
          ? [{ heading: text('dpfHeading'), text: values.dpf.normalize('NFC') }]
          : []),
        section('storage'),
        section('rights'),
        section('voluntary'),
      ];
  return {
    id: `${channel}.${locale}${withdraw ? '.withdraw' : ''}.v${version}`,
    locale,
    version,
    title,
    firstLayer,
    secondLayer,
    // Withdrawing needs no checkbox.
    checkboxLabel: withdraw ? '' : text('checkboxLabel'),
    confirmLabel: text(withdraw ? 'withdrawConfirmLabel' : 'confirmLabel'),
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
      .filter(Boolean)
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
