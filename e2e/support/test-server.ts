import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseBatch, type Rejected } from '../../packages/receiver/src/ingest.js';

/**
 * The e2e test server, on 127.0.0.1 only:
 * - static files from the repo root (built bundles in packages/x/dist, pages in e2e/fixtures);
 * - a counting consent endpoint `POST /collect/<bucket>` that stores events by `eventId` and counts
 *   duplicates, with a scripted answer queue per bucket so a test can say "500, 500, 500, then 200";
 *   its 2xx answers check each event with the real receiver's `parseBatch` and refuse what it refuses;
 * - `GET /collect/<bucket>/stats`, `POST /collect/<bucket>/script` to inspect and script a bucket.
 * Buckets keep parallel tests apart.
 */

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Close the connection without answering (a network error at the client). */
  destroy?: boolean;
  /** Answer only after this many milliseconds. */
  delayMs?: number;
}

export interface Bucket {
  /** Events by eventId, first copy kept. */
  events: Map<string, unknown>;
  /** Every copy beyond the first of an eventId. */
  duplicates: number;
  requests: Array<{
    at: number;
    contentType: string | undefined;
    /** `sec-fetch-mode`: `cors` for fetch (keepalive or not), `no-cors` for sendBeacon with text/plain */
    mode: string | undefined;
    count: number;
    status: number;
    /** eventIds in this request, in order */
    ids: string[];
  }>;
  script: ScriptedAnswer[];
  /** Events the receiver's checks refused, with why; a test expects none unless it sends bad ones. */
  rejected: Array<Rejected & { event: unknown }>;
}

const buckets = new Map<string, Bucket>();

function bucket(name: string): Bucket {
  let found = buckets.get(name);
  if (!found) {
    found = { events: new Map(), duplicates: 0, requests: [], script: [], rejected: [] };
    buckets.set(name, found);
  }
  return found;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function cors(response: ServerResponse) {
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Allow-Headers', '*');
  response.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function handleCollect(request: IncomingMessage, response: ServerResponse, parts: string[]) {
  cors(response);
  const [name = 'default', action] = parts;
  const state = bucket(name);
  if (request.method === 'OPTIONS') return void response.writeHead(204).end();
  if (action === 'stats') {
    return sendJson(response, 200, {
      unique: state.events.size,
      duplicates: state.duplicates,
      requests: state.requests,
      eventIds: [...state.events.keys()],
      events: [...state.events.values()],
      rejected: state.rejected,
    });
  }
  if (action === 'script' && request.method === 'POST') {
    state.script.push(...(JSON.parse(await readBody(request)) as ScriptedAnswer[]));
    return sendJson(response, 200, { queued: state.script.length });
  }
  if (action === 'reset' && request.method === 'POST') {
    buckets.delete(name);
    return sendJson(response, 200, { reset: true });
  }
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' });

  const body = await readBody(request);
  const answer = state.script.shift() ?? { status: 200 };
  if (answer.delayMs) await new Promise((done) => setTimeout(done, answer.delayMs));
  if (answer.destroy) return void request.socket.destroy();

  let items: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(body);
    items = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    items = [];
  }
  state.requests.push({
    at: Date.now(),
    contentType: request.headers['content-type'],
    mode: request.headers['sec-fetch-mode'] as string | undefined,
    count: items.length,
    status: answer.status,
    ids: items.map((item) => String((item as { eventId?: unknown } | null)?.eventId)),
  });
  if (answer.status < 200 || answer.status >= 300)
    return sendJson(response, answer.status, { accepted: 0, duplicates: 0 }, answer.headers);

  // A scripted 2xx is answered as the real receiver would: events it refuses are not stored, and
  // the answer lists them, so a browser test sending an event the receiver would refuse fails.
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return sendJson(response, 400, { error: 'invalid_json' });
  }
  const checked = parseBatch(parsed, { receivedAt: new Date(), origin: request.headers.origin });
  state.rejected.push(...checked.rejected.map((item) => ({ ...item, event: items[item.index] })));
  if (!checked.ok)
    return sendJson(response, 400, {
      error: checked.error,
      issues: checked.issues,
      rejected: checked.rejected,
    });
  const refused = new Set(checked.rejected.map((item) => item.index));
  let accepted = 0;
  let duplicates = 0;
  items.forEach((item, index) => {
    if (refused.has(index)) return;
    const id = (item as { eventId: string }).eventId;
    if (state.events.has(id)) {
      state.duplicates += 1;
      duplicates += 1;
    } else {
      state.events.set(id, item);
      accepted += 1;
    }
  });
  sendJson(response, answer.status, { accepted, duplicates, rejected: checked.rejected }, answer.headers);
}

/**
 * `?csp=<policy>` on a page adds that Content-Security-Policy header, so a test can serve any
 * fixture under a CSP (e.g. `connect-src 'none'` to block the consent endpoint).
 */
function serveStatic(root: string, urlPath: string, response: ServerResponse, csp?: string | null) {
  const file = normalize(join(root, decodeURIComponent(urlPath)));
  if (!file.startsWith(root)) return sendJson(response, 403, { error: 'outside root' });
  const path = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
  if (!existsSync(path)) return sendJson(response, 404, { error: `not found: ${urlPath}` });
  response.writeHead(200, {
    'content-type': types[extname(path)] ?? 'application/octet-stream',
    ...(csp ? { 'content-security-policy': csp } : {}),
  });
  createReadStream(path).pipe(response);
}

export function startTestServer(port: number, root = resolve(import.meta.dirname, '../..')): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
    if (parts[0] === 'collect') {
      handleCollect(request, response, parts.slice(1)).catch((error: unknown) =>
        sendJson(response, 500, { error: String(error) }),
      );
      return;
    }
    serveStatic(root, url.pathname, response, url.searchParams.get('csp'));
  });
  // Never close an idle keep-alive connection: when the server closes one (Node's default after
  // 5 s) just as a client sends on it, that request dies with ECONNRESET (a tabs.spec stats poll
  // did, 1 of 20). Clients close their own idle sockets, which races with nothing.
  server.keepAliveTimeout = 0;
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
