// The one v4 UUID of the SDK and the widget: event ids in the reporter, consent ids in the widget.
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
