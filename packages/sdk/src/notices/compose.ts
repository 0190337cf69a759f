import type { PrefillKind, ProviderFacts } from '../channels/types.js';
import { isWebUrl, parseUrl } from '../web-url.js';
import { fillPlaceholders } from './fill.js';
import { headingCase } from './heading-case.js';
import { countryName, localText, processorLine } from './processors.js';
import type {
  NoticeBlock,
  NoticeFactTexts,
  NoticeInput,
  NoticeTemplates,
  NoticeTextKey,
  ProviderTextKey,
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
 * rule is testable without loading or hashing anything. The visitor's message and code stay as
 * `{message}` and `{ref}` (see `RenderedNotice`); every other placeholder is filled from the config.
 * What each notice says, and why: docs/notices.md.
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
  const withdraw = kind === 'withdraw';

  // The site owner's text wins over ours; a channel-specific text wins over a general one.
  const pick = (key: string, ours: string): string =>
    own(overrides, `${channel}.${key}`) ?? own(overrides, key) ?? own(channelTexts, key) ?? ours;

  const advertising = input.advertising ?? true;
  const provider = input.provider;
  const prefill = input.prefill ?? facts.prefill;
  // Telegram bots: START sends `/start <payload>` itself; nothing is copied or sent by hand.
  const start = channel === 'telegram' && prefill === 'payload';
  const copy = prefill !== 'text';
  const transferConsent = facts.provider.transferConsent === true;
  const values: Record<string, string> = {
    company: required(input.company, 'company'),
    channel: facts.name,
    purpose: withdraw ? clean(input.purpose) : required(input.purpose, 'purpose'),
    frequency: clean(input.frequency) && `, ${clean(input.frequency)}`,
    controller: clean(input.controller),
    dpo: clean(input.dpo),
    withdrawMessage: required(input.withdrawMessage, 'withdrawMessage'),
    // A plain "Stop" always withdraws (the receiver accepts it besides the configured keyword).
    stop: 'Stop',
    privacyPolicyVersion: clean(input.privacyPolicyVersion),
    retentionYears: String(input.retentionYears ?? 3),
    unconfirmedDays: String(input.unconfirmedDays ?? 30),
    minAge: String(input.minAge ?? 16),
    ownProvider: clean(provider?.name),
    ownProviderCountry: provider ? countryName(provider.country, locale) : '',
  };
  if ((channel === 'sms' || channel === 'email') && !provider && !withdraw)
    throw new TypeError(
      `channels[].provider: the ${facts.name} channel needs the business's provider ({ name, country, transfer })`,
    );
  // Each value is filled with the values set before it, in this order: texts that are themselves
  // templates and used inside other texts.
  const fill = (key: string, ours?: string) =>
    fillPlaceholders(pick(key, ours ?? (templates.texts[key as NoticeTextKey] as string)), values);
  values.via = fill('via');
  values.app = fill('app');
  values.advertising = typeof advertising === 'string' ? clean(advertising) : fill('advertisingDefault');
  values.act = fill(start ? 'actStart' : 'act');
  values.unsubscribeLabel = fill('unsubscribeLabel');
  // Provider facts can be overridden like any text (`providerName`, `transfer`, `identifier`, …).
  // A channel file's own text in this locale, else the locale file's translation, else English.
  const localize = (key: ProviderTextKey) => {
    const text = facts.provider[key] as unknown as Record<string, string | undefined>;
    return text[locale] ?? templates.providerTexts?.[channel]?.[key] ?? (text.en as string);
  };
  const fact = (key: keyof NoticeFactTexts, from: ProviderTextKey) => fill(key, localize(from));
  values.providerName = fact('providerName', 'provider');
  values.seat = localize('seat');
  values.providerData = fact('providerData', 'providerData');
  values.countries = localize('countries');
  values.transfer = fact('transfer', 'transfer');
  const account = channel === 'telegram' && !start && fill('identifierAccount');
  values.identifier = account || fact('identifier', 'identifier');

  // NFC, so an override typed with combining marks hashes like the same visible text.
  const text = (key: NoticeTextKey) => fill(key).normalize('NFC');
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  const section = (topic: string, ...parts: string[]): NoticeBlock => ({
    heading: text(`${topic}Heading` as NoticeTextKey),
    text: join(...parts),
  });
  const policyVersion = clean(input.privacyPolicyVersion) && text('privacyVersion');
  const privacy: NoticeBlock = {
    text: text('privacy'),
    link: {
      label: text('privacyLinkLabel') + policyVersion,
      href: safeHref(input.privacyPolicy, 'privacyPolicy'),
    },
  };
  const unsubscribe = input.unsubscribeUrl
    ? { label: text('unsubscribeLabel'), href: safeHref(input.unsubscribeUrl, 'unsubscribeUrl') }
    : undefined;

  if (withdraw) {
    const title = text('withdrawTitle');
    const firstLayer = [
      { text: join(text(copy ? 'withdrawCopy' : 'withdraw'), text('withdrawAfter')) },
      privacy,
    ];
    const confirmLabel = text('withdrawConfirmLabel');
    return notice(
      `${channel}.${locale}.withdraw.v${version}`,
      title,
      firstLayer,
      [],
      false,
      '',
      confirmLabel,
    );
  }

  const ads = advertising !== false;
  const ownProvider = clean(provider?.name);
  const processors = (input.processors ?? []).map((each) =>
    processorLine(each, locale, templates.processorTexts),
  );
  const what = start
    ? input.reference === 'none'
      ? 'onStartNoRef'
      : 'onStart'
    : facts.provider.receivedOn === 'open'
      ? copy
        ? 'onOpenCopy'
        : 'onOpen'
      : copy
        ? 'onSendCopy'
        : 'onSend';
  const title = headingCase(text('title'), locale);
  // The length rule (docs/notices.md, "First layer"): the frequency waits in Details, and where the
  // first layer must also state a transfer risk (Signal), so does the provider's data list.
  const frequency = values.frequency ?? '';
  values.frequency = '';
  const intro = text('intro');
  values.frequency = frequency;
  const firstLayer: NoticeBlock[] = [
    { text: join(intro, text(ads ? 'ads' : 'noAds')) },
    { text: join(text(what), text(ads ? 'consent' : 'consentNoAds'), text('extra')) },
    {
      text: join(
        text(transferConsent ? 'providerCompact' : 'provider'),
        transferConsent ? text('transferRisk') : '',
        processors.length ? text('processorsHint') : '',
      ),
    },
    unsubscribe ? { text: join(text('stop'), text('stopLink')), link: unsubscribe } : { text: text('stop') },
    privacy,
  ];
  const processorText = (line: { name: string; country: string; role: string; transfer: string }) =>
    fillPlaceholders(pick('processor', templates.texts.processor), line).normalize('NFC').trim();
  const lines = [
    ...(provider
      ? [
          processorText({
            name: ownProvider,
            country: countryName(provider.country, locale),
            role: text('ownProviderRole'),
            transfer: localText(provider.transfer, locale).normalize('NFC'),
          }),
        ]
      : []),
    ...processors.map(processorText),
  ];
  const policy = facts.provider.policy;
  const secondLayer: NoticeBlock[] = [
    section('controller', text(clean(input.controller) ? 'controller' : 'controllerMissing')),
    // One line each (Details), as separate blocks: the dialog renders each block as a paragraph.
    { text: input.dpo?.trim() ? text('dpo') : '' },
    section('purpose', text('intro'), text(ads ? 'ads' : 'noAds'), text('purposeDetails')),
    section('legalBasis', text('legalBasis'), transferConsent ? text('legalBasisTransfer') : ''),
    section('data', text('data'), facts.provider.receivedOn === 'open' ? text('dataUnsent') : ''),
    section('recipients', text('recipient')),
    ...lines.map((line) => ({ text: line })),
    {
      ...section(
        'transfer',
        values.transfer,
        // The framework's legal status may change (appeal C-703/25 P pending): one sentence to edit.
        facts.provider.dpf ? text('dpf') : '',
        provider ? localText(provider.transfer, locale).normalize('NFC') : text('safeguards'),
      ),
      ...(policy ? { link: { label: text('providerPolicy'), href: policy } } : {}),
    },
    section('storage', text('storage'), text('storageUnconfirmed')),
    section('withdrawal', text('withdrawal')),
    section('rights', text('rights')),
  ].filter((block) => block.text !== '');
  const checkbox = transferConsent || input.checkbox === true;
  const checkboxLabel = join(
    text(ads ? 'checkbox' : 'checkboxNoAds'),
    transferConsent ? text('checkboxTransfer').trim() : '',
  );
  return notice(
    `${channel}.${locale}.v${version}`,
    title,
    firstLayer,
    secondLayer,
    checkbox,
    checkboxLabel,
    text('confirmLabel'),
  );

  function notice(
    id: string,
    title: string,
    first: NoticeBlock[],
    second: NoticeBlock[],
    shown: boolean,
    checkboxLabel: string,
    confirmLabel: string,
  ): ComposedNotice {
    const detailsLabel = text('detailsLabel');
    const controls = [...(shown ? [`[ ] ${checkboxLabel}`] : []), `[${confirmLabel}]`].join('\n');
    const details = second.length ? [{ text: detailsLabel }, ...second] : [];
    return {
      id,
      locale,
      version,
      title,
      firstLayer: first,
      secondLayer: second,
      checkbox: shown,
      checkboxLabel,
      confirmLabel,
      detailsLabel,
      text: noticeText(title, [...first, { text: controls }, ...details]),
    };
  }
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
const clean = (value: string | undefined | null): string => (value ?? '').trim().normalize('NFC');

/** A notice with a blank company or purpose would read as nonsense; say which field is missing. */
function required(value: string | undefined, key: string): string {
  const cleaned = clean(value);
  if (!cleaned) throw new TypeError(`${key}: is required for the notice and must not be blank`);
  return cleaned;
}

/**
 * The addresses in a notice (privacy policy, unsubscribe page) must never become `javascript:`
 * links, even if a caller skipped config validation.
 */
function safeHref(address: string, key: string): string {
  const url = parseUrl(address);
  if (!url) throw new TypeError(`${key}: "${address}" is not an absolute URL; write it as https://…`);
  if (!isWebUrl(url)) throw new TypeError(`${key}: "${address}" must start with https:// or http://`);
  return address;
}
