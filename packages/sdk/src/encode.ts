/**
 * The one encoding rule for every channel (docs/channels.md#rules-for-every-channel, rule 1).
 *
 * Normalize to NFC so that "ü" typed on macOS (NFD: u + U+0308) and on Windows (NFC) yields the
 * same link and the same payload, then percent-encode UTF-8, leaving only RFC 3986 unreserved
 * characters as they are. `encodeURIComponent` keeps `! ' ( ) *`; we encode those too, so the rule
 * is one line anyone can re-implement on a server and get identical bytes.
 */
export function encodeText(text: string): string {
  // A lone surrogate (half an emoji, cut by a careless slice) would make encodeURIComponent throw;
  // U+FFFD is what TextEncoder and every browser send in its place.
  // (No lookbehind in the pattern: Safari before 16.4 cannot parse one, and the module would fail.)
  const wellFormed = text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (unit) =>
    unit.length === 2 ? unit : '\uFFFD',
  );
  return encodeURIComponent(wellFormed.normalize('NFC')).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `encodeText` for `mailto:` subject and body: RFC 6068 (section 5) wants line breaks as CRLF,
 * `%0D%0A`, so a bare `\n` or `\r` becomes one CRLF first.
 */
export function encodeMailText(text: string): string {
  return encodeText(text.replace(/\r\n|\r|\n/g, '\r\n'));
}
