import { Hono } from 'hono';
import { invalidJson, parseJsonBytes, readBodyOrTooLarge } from '../http/body.js';
import type { IngestAccess } from '../http/ingest-access.js';
import type { ClientLimits, RateDecision } from '../http/rate-limit.js';
import { parseBatch } from '../ingest.js';
import type { Store } from '../store/types.js';
import type { ReceiverEnv } from './env.js';

export interface EventRouteOptions {
  store: Store;
  now: () => Date;
  maxBodyBytes: number;
  /** Whether this request may write events, and for which sites. */
  access: (request: Request) => IngestAccess;
  limits: ClientLimits | undefined;
  clientKey: (request: Request, env: unknown) => string;
}

// text/plain is what the SDK sends (a CORS-simple type, so no preflight); no type is read as JSON.
const ACCEPTED_TYPES = new Set(['', 'application/json', 'text/plain']);

export function eventRoutes({
  store,
  now,
  maxBodyBytes,
  access,
  limits,
  clientKey,
}: EventRouteOptions): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();

  app.post('/v1/events', async (c) => {
    const key = limits ? clientKey(c.req.raw, c.env) : '';
    const tooMany = (decision: RateDecision | undefined) => {
      if (!decision || decision.allowed) return undefined;
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return c.json({ error: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds }, 429);
    };
    const limited = tooMany(limits?.request(key, now().getTime()));
    if (limited) return limited;
    const allowed = access(c.req.raw);
    if (!allowed.ok) {
      if (allowed.status === 401) c.header('WWW-Authenticate', 'Bearer realm="messenger-optin-receiver"');
      return c.json({ error: allowed.error, message: allowed.message }, allowed.status);
    }

    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!ACCEPTED_TYPES.has(mediaType)) {
      return c.json({ error: 'unsupported_media_type', message: 'send application/json or text/plain' }, 415);
    }

    const bytes = await readBodyOrTooLarge(c.req.raw, maxBodyBytes);
    if (!(bytes instanceof Uint8Array)) return c.json(bytes, 413);

    let body: unknown;
    try {
      body = parseJsonBytes(bytes);
    } catch (error) {
      return c.json(invalidJson(error), 400);
    }

    const overBudget = tooMany(
      limits?.content(key, now().getTime(), {
        events: Array.isArray(body) ? body.length : 1,
        bytes: bytes.byteLength,
      }),
    );
    if (overBudget) return overBudget;
    const receivedAt = now();
    const parsed = parseBatch(body, { receivedAt, origin: allowed.origin, sites: allowed.sites });
    const log = c.get('log');
    log.rejected = parsed.rejected.length;
    if (!parsed.ok)
      return c.json({ error: parsed.error, issues: parsed.issues, rejected: parsed.rejected }, 400);

    const { accepted, duplicates } = await store.appendEvents(parsed.events, receivedAt);
    log.accepted = accepted;
    log.duplicates = duplicates;
    // The SDK reads which items were refused from this header: it never reads the body (reading
    // a keepalive answer's body while the page navigates away made Chromium send the batch again).
    if (parsed.rejected.length)
      c.header('Rejected-Indexes', parsed.rejected.map((item) => item.index).join(','));
    return c.json({ accepted, duplicates, rejected: parsed.rejected });
  });

  return app;
}
