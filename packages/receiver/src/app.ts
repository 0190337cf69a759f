import { Hono } from 'hono';

export interface ReceiverOptions {
  /** Reported by GET /healthz. */
  version?: string;
}

/** The receiver as a web-standard app: `app.fetch(request)` runs on Node, serverless and edge. */
export function createReceiver(options: ReceiverOptions = {}): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok', version: options.version ?? '0.0.0' }));
  return app;
}
