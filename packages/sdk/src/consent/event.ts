// Completing a recorded event: the fields the reporter owns (docs/consent-records.md#the-event-schema-v1).
import type { ConsentEvent } from '../schema/consent-event.js';
import type { RecordInput } from './types.js';

/** Same string as CONSENT_EVENT_SCHEMA; repeated because that module pulls in zod. */
export const SCHEMA = 'messenger-optin/consent-event@1';

/**
 * A v4 UUID. `randomUUID` exists only in secure contexts, so plain-http pages fall back to
 * `getRandomValues`, which every browser has in any context.
 */
export function uuid(crypto: Pick<Crypto, 'getRandomValues'> & Partial<Crypto> = globalThis.crypto): string {
  try {
    return crypto.randomUUID!();
  } catch {
    // missing there, or some engines throw instead of hiding it: fall through
  }
  // One random byte per hex digit, masked to 4 bits; the variant digit to 10xx (8, 9, a or b).
  const bytes = crypto.getRandomValues(new Uint8Array(31));
  let i = 0;
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (digit) =>
    (digit < 'y' ? bytes[i++]! & 15 : (bytes[i++]! & 3) | 8).toString(16),
  );
}

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
