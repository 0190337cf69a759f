// The `optin-error` event, apart from the other public events (events.ts): the element reports
// config problems before the first paint, and a module on the first-paint path ships whole in that
// bundle (docs/architecture.md#loading); the other events belong to the flow, which loads on intent.

/** Machine-readable kind of an `optin-error`. */
export type OptinErrorCode =
  /** `channels` (or the JSON config) is not valid JSON. */
  | 'invalid-json'
  /** A required attribute (`company`, `channels`, `privacy-policy`) is missing or empty. */
  | 'missing-attribute'
  /** A channel `type` this version does not know. */
  | 'unknown-channel'
  /** A URL attribute is not http(s). */
  | 'invalid-url'
  /** The full validation found a problem (bad phone number, user name, …). */
  | 'invalid-config'
  /** The flow failed at run time (a lazy chunk did not load, the link could not be built, …). */
  | 'flow-failed'
  /** The consent reporter dropped an event (permanent endpoint error, outbox limits). */
  | 'event-dropped';

export interface OptinErrorDetail {
  code: OptinErrorCode;
  message: string;
  /** Where in the config, e.g. `channels[1].phone`. */
  path?: string;
}

export const publicEventInit = { bubbles: true, composed: true } as const;

/** A configuration or run-time problem; the widget shows nothing broken and throws nothing. */
export class OptinErrorEvent extends CustomEvent<OptinErrorDetail> {
  constructor(detail: OptinErrorDetail) {
    super('optin-error', { ...publicEventInit, detail });
  }
}
