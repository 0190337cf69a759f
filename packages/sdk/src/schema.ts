// Entry "@messenger-optin/sdk/schema": zod schemas (zod/mini) and types of channels, widget config
// and consent events, for servers, tests and the widget's full validation.
export {
  CONSENT_EVENT_SCHEMA,
  consentActions,
  consentEventBatchSchema,
  consentEventSchema,
  consentEventTypes,
  evidenceRules,
  noticeRefSchema,
} from './schema/consent-event.js';
export type {
  ConsentAction,
  ConsentEvent,
  ConsentEventType,
  EvidencePath,
  NoticeRef,
} from './schema/consent-event.js';
export { channelConfigSchema } from './schema/channels.js';
export { parseWidgetConfig, widgetConfigSchema } from './schema/widget-config.js';
export type { ParseResult, WidgetConfig, WidgetConfigInput } from './schema/widget-config.js';
export { explainIssue, formatIssues, formatPath } from './schema/issues.js';
export type { ChannelConfig, ChannelConfigOf, ChannelType } from './channels/index.js';
export type { ConfigIssue } from './errors.js';
