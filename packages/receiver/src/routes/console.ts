import { Hono } from 'hono';
import { consoleDb, requireAdmin } from '../console/guard.js';
import type { Store } from '../store/types.js';
import type { ReceiverEnv } from './env.js';
import { statsRoutes } from './stats.js';
import { webhookRoutes } from './webhooks.js';

export interface ConsoleRouteOptions {
  store: Store;
  adminToken: string | undefined;
  now: () => Date;
  /** Called when a webhook message became due (a replay), so a worker can send it at once. */
  onWebhookQueued?: (() => void) | undefined;
}

/** The site owner's console behind the admin token (docs/console.md). */
export function consoleRoutes(options: ConsoleRouteOptions): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();
  const db = consoleDb(options.store);
  if (!db) return app;
  const guard = requireAdmin(options.adminToken);
  for (const path of [
    '/v1/stats',
    '/v1/stats/*',
    '/v1/console/*',
    '/v1/export/*',
    '/v1/webhooks',
    '/v1/webhooks/*',
  ])
    app.use(path, guard);
  app.route('/', statsRoutes(db));
  app.route('/', webhookRoutes(db, options.now, options.onWebhookQueued));
  return app;
}
