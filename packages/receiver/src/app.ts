import { Hono } from 'hono';
import { corsHeaders, isOriginAllowed, preflightHeaders, type AllowedOrigins } from './http/cors.js';
import { type GetClientKey, addressBucket, createAddressHasher, socketAddress } from './http/client-key.js';
import { ingestAccess } from './http/ingest-access.js';
import { type Logger, jsonLogger } from './http/logger.js';
import { ClientLimits, type RateLimitOptions } from './http/rate-limit.js';
import type { InboundConfig } from './inbound/config.js';
import type { ChangeHook } from './inbound/process.js';
import { inboundAdminRoutes, inboundConfirmRoute } from './inbound/admin-routes.js';
import { confirmLinkRoutes } from './inbound/confirm-link-routes.js';
import { inboundRoutes, repliesFor } from './inbound/routes.js';
import { InboundStats } from './inbound/stats.js';
import { adminRoutes } from './routes/admin.js';
import { consoleRoutes } from './routes/console.js';
import type { ReceiverEnv } from './routes/env.js';
import { eventRoutes } from './routes/events.js';
import { SqlStore } from './store/sql-store.js';
import type { Store } from './store/types.js';

/** Messenger webhooks (docs/inbound.md). */
export interface InboundOptions {
  /** From `resolveInboundConfig(readSettings(env, flags), …)`; undefined turns every inbound route off (404). */
  config: InboundConfig | undefined;
  /** Counters of GET /v1/inbound/stats; pass one to share it with the outbox worker. */
  stats?: InboundStats;
  /**
   * Called inside each inbound transaction with the subscriptions whose state changed (confirmed,
   * withdrawn, …), e.g. to queue CRM webhooks that commit or roll back with the change.
   */
  onChanges?: ChangeHook;
  /** Called after a reply was queued, e.g. to wake the outbox worker. */
  onReplyQueued?: () => void;
}

export interface ReceiverOptions {
  /** Where events are kept: `openStore({ dataDir })` (PGlite) or `openStore({ databaseUrl })`. */
  store: Store;
  /**
   * Origins whose pages may post events (exact match, e.g. `https://shop.example`). Requests with
   * another Origin get 403, and events for a site outside the list are refused whoever sends them.
   * `'*'` allows every origin and must be set explicitly. Requests without an Origin header
   * (servers) need `ingestToken` once there is an allowlist (docs/receiver-security.md).
   * @default []
   */
  allowedOrigins?: AllowedOrigins;
  /**
   * Bearer token of senders that are not browsers (no Origin header). Required for them once an
   * allowlist is set; at least 32 bytes.
   */
  ingestToken?: string;
  /** Bearer token for the admin API, at least 32 bytes; without one the admin API refuses every request. */
  adminToken?: string;
  /** Token buckets per client address on POST /v1/events (requests, events, bytes); `false` turns them off. */
  rateLimit?: RateLimitOptions | false;
  /** Largest accepted body of POST /v1/events. @default 73728 (72 KiB) */
  maxBodyBytes?: number;
  /** Server clock; receivedAt comes from here. @default () => new Date() */
  now?: () => Date;
  /** Structured logger; `false` for none. @default JSON lines on stdout */
  logger?: Logger | false;
  /** The client's address for rate limiting, hashed before use. @default the socket address on Node */
  getClientKey?: GetClientKey;
  /** Reported by GET /healthz. */
  version?: string;
  /** Called when the console replays a webhook dead letter; the CLI kicks its worker with it. */
  onWebhookQueued?: () => void;
  /** Messenger webhooks and the subscriber admin API; needs a SqlStore. */
  inbound?: InboundOptions;
}

/**
 * The SDK sends batches of at most 60,000 bytes; a single event can be larger (a notice_shown whose
 * 20,000-character text is all 3-byte UTF-8, ~67 KB in all) and is sent alone. 72 KiB holds that
 * event and nothing much bigger (docs/receiver-security.md#limits).
 */
export const DEFAULT_MAX_BODY_BYTES = 72 * 1024;

/** Shortest accepted admin and ingest token: 32 bytes, guessing it is hopeless. */
export const MIN_TOKEN_BYTES = 32;

function checkToken(name: string, token: string | undefined): string | undefined {
  if (token !== undefined && new TextEncoder().encode(token).length < MIN_TOKEN_BYTES)
    throw new Error(
      `${name} is shorter than ${MIN_TOKEN_BYTES} bytes; make one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`,
    );
  return token;
}

