import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { SqlClient } from '../store/sql-client.js';
import { dismissFlagged } from '../console/dismiss.js';
import type { Store } from '../store/types.js';
import { listFlaggedOptins, readReplyOutbox } from '../console/inbound-views.js';
import { parsePeriod } from '../console/filters.js';
import { type SeriesBucket, readSeries, readStats, seriesBuckets } from '../console/stats.js';
import {
  allSubscribers,
  listSubscribers,
  parseListQuery,
  subscriberColumns,
} from '../console/subscribers.js';
import { type ExportFormat, exportFormats, exportResponse, formatChunks } from '../export.js';
import type { ReceiverEnv } from './env.js';

/**
 * The console's numbers as JSON (docs/console.md): the funnel and subscribers by state per channel,
 * the series behind the chart, and the subscriber list. Mounted behind the admin guard.
 */
export function statsRoutes(db: SqlClient, store: Store, now: () => Date): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();

  app.get('/v1/stats', async (c) => {
    const period = parsePeriod(c.req.query());
    if (!period.ok) return c.json({ error: 'invalid_query', issues: period.issues }, 400);
    return c.json(await readStats(db, period.value), 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/v1/stats/series', async (c) => {
    const period = parsePeriod(c.req.query());
    if (!period.ok) return c.json({ error: 'invalid_query', issues: period.issues }, 400);
    const bucket = c.req.query('bucket') ?? 'day';
    if (!(seriesBuckets as readonly string[]).includes(bucket))
      return c.json(
        {
          error: 'invalid_query',
          issues: [{ path: ['bucket'], code: 'custom', message: 'must be day, week or month' }],
        },
        400,
      );
    return c.json(await readSeries(db, period.value, bucket as SeriesBucket), 200, {
      'Cache-Control': 'no-store',
    });
  });

  app.get('/v1/console/subscribers', async (c) => {
    const request = parseListQuery(c.req.query());
    if (!request.ok) return c.json({ error: 'invalid_query', issues: request.issues }, 400);
    return c.json(await listSubscribers(db, request.value), 200, { 'Cache-Control': 'no-store' });
  });

  // The whole-site chain check, as `messenger-optin-receiver verify` runs it, with its time.
  app.post('/v1/console/verify', async (c) => {
    const started = now();
    const report = await store.verify();
    return c.json({ checkedAt: started.toISOString(), ...report });
  });

  app.get('/v1/console/flagged', async (c) => c.json({ items: await listFlaggedOptins(db) }));

  // The site owner decides a flagged opt-in is no consent (docs/console.md#flagged).
  app.post('/v1/console/flagged/:subscriptionId/dismiss', async (c) => {
    const id = z.safeParse(z.uuid(), c.req.param('subscriptionId'));
    if (!id.success)
      return c.json({ error: 'invalid_subscription_id', message: 'subscriptionId must be a UUID' }, 400);
    const result = await dismissFlagged(db, id.data.toLowerCase(), now());
    if (result.status === 'not_found')
      return c.json({ error: 'not_found', message: 'no subscription with this id' }, 404);
    if (result.status === 'not_flagged')
      return c.json(
        {
          error: 'not_flagged',
          message: `only unmatched or ambiguous opt-ins can be dismissed; this one is ${result.state}`,
        },
        409,
      );
    const { status: _status, ...answer } = result;
    return c.json(answer);
  });
  app.get('/v1/console/replies', async (c) => c.json({ outbox: await readReplyOutbox(db) }));

  // Every subscriber that matches the list's filters (cursor and limit ignored), streamed.
  app.get('/v1/export/subscribers', (c) => {
    const format = c.req.query('format') ?? 'csv';
    if (!(exportFormats as readonly string[]).includes(format))
      return c.json({ error: 'invalid_format', message: 'format must be csv, json or ndjson' }, 400);
    const request = parseListQuery({ ...c.req.query(), cursor: undefined, limit: undefined });
    if (!request.ok) return c.json({ error: 'invalid_query', issues: request.issues }, 400);
    const rows = allSubscribers(db, request.value.filter);
    const stamp = new Date().toISOString().slice(0, 10);
    return exportResponse(
      formatChunks(rows, format as ExportFormat, subscriberColumns),
      format as ExportFormat,
      `subscribers-${stamp}`,
    );
  });

  return app;
}
