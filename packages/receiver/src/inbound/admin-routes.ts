import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { checkBearer } from '../http/auth.js';
import { BodyTooLargeError, parseJsonBytes, readBodyLimited } from '../http/body.js';
import type { ReceiverEnv } from '../routes/env.js';
import { listRightsRequests, listSubscribers } from '../store/subscribers-sql.js';
import { type AdminContext, closeRequest, eraseSubscriber, linkInbound } from './admin-actions.js';
import type { InboundStats } from './stats.js';

export interface InboundAdminOptions {
  /** Undefined when inbound is off: the lists still work (pending web consents), actions answer 409. */
  context: AdminContext | undefined;
  client: AdminContext['client'];
  adminToken: string | undefined;
  stats: InboundStats;
}

const uuid = z.uuid();
const statuses = ['pending', 'awaiting_reply', 'confirmed', 'withdrawn', 'unmatched', 'ambiguous'] as const;
const SMALL_BODY = 16 * 1024;

function requireAdmin(adminToken: string | undefined): MiddlewareHandler<ReceiverEnv> {
  return async (c, next) => {
    const check = checkBearer(c.req.header('authorization'), adminToken);
    if (check === 'ok') return next();
    if (check === 'missing') {
      c.header('WWW-Authenticate', 'Bearer realm="messenger-optin-receiver"');
      return c.json({ error: 'unauthorized', message: 'send Authorization: Bearer <admin token>' }, 401);
    }
    return c.json(
      { error: 'forbidden', message: adminToken ? 'wrong admin token' : 'the admin API is off' },
      403,
    );
  };
}

const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decodeCursor(cursor: string): { at: string; id: string } | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    return typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))
      ? { at, id }
      : undefined;
  } catch {
    return undefined;
  }
}

async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = await readBodyLimited(request, SMALL_BODY);
  if (bytes.byteLength === 0) return undefined;
  return parseJsonBytes(bytes);
}

/**
 * POST /v1/consents/:consentId/confirm with `{"inboundId"}`: the admin links a flagged message to a
 * consent. Mounted before the admin routes; a body without inboundId goes on to the existing
 * confirmation hand-off unchanged.
 */
export function inboundConfirmRoute(options: InboundAdminOptions): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();
  app.post('/v1/consents/:consentId/confirm', async (c, next) => {
    let peek: unknown;
    try {
      peek = await readJsonBody(c.req.raw.clone());
    } catch {
      return next();
    }
    const inboundId = (peek as { inboundId?: unknown } | undefined)?.inboundId;
    if (inboundId === undefined) return next();
    const denied = await requireAdmin(options.adminToken)(c, async () => {});
    if (denied) return denied;
    const consentId = z.safeParse(uuid, c.req.param('consentId'));
    const message = z.safeParse(uuid, inboundId);
    if (!consentId.success || !message.success)
      return c.json({ error: 'invalid_id', message: 'consentId and inboundId must be UUIDs' }, 400);
    if (!options.context)
      return c.json({ error: 'inbound_off', message: 'no inbound provider is configured' }, 409);
    const result = await linkInbound(
      options.context,
      consentId.data.toLowerCase(),
      message.data.toLowerCase(),
    );
    switch (result.status) {
      case 'stored':
        return c.json(
          { consentId: consentId.data.toLowerCase(), inboundId: message.data.toLowerCase(), ...result },
          201,
        );
      case 'taken':
        return c.json({ error: 'taken', message: 'this consent is confirmed by another subscriber' }, 409);
      case 'channel_mismatch':
        return c.json({ error: 'channel_mismatch', message: 'the message came on another channel' }, 409);
      default:
        return c.json({ error: result.status }, 404);
    }
  });
  return app;
}

/** Subscribers, rights requests and inbound counters (docs/inbound.md#admin). */
export function inboundAdminRoutes(options: InboundAdminOptions): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();
  const guard = requireAdmin(options.adminToken);
  for (const path of [
    '/v1/subscribers',
    '/v1/subscribers/*',
    '/v1/rights-requests',
    '/v1/rights-requests/*',
    '/v1/inbound/stats',
  ])
    app.use(path, guard);

  app.get('/v1/subscribers', async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && !(statuses as readonly string[]).includes(status))
      return c.json(
        { error: 'invalid_status', message: `status must be one of ${statuses.join(', ')}` },
        400,
      );
    const cursorText = c.req.query('cursor');
    const after = cursorText === undefined ? undefined : decodeCursor(cursorText);
    if (cursorText !== undefined && !after) return c.json({ error: 'invalid_cursor' }, 400);
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
    const items = await listSubscribers(options.client, {
      channel: c.req.query('channel'),
      status,
      site: c.req.query('site'),
      after,
      limit: limit + 1,
      includeAddress: (c.req.query('include') ?? '').split(',').includes('address'),
    });
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return c.json({
      items: page.map(({ sortAt: _sortAt, ...item }) => item),
      nextCursor: items.length > limit && last ? encodeCursor(last.sortAt, last.subscriberId) : null,
    });
  });

  app.delete('/v1/subscribers/:subscriberId', async (c) => {
    const id = z.safeParse(uuid, c.req.param('subscriberId'));
    if (!id.success) return c.json({ error: 'invalid_subscriber_id' }, 400);
    if (!options.context) return c.json({ error: 'not_found' }, 404);
    const result = await eraseSubscriber(options.context, id.data.toLowerCase());
    if (result.status === 'not_found')
      return c.json(
        {
          error: 'not_found',
          message: 'no subscriber with this id (a pending row is erased as its consent)',
        },
        404,
      );
    const { status: _status, ...answer } = result;
    return c.json(answer);
  });

  app.get('/v1/rights-requests', async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && status !== 'open' && status !== 'closed')
      return c.json({ error: 'invalid_status', message: 'status must be open or closed' }, 400);
    return c.json({ items: await listRightsRequests(options.client, status) });
  });

  app.post('/v1/rights-requests/:requestId/close', async (c) => {
    const id = z.safeParse(uuid, c.req.param('requestId'));
    if (!id.success) return c.json({ error: 'invalid_request_id' }, 400);
    let body: unknown;
    try {
      body = await readJsonBody(c.req.raw);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return c.json({ error: 'payload_too_large' }, 413);
      return c.json({ error: 'invalid_json' }, 400);
    }
    const input = z.safeParse(
      z.strictObject({ resolution: z.string().check(z.minLength(1), z.maxLength(1000)) }),
      body,
    );
    if (!input.success) return c.json({ error: 'invalid_body', message: 'send {"resolution":"…"}' }, 400);
    if (!options.context) return c.json({ error: 'not_found' }, 404);
    const result = await closeRequest(options.context, id.data.toLowerCase(), input.data.resolution);
    if (result.status === 'not_found') return c.json({ error: 'not_found' }, 404);
    if (result.status === 'already_closed') return c.json({ error: 'already_closed' }, 409);
    return c.json({ requestId: id.data.toLowerCase(), ...result });
  });

  app.get('/v1/inbound/stats', (c) => c.json(options.stats.snapshot()));
  return app;
}
