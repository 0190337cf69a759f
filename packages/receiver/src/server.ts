import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from './store/types.js';

export interface StartServerOptions {
  app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };
  /** Closed after the last in-flight request finished. */
  store: Store;
  /** @default 8787; 0 picks a free port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** How long close() waits for in-flight requests before cutting connections. @default 10000 */
  shutdownTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Graceful shutdown: stop accepting connections, let in-flight requests finish (each write is one
   * transaction, so a cut one leaves nothing half-written either), then close the database.
   */
  close(): Promise<void>;
}

/** Serves the app on Node's HTTP server. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: options.app.fetch, port: options.port ?? 8787, hostname: host }, () =>
      resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), options.shutdownTimeoutMs ?? 10_000);
        timer.unref();
        // close() stops accepting and resolves once every connection has ended; idle keep-alive
        // connections are closed now, busy ones right after their response.
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      await options.store.close();
    })();
    return closing;
  };

  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, close };
}
