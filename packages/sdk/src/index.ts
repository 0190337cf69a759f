// Public API of @messenger-optin/sdk. Named exports only; see README.md for each.
export { encodeMailText, encodeText } from './encode.js';
export { normalizePhone, parsePhone } from './phone.js';
export { PAYLOAD_MAX_LENGTH, toPayload } from './payload.js';
export { composeMessage, createRef, REF_ALPHABET } from './message.js';
export type { MessageParts } from './message.js';
export { deepLink, MAX_LINK_LENGTH } from './deep-link.js';
export { ConfigError } from './errors.js';
export { checkWidgetConfig } from './config/check-widget-config.js';
export type { ParseResult, WidgetConfig, WidgetConfigInput } from './config/types.js';
// The option names the widget's first paint reads, and the sentences its pre-check shares with
// checkWidgetConfig (the widget loads those only to report a problem).
export { attributeName, channelCount, configKeys } from './config/option-names.js';
export type { ConfigKey } from './config/option-names.js';
export {
  configProblem,
  configProblems,
  emptyCompany,
  requiredHints,
  tooShort,
  unknownChannel,
  wrongType,
} from './config/names-and-hints.js';
export { endpointProblem, privacyPolicyProblem } from './config/url-problems.js';
export { isWebUrl, parseUrl } from './web-url.js';
export { uuid } from './uuid.js';
export { matchLocale } from './locale-match.js';
export type { ConfigIssue, FieldResult } from './errors.js';
export { channelMeta, channelNames, channelProviders, channelTypes } from './channels/index.js';
export { channelIcons } from './channels/icons.js';
export { isTelegramBot } from './channels/telegram.js';
export type { ChannelConfig, ChannelConfigOf, ChannelType } from './channels/index.js';
export type {
  ChannelIcon,
  ChannelMeta,
  DeepLink,
  DeepLinkOptions,
  DesktopStrategy,
  LocalizedText,
  Platform,
  PrefillKind,
  ProviderFacts,
} from './channels/types.js';
export { createConsentReporter } from './consent/reporter.js';
export { storedOutboxExists } from './consent/stored-outbox.js';
export type {
  ConsentReporter,
  DropReason,
  RecordInput,
  ReporterIssue,
  ReporterOptions,
} from './consent/types.js';
export { renderNotice, renderWithdrawNotice } from './notices/render.js';
export { loadNoticeLocale, noticeLocales, resolveNoticeLocale } from './notices/locales.js';
export { fillNotice, fillPlaceholders } from './notices/fill.js';
export type { VisitorValues } from './notices/fill.js';
export { processorPresets } from './notices/processors.js';
export type {
  ChannelProvider,
  ConfigText,
  DialogTexts,
  NoticeBlock,
  NoticeChannelTexts,
  NoticeFactTexts,
  NoticeInput,
  NoticeLocale,
  NoticeTemplates,
  NoticeTextKey,
  NoticeTexts,
  Processor,
  ProcessorPreset,
  ProviderTextKey,
  RenderedNotice,
} from './notices/types.js';
