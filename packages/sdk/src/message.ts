/** Crockford base32 (0-9, A-Z without I, L, O, U): no look-alikes when the code is read aloud or typed. */
export const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface MessageParts {
  /** Start keyword, e.g. "Start" or "Start News"; `{purpose}` in it is filled in ("Start {purpose}"). */
  keyword: string;
  /** What the visitor subscribes to, for `{purpose}` in the keyword. */
  purpose?: string | undefined;
  /** Business name as the visitor sees it. */
  company: string;
  /** Reference code from `createRef`; omitted when the site owner sets `reference="none"`. */
  ref?: string | undefined;
}

/**
 * The message the visitor sends, e.g. `Start News Firma K7Q2X9`: parts trimmed, NFC, joined by one
 * space, empty parts left out (docs/architecture.md#rules-every-part-keeps, "The message").
 */
export function composeMessage({ keyword, purpose, company, ref }: MessageParts): string {
  // Only the first `{purpose}`: a message (and the notice that quotes it) stays bounded by the caps.
  return [keyword.replace('{purpose}', purpose ?? ''), company, ref]
    .map((part) => (part ?? '').normalize('NFC').trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * A reference code of 4–8 characters (default 6) that ties the visitor's later message to this
 * consent record (docs/channels.md, "Reference code"). Not a secret and no personal data. Six
 * characters give 32⁶ ≈ 10⁹ codes: four (≈ 10⁶) collided on about 38 % of days at 1,000 opt-ins a
 * day, and the receiver flags every collision it sees (never guesses). `random` is injectable for tests.
 */
export function createRef(
  length = 6,
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  if (!Number.isInteger(length) || length < 4 || length > 8)
    throw new RangeError(`createRef(${length}): a reference code has 4 to 8 characters`);
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform: no modulo bias.
  return Array.from(random(new Uint8Array(length)), (byte) => REF_ALPHABET[byte & 31]).join('');
}
