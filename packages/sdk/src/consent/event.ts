// Completing a recorded event: the fields the reporter owns (spec: consent-events.md, schema v1).
import type { ConsentEvent } from '../schema/consent-event.js';
import type { RecordInput } from './types.js';

/** Same string as CONSENT_EVENT_SCHEMA; repeated because that module pulls in zod. */
export const SCHEMA = 'messenger-optin/consent-event@1';

/**
 * A v4 UUID. `randomUUID` exists only in secure contexts, so plain-http pages fall back to
 * `getRandomValues` (available everywhere), and a page without WebCrypto to `random`.
 */
export function uuid(crypto: Partial<Crypto> | undefined = globalThis.crypto, random = Math.random): string {
  try {
    if (crypto?.randomUUID) return crypto.randomUUID();
  } catch {
    // insecure context in some engines: fall through
  }
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = (random() * 256) | 0;
  bytes[6] = (bytes[6]! & 15) | 64;
  bytes[8] = (bytes[8]! & 63) | 128;
  const hex = Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
