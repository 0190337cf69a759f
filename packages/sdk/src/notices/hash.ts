/** Hex digest of the UTF-8 bytes of `text`, as stored in consent events (`notice.sha256`). */
export async function sha256Hex(
  text: string,
  subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle,
): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (!subtle) {
    // `crypto.subtle` exists only in secure contexts (https, localhost).
    const { sha256HexFallback } = await import('./sha256-fallback.js');
    return sha256HexFallback(bytes);
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
