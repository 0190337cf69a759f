// The consent reporter, a lazy chunk loaded on the first interaction (or for impression events),
// only when the site owner set an `endpoint`.
import { createConsentReporter, type ConsentReporter } from '@messenger-optin/sdk';
import { WIDGET_VERSION } from '../version.js';

export type { ConsentReporter };

/** Starts the reporter; drops and degradations reach the page as one sentence each. */
export function startReporter(endpoint: string, report: (message: string) => void): ConsentReporter {
  return createConsentReporter({
    endpoint,
    widgetVersion: WIDGET_VERSION,
    onDrop: (events, reason) =>
      report(`${events.length} consent event(s) not delivered to ${endpoint}: ${reason}`),
    onError: (issue) => report(`consent events: ${issue.message}`),
  });
}