/** The receiver as a web-standard app: `app.fetch(request)` runs on Node, serverless and edge. */
export function createReceiver(options: ReceiverOptions): Hono<ReceiverEnv> {
  const store = options.store;
  const allowedOrigins = options.allowedOrigins ?? [];
  const now = options.now ?? (() => new Date());
  const log: Logger = options.logger === false ? () => {} : (options.logger ?? jsonLogger());
  const limits = options.rateLimit === false ? undefined : new ClientLimits(options.rateLimit);
  const getClientKey = options.getClientKey ?? socketAddress;
  const hashAddress = createAddressHasher();
  const adminToken = checkToken('the admin token', options.adminToken);
  const ingestToken = checkToken('the ingest token', options.ingestToken);
  let warnedNoAddress = false;
  /**
   * The rate-limit key: the client's address (its /64 for IPv6), hashed. Not the Origin, which a
   * client chooses. Where the runtime gives no address (edge runtimes without getClientKey) the
   * Origin is all there is: it can only be an allowed one (others are refused first), so a client
   * rotating it has as many buckets as the allowlist has entries.
   */
  const clientKey = (request: Request, env: unknown): string => {
    const address = getClientKey(request, env);
    if (address !== undefined && address !== '') return hashAddress(addressBucket(address));
    if (!warnedNoAddress) {
      warnedNoAddress = true;
      log({
        level: 'warn',
        msg: 'no client address: rate limits apply per Origin; pass getClientKey (e.g. the platform header with the client address)',
      });
    }
    return `no-address|${request.headers.get('origin') ?? ''}`;
  };

  const app = new Hono<ReceiverEnv>();

  // Access log: route, status, duration and counts. Never an address or a message text.
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('log', {});
    await next();
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...c.get('log'),
    });
  });

  // CORS for the browser route only: the admin API is for servers and answers no preflight.
  app.use('/v1/events', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    // A page of the receiver itself (Chromium sends Origin on same-origin POSTs too) needs no CORS
    // answer. Only its own origin qualifies: Sec-Fetch-Site cannot be set by a page, but any
    // non-browser client can send it, so with a foreign Origin it changes nothing (the route still
    // checks the Origin against the allowlist; test/same-origin.test.ts).
    if (c.req.header('sec-fetch-site') === 'same-origin' && origin === new URL(c.req.url).origin)
      return next();
    if (!isOriginAllowed(origin, allowedOrigins)) {
      c.get('log').origin = origin;
      // With CORS headers, so that the page can read the 403 (else it is a network error, retried
      // for days) and report its events as refused. Safe: nothing was read or stored, and the
      // answer tells that origin only what it can learn anyway, that it is not allowed.
      return c.json(
        { error: 'origin_not_allowed', message: `origin ${origin} is not in the allowlist` },
        403,
        corsHeaders(origin),
      );
    }
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, preflightHeaders(origin, c.req.header('access-control-request-headers')));
    }
    await next();
    for (const [name, value] of Object.entries(corsHeaders(origin))) c.res.headers.set(name, value);
  });

  app.get('/healthz', async (c) => {
    try {
      await store.health();
      return c.json({ status: 'ok', version: options.version ?? '0.0.0' });
    } catch {
      return c.json({ status: 'unavailable', version: options.version ?? '0.0.0' }, 503);
    }
  });

  app.route(
    '/',
    eventRoutes({
      store,
      now,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      access: (request) =>
        ingestAccess(
          request.headers.get('origin') ?? undefined,
          request.headers.get('authorization') ?? undefined,
          {
            allowedOrigins,
            ingestToken,
          },
        ),
      limits,
      clientKey,
    }),
  );
  const inbound = options.inbound;
  if (inbound && !(store instanceof SqlStore))
    throw new TypeError('inbound webhooks need the SQL store (openStore)');
  const inboundStats = inbound?.stats ?? new InboundStats();
  const inboundConfig = inbound?.config;
  const inboundAdmin =
    inbound && store instanceof SqlStore
      ? {
          client: store.client,
          adminToken,
          stats: inboundStats,
          context: inboundConfig && {
            client: store.client,
            config: inboundConfig,
            now,
            repliesFor: (provider: string) => repliesFor(inboundConfig, provider),
            onChanges: inbound.onChanges,
          },
        }
      : undefined;
  // Before the admin routes: a confirm with {"inboundId"} is the inbound link, anything else goes on.
  if (inboundAdmin) app.route('/', inboundConfirmRoute(inboundAdmin));
  app.route('/', adminRoutes({ store, now, adminToken }));
  app.route('/', consoleRoutes({ store, now, adminToken, onWebhookQueued: options.onWebhookQueued }));
  if (inbound && inboundAdmin) {
    app.route(
      '/',
      inboundRoutes({
        client: inboundAdmin.client,
        config: inboundConfig,
        now,
        log,
        stats: inboundStats,
        onChanges: inbound.onChanges,
        onReplyQueued: inbound.onReplyQueued,
      }),
    );
    app.route('/', inboundAdminRoutes(inboundAdmin));
    if (inboundAdmin.context) app.route('/', confirmLinkRoutes(inboundAdmin.context));
  }

  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  app.onError((error, c) => {
    // The error's name and code only: driver messages can quote the stored values.
    log({
      level: 'error',
      msg: 'unhandled error',
      route: c.req.routePath,
      error: error.name,
      code: (error as { code?: string }).code,
    });
    return c.json({ error: 'internal_error' }, 500);
  });
  return app;
}
