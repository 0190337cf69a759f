/** Crockford base32 (0-9, A-Z without I, L, O, U): no look-alikes when the code is read aloud or typed. */
export const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface MessageParts {
  /** Start keyword, e.g. "Start" or "Start News". */
  keyword: string;
  /** Business name as the visitor sees it. */
  company: string;
  /** Reference code from `createRef`; omitted when the site owner sets `reference="none"`. */
  ref?: string | undefined;
}

/**
 * The message the visitor sends, e.g. `Start News Firma K7Q2`: parts trimmed, NFC, joined by one
 * space, empty parts left out (spec: product.md, `keyword`).
 */
export function composeMessage({ keyword, company, ref }: MessageParts): string {
  return [keyword, company, ref]
    .map((part) => (part ?? '').normalize('NFC').trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * A reference code of 4–6 characters that ties the visitor's later message to this consent record
 * (spec: channels.md, "Reference code"). Not a secret and no personal data; 32⁴ ≈ 1 million codes
 * are plenty per site and day. `random` is injectable for tests.
 */
export function createRef(
  length = 4,
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  if (!Number.isInteger(length) || length < 4 || length > 6)
    throw new RangeError(`createRef(${length}): a reference code has 4 to 6 characters`);
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform: no modulo bias.
  return Array.from(random(new Uint8Array(length)), (byte) => REF_ALPHABET[byte & 31]).join('');
}
