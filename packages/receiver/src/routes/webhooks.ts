import { isWebUrl, parseUrl } from '@messenger-optin/sdk';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { issuesOf } from '../console/filters.js';
import { BodyTooLargeError, readJsonLimited } from '../http/body.js';
import type { SqlQueryable } from '../store/sql-client.js';
import { addEndpoint, deleteEndpoint, getEndpoint, listEndpoints } from '../webhooks/endpoints.js';
import { webhookEventTypes } from '../webhooks/events.js';
import { countDeliveries, deliveryStatuses, listDeliveries, replayDelivery } from '../webhooks/outbox.js';
import type { ReceiverEnv } from './env.js';

const httpUrl = z.string().check(
  z.maxLength(2_000),
  z.refine((value) => {
    const url = parseUrl(value);
    return !!url && isWebUrl(url) && url.username === '' && url.password === '';
  }, 'must be an http(s) URL without user or password, e.g. https://crm.example/hooks/optin'),
);

export const newEndpointSchema = z.strictObject({
  url: httpUrl,
  /** @default every event type */
  events: z.optional(z.array(z.enum(webhookEventTypes)).check(z.minLength(1))),
  includeAddress: z.optional(z.boolean()),
});

const idSchema = z.uuid();

/** CRM webhooks: endpoints, the outbox with its dead letters, replay (docs/console.md#webhooks). */
export function webhookRoutes(db: SqlQueryable, now: () => Date, onQueued?: () => void): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();

  app.post('/v1/webhooks', async (c) => {
    let body: unknown;
    try {
      body = await readJsonLimited(c.req.raw, 16 * 1024);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return c.json({ error: 'payload_too_large' }, 413);
      return c.json(
        { error: 'invalid_json', message: 'send {"url": "https://…", "events": ["subscriber.confirmed"]}' },
        400,
      );
    }
    const input = z.safeParse(newEndpointSchema, body);
    if (!input.success) return c.json({ error: 'invalid_webhook', issues: issuesOf(input.error) }, 400);
    const endpoint = await addEndpoint(
      db,
      {
        url: input.data.url,
        events: [...new Set(input.data.events ?? webhookEventTypes)],
        ...(input.data.includeAddress !== undefined ? { includeAddress: input.data.includeAddress } : {}),
      },
      now(),
    );
    return c.json(endpoint, 201);
  });

  app.get('/v1/webhooks', async (c) =>
    c.json({ endpoints: await listEndpoints(db), deliveries: await countDeliveries(db) }),
  );

  app.get('/v1/webhooks/deliveries', async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && !(deliveryStatuses as readonly string[]).includes(status))
      return c.json({ error: 'invalid_query', message: 'status must be pending, delivered or dead' }, 400);
    const endpointId = c.req.query('endpoint');
    if (endpointId !== undefined && !z.safeParse(idSchema, endpointId).success)
      return c.json({ error: 'invalid_query', message: 'endpoint must be an endpoint id' }, 400);
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 50) || 50, 1), 500);
    return c.json({
      deliveries: await listDeliveries(db, {
        status: status as (typeof deliveryStatuses)[number] | undefined,
        endpointId,
        limit,
      }),
    });
  });

  app.post('/v1/webhooks/deliveries/:id/replay', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id < 1) return c.json({ error: 'invalid_id' }, 400);
    if (!(await replayDelivery(db, id, now())))
      return c.json({ error: 'not_dead', message: 'only a dead letter can be replayed' }, 409);
    onQueued?.();
    return c.json({ id, status: 'pending' });
  });

  app.get('/v1/webhooks/:id', async (c) => {
    const id = z.safeParse(idSchema, c.req.param('id'));
    if (!id.success) return c.json({ error: 'invalid_id' }, 400);
    const endpoint = await getEndpoint(db, id.data);
    return endpoint ? c.json(endpoint) : c.json({ error: 'not_found' }, 404);
  });

  app.delete('/v1/webhooks/:id', async (c) => {
    const id = z.safeParse(idSchema, c.req.param('id'));
    if (!id.success) return c.json({ error: 'invalid_id' }, 400);
    return (await deleteEndpoint(db, id.data)) ? c.body(null, 204) : c.json({ error: 'not_found' }, 404);
  });

  return app;
}
