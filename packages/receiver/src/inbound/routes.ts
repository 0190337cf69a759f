import { Hono } from 'hono';
import * as z from 'zod/mini';
import { checkBearer } from '../http/auth.js';
import { invalidJson, parseJsonBytes, readBodyOrTooLarge } from '../http/body.js';
import type { Logger } from '../http/logger.js';
import type { ReceiverEnv } from '../routes/env.js';
import type { SqlClient } from '../store/sql-client.js';
import type { InboundConfig } from './config.js';
import { genericEvent, genericInboundSchema } from './generic.js';
import { type ChangeHook, type MatchContext, type ProcessResult, processEvent } from './process.js';
import { inboundProviders } from './providers.js';
import { keyedHash } from './sender.js';
import { safeEqual } from './signatures.js';
import type { InboundStats } from './stats.js';
import type { InboundEvent, InboundProvider, ProviderReplies, WebhookRequest } from './types.js';

/** Meta allows 3 MB payloads; anything larger is not a webhook of ours. */
export const INBOUND_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface InboundRouteOptions {
  client: SqlClient;
  /** Undefined: no inbound variable is set, every inbound route answers 404. */
  config: InboundConfig | undefined;
  now: () => Date;
  log: Logger;
  stats: InboundStats;
  onChanges?: ChangeHook | undefined;
  /** Called after a transaction queued a reply (the Node server wakes its outbox worker). */
  onReplyQueued?: (() => void) | undefined;
}

/** The provider's reply settings when its credentials and INBOUND_COMPANY are all set. */
export function repliesFor(config: InboundConfig, provider: string): ProviderReplies | undefined {
  const replies = inboundProviders.find((item) => item.name === provider)?.replies;
  if (!replies || config.company === undefined) return undefined;
  const settings = config.settings;
  const key = inboundProviders.find((item) => item.name === provider)?.keyVariable;
  const needed = [...replies.variables, ...(key ? [key] : [])];
  return needed.every((variable) => settings[variable] !== undefined) ? replies : undefined;
}

const decoder = new TextDecoder('utf-8');

/**
 * The webhook routes (docs/inbound.md#routes-and-answers), checked in this order: 404 unconfigured, 413 too
 * large, 401 not authentic, 200 ignored, 200 once committed, 500 on a database error (the provider
 * retries; the dedupe key makes that safe).
 */
