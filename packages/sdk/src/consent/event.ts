// Completing a recorded event: the fields the reporter owns (docs/consent-records.md#the-event-schema-v1).
import type { ConsentEvent } from '../schema/consent-event.js';
import type { RecordInput } from './types.js';

/** Same string as CONSENT_EVENT_SCHEMA; repeated because that module pulls in zod. */
export const SCHEMA = 'messenger-optin/consent-event@1';

/** The page without query string or fragment: both can hold personal data. */
export function pageOf(
  given: ConsentEvent['page'] | undefined,
  place: { origin: string; pathname: string } | undefined = globalThis.location,
): ConsentEvent['page'] {
  const page = given ?? { origin: place?.origin ?? '', path: place?.pathname ?? '' };
  return { origin: page.origin, path: page.path.split(/[?#]/)[0]! };
}

export function completeEvent(
  input: RecordInput,
  eventId: string,
  now: number,
  widgetVersion: string,
): ConsentEvent {
  return {
    ...input,
    schema: SCHEMA,
    eventId,
    occurredAt: new Date(now).toISOString(),
    page: pageOf(input.page),
    widget: { version: widgetVersion },
  };
}
