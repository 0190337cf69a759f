// Completing a recorded event: the fields the reporter owns (spec: consent-events.md, schema v1).
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
    if (crypto.randomUUID) return crypto.randomUUID();
  } catch {
    // some engines throw instead of hiding it: fall through
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 15) | 64;
  bytes[8] = (bytes[8]! & 63) | 128;
  return Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1))
    .join('')
    .replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
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