export function inboundRoutes(options: InboundRouteOptions): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();
  const { config, stats, log } = options;
  const match = (cfg: InboundConfig): MatchContext => ({
    client: options.client,
    config: cfg,
    now: options.now,
    repliesFor: (provider) => repliesFor(cfg, provider),
    onChanges: options.onChanges,
  });

  /** Runs each event in its own transaction; logs ids as keyed hashes, never texts or addresses. */
  async function handle(
    provider: string,
    cfg: InboundConfig,
    events: readonly InboundEvent[],
  ): Promise<ProcessResult[]> {
    const results: ProcessResult[] = [];
    for (const event of events) {
      const started = performance.now();
      const result = await processEvent(event, match(cfg));
      results.push(result);
      if (result.status === 'ignored') {
        stats.ignore(provider, result.reason);
        stats.request(provider, 'ignored');
      } else {
        stats.request(provider, result.status === 'duplicate' ? 'duplicate' : 'accepted');
        if (result.status === 'stored') {
          stats.outcome(event.channel, result.outcome);
          if (result.reply) options.onReplyQueued?.();
        }
      }
      log({
        level: 'info',
        msg: 'inbound',
        provider,
        // A keyed hash: some ids embed the sender (Telegram's `<chat id>:<message id>`).
        messageIdHash: keyedHash(cfg.hashKey, event.messageId).slice(0, 16),
        status: result.status,
        outcome: result.status === 'ignored' ? result.reason : result.outcome,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
    return results;
  }

  const notConfigured = (provider: string) => {
    stats.request(provider, 'not_configured');
    return Response.json(
      { error: 'not_configured', message: `the ${provider} webhook is not configured` },
      { status: 404 },
    );
  };

  for (const provider of inboundProviders as readonly InboundProvider[]) {
    const configured = (): InboundConfig | undefined =>
      config && config.settings[provider.keyVariable] !== undefined ? config : undefined;

    if (provider.handshakeVariable) {
      const variable = provider.handshakeVariable;
      // Meta's subscription check: echo hub.challenge when hub.verify_token matches.
      app.get(provider.path, (c) => {
        const cfg = configured();
        if (!cfg) return notConfigured(provider.name);
        const expected = cfg.settings[variable];
        const ok =
          c.req.query('hub.mode') === 'subscribe' &&
          expected !== undefined &&
          safeEqual(c.req.query('hub.verify_token'), expected);
        if (!ok) return c.json({ error: 'forbidden', message: 'wrong hub.verify_token' }, 403);
        return c.text(c.req.query('hub.challenge') ?? '', 200, { 'content-type': 'text/plain' });
      });
    }

    app.post(provider.path, async (c) => {
      const cfg = configured();
      if (!cfg) return notConfigured(provider.name);
      const bytes = await readBodyOrTooLarge(c.req.raw, INBOUND_MAX_BODY_BYTES);
      if (!(bytes instanceof Uint8Array)) return c.json(bytes, 413);
      const search = new URL(c.req.url).search;
      const base = cfg.settings.RECEIVER_PUBLIC_URL?.replace(/\/+$/, '');
      const request: WebhookRequest = {
        bytes,
        text: decoder.decode(bytes),
        headers: c.req.raw.headers,
        publicUrl: base === undefined ? undefined : `${base}${provider.path}${search}`,
      };
      if (!provider.verify(request, cfg.settings)) {
        stats.request(provider.name, 'unauthorized');
        return c.json({ error: 'unauthorized', message: 'missing or wrong signature' }, 401);
      }
      const parsed = provider.parse(request, cfg.settings);
      for (const reason of parsed.ignored) {
        stats.ignore(provider.name, reason);
        if (reason === 'unparseable')
          log({
            level: 'warn',
            msg: 'inbound payload not understood',
            provider: provider.name,
            bytes: bytes.byteLength,
          });
      }
      if (parsed.events.length === 0 && parsed.ignored.length > 0) stats.request(provider.name, 'ignored');
      await handle(provider.name, cfg, parsed.events);
      return provider.okResponse?.() ?? c.json({ ok: true });
    });
  }

  app.post('/v1/inbound', async (c) => {
    const cfg = config?.settings.INBOUND_TOKEN !== undefined ? config : undefined;
    if (!cfg) return notConfigured('generic');
    const bytes = await readBodyOrTooLarge(c.req.raw, INBOUND_MAX_BODY_BYTES);
    if (!(bytes instanceof Uint8Array)) return c.json(bytes, 413);
    if (checkBearer(c.req.header('authorization'), cfg.settings.INBOUND_TOKEN) !== 'ok') {
      stats.request('generic', 'unauthorized');
      c.header('WWW-Authenticate', 'Bearer realm="messenger-optin-receiver inbound"');
      return c.json({ error: 'unauthorized', message: 'send Authorization: Bearer <INBOUND_TOKEN>' }, 401);
    }
    let body: unknown;
    try {
      body = parseJsonBytes(bytes);
    } catch (error) {
      return c.json(invalidJson(error), 400);
    }
    const input = z.safeParse(genericInboundSchema, body);
    if (!input.success) {
      const issues = input.error.issues.map((issue) => ({
        path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
        code: issue.code,
        message: issue.message,
      }));
      return c.json({ error: 'invalid_inbound', issues }, 400);
    }
    const [result] = await handle('generic', cfg, [genericEvent(input.data)]);
    if (!result || result.status === 'ignored')
      return c.json({
        status: 'ignored',
        outcome: result?.reason ?? 'no_intent',
        entryId: null,
        reply: null,
      });
    return c.json({
      status: result.status,
      outcome: result.outcome,
      entryId: result.entryId,
      reply: result.reply ? { text: result.reply.text } : null,
    });
  });

  return app;
}
