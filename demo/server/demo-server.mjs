import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createDemoMessenger } from './demo-messenger.mjs';
import { securityHeaders } from './security-headers.mjs';
import { readAsset, resolveFile } from './static-files.mjs';

const repoRoot = new URL('../../', import.meta.url).pathname;

/** What the demo serves besides the receiver: the pages, and the script-tag bundle as a CDN would. */
export const demoMounts = [
  { prefix: '/widget/', dir: `${repoRoot}packages/widget/dist/cdn/` },
  // The SDK's browser build: the configurator checks the form with the widget's own rules.
  { prefix: '/sdk/', dir: `${repoRoot}packages/sdk/dist/browser/` },
  { prefix: '/', dir: `${repoRoot}demo/pages/` },
];

/**
 * Paths that belong to the receiver: its API, its health check and the site owner's console
 * (/admin). Everything else is a page or an asset.
 */
export function isReceiverPath(pathname) {
  return (
    pathname === '/healthz' ||
    pathname === '/v1' ||
    pathname.startsWith('/v1/') ||
    pathname === '/admin' ||
    pathname.startsWith('/admin/')
  );
}

/**
 * Starts the demo on ONE origin: pages, widget bundle and the receiver app (mounted at /v1,
 * /healthz and /admin). One origin means the pages need no CORS setup, and the receiver's origin allowlist
 * holds just this server's own origins.
 *
 * `createReceiverApp({ origins, inboundSettings })` returns `{ fetch, close? }`; it is called once
 * the port is known, because the allowlist and the fake messenger API's URLs need it (port 0 picks a
 * free port). `inboundSettings` are the receiver's messenger settings for this run: per-run provider
 * secrets, and reply API base URLs pointing at the demo's fake messenger API (demo-messenger.mjs).
 */
export async function startDemoServer({
  port = 5173,
  host = '127.0.0.1',
  createReceiverApp,
  log = () => {},
}) {
  let receiverListener;
  let messenger;
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      log(`demo server: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error');
    });
  });

  async function handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (isReceiverPath(url.pathname)) {
      if (!receiverListener) {
        response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('starting');
        return;
      }
      return receiverListener(request, response);
    }
    if (url.pathname.startsWith('/demo/')) {
      if (messenger && (await messenger.handle(request, response, url))) return;
      response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('starting');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', ...securityHeaders() }).end();
      return;
    }
    const file = await resolveFile(demoMounts, url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders() });
      response.end(`not found: ${url.pathname}`);
      return;
    }
    const { type, body } = await readAsset(file, originOf(request));
    // The widget files are served as a CDN would: readable cross-origin, so the configurator's
    // snippet (a module script with `integrity` and `crossorigin`) works when pasted on any site.
    const cors = url.pathname.startsWith('/widget/') ? { 'access-control-allow-origin': '*' } : {};
    response.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      ...securityHeaders(),
      ...cors,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = server.address().port;
  const origins = [`http://127.0.0.1:${actualPort}`, `http://localhost:${actualPort}`];
  const canonical =
    host === '127.0.0.1' || host === 'localhost' ? origins[0] : `http://${host}:${actualPort}`;
  if (!origins.includes(canonical)) origins.push(canonical);

  /** The origin a page was requested on, if it is one of ours (else the canonical one). */
  function originOf(request) {
    const candidate = `http://${request.headers.host ?? ''}`;
    return origins.includes(candidate) ? candidate : canonical;
  }

  const demoMessenger = createDemoMessenger({ baseUrl: `${canonical}/`, origins });
  let receiver;
  try {
    receiver = await createReceiverApp({ origins, inboundSettings: demoMessenger.receiverSettings() });
  } catch (error) {
    server.close();
    throw error;
  }
  receiverListener = getRequestListener(receiver.fetch);
  messenger = demoMessenger;

  return {
    url: `${canonical}/`,
    origins,
    port: actualPort,
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve()));
      await receiver.close?.();
    },
  };
}
