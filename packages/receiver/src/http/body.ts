/** The body was larger than allowed; answer 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body exceeds ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body up to maxBytes. Content-Length is checked first (cheap refusal), and the
 * bytes are counted while reading too, because chunked bodies have no length and a client may lie.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Reads the body up to maxBytes, or gives the 413 answer (naming the limit) when it is larger. */
export async function readBodyOrTooLarge(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array | { error: 'payload_too_large'; maxBytes: number }> {
  try {
    return await readBodyLimited(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { error: 'payload_too_large', maxBytes };
    throw error;
  }
}

/**
 * A body as JSON: strict UTF-8 first (a stray byte or a lone surrogate half is an error, never a
 * silent U+FFFD that would change what is stored and hashed), then `JSON.parse`. Throws a
 * TypeError or SyntaxError that names the problem.
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/** Reads up to maxBytes and parses them as JSON; throws BodyTooLargeError or what parseJsonBytes throws. */
export async function readJsonLimited(request: Request, maxBytes: number): Promise<unknown> {
  return parseJsonBytes(await readBodyLimited(request, maxBytes));
}

/** The 400 answer for a body that is no JSON, with the parser's complaint as an issue. */
export function invalidJson(error: unknown) {
  const message = error instanceof Error ? error.message : 'invalid JSON';
  return { error: 'invalid_json', issues: [{ path: [], code: 'invalid_json', message }] };
}
