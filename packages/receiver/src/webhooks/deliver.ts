import type { SqlQueryable } from '../store/sql-client.js';
import { inboundAddress } from './address.js';
import { disableEndpoint } from './endpoints.js';
import {
  type AttemptOutcome,
  type LeasedMessage,
  consentFacts,
  leaseDue,
  recordAttempt,
  saveBody,
} from './outbox.js';
import { MAX_ATTEMPTS, nextDelayMs, parseRetryAfter } from './schedule.js';
import { webhookHeaders } from './signature.js';

/** Looks up a subscriber's messenger address for endpoints that asked for it; null when unknown or erased. */
export type AddressResolver = (
  db: SqlQueryable,
  subject: { consentId: string | null; subscriberId: string | null },
) => Promise<string | null>;

export interface DeliverOptions {
  db: SqlQueryable;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default () => new Date() */
  now?: () => Date;
  /** Jitter source. @default Math.random */
  random?: () => number;
  /** Standard Webhooks recommends 15 to 30 s. @default 15000 */
  timeoutMs?: number;
  /** Messages per pass. @default 50 */
  batchSize?: number;
  /** @default the inbound work's address of the subscriber (webhooks/address.ts) */
  resolveAddress?: AddressResolver;
}

export interface DeliverReport {
  delivered: number;
  retried: number;
  dead: number;
}

/** The JSON body of a message, made once at its first attempt (docs/console.md#payloads). */
async function buildBody(
  db: SqlQueryable,
  message: LeasedMessage,
  resolveAddress?: AddressResolver,
): Promise<string> {
  const facts = message.consentId ? await consentFacts(db, message.consentId) : {};
  const data: Record<string, unknown> = { ...facts };
  for (const [key, value] of Object.entries(message.data)) if (value !== null) data[key] = value;
  if (message.includeAddress) {
    const subscriberId = typeof data['subscriberId'] === 'string' ? data['subscriberId'] : null;
    data['address'] = await (resolveAddress ?? inboundAddress)(db, {
      consentId: message.consentId,
      subscriberId,
    });
  }
  return JSON.stringify({ type: message.eventType, timestamp: message.occurredAt, data });
}

/** One attempt: 2xx delivered; 410 stops the endpoint; anything else is retried until the schedule ends. */
async function attempt(
  message: LeasedMessage,
  body: string,
  options: Required<Omit<DeliverOptions, 'resolveAddress'>>,
): Promise<AttemptOutcome & { gone?: boolean }> {
  const now = options.now();
  const id = `msg_${message.messageId}`;
  const headers = webhookHeaders(message.secret, id, Math.floor(now.getTime() / 1000), body);
  let status: number | null = null;
  let error: string;
  let retryAfterMs: number | undefined;
  try {
    const response = await options.fetch(message.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'messenger-optin-receiver', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = response.status;
    await response.body?.cancel().catch(() => {});
    if (status >= 200 && status < 300) return { result: 'delivered', status };
    if (status === 410)
      return { result: 'dead', status, error: 'endpoint answered 410 Gone; it is disabled', gone: true };
    error = `HTTP ${status}`;
    retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  } catch (cause) {
    error = cause instanceof Error ? `${cause.name}: ${cause.message}` : 'network error';
  }
  const delay = nextDelayMs(message.attempts + 1, retryAfterMs, options.random);
  if (delay === undefined || message.attempts + 1 >= MAX_ATTEMPTS)
    return { result: 'dead', status, error: `${error}; gave up after ${message.attempts + 1} attempts` };
  return { result: 'retry', status, error, nextAttemptAt: new Date(now.getTime() + delay) };
}

/**
 * One pass over the outbox: leases what is due (in order per subscriber), signs and posts each, and
 * records the outcome. Runs until nothing is due, so messages of a subscriber that wait on the one
 * before them go out in the same pass.
 */
export async function deliverDue(options: DeliverOptions): Promise<DeliverReport> {
  const settings = {
    db: options.db,
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? 15_000,
    batchSize: options.batchSize ?? 50,
  };
  const report: DeliverReport = { delivered: 0, retried: 0, dead: 0 };
  // Bounded: a pass ends after this many rounds even if new messages keep arriving.
  for (let round = 0; round < 100; round++) {
    const leased = await leaseDue(settings.db, settings.now(), settings.batchSize);
    if (leased.length === 0) break;
    await Promise.all(
      leased.map(async (message) => {
        let body = message.body;
        if (body === null) {
          body = await buildBody(settings.db, message, options.resolveAddress);
          await saveBody(settings.db, message.id, body);
        }
        const outcome = await attempt(message, body, settings);
        await recordAttempt(settings.db, message.id, outcome, settings.now());
        if (outcome.gone)
          await disableEndpoint(settings.db, message.endpointId, 'answered 410 Gone', settings.now());
        if (outcome.result === 'delivered') report.delivered++;
        else if (outcome.result === 'retry') report.retried++;
        else report.dead++;
      }),
    );
  }
  return report;
}

export interface WebhookWorker {
  /** Runs a pass now (also what the timer does); passes never overlap. */
  kick(): Promise<DeliverReport | undefined>;
  stop(): Promise<void>;
}

/** Delivers in the receiver process every `intervalMs` (default 2 s); errors are logged, never thrown. */
export function startWebhookWorker(
  options: DeliverOptions & { intervalMs?: number; onError?: (error: unknown) => void },
): WebhookWorker {
  let running: Promise<DeliverReport | undefined> | undefined;
  let stopped = false;
  const kick = () => {
    if (stopped) return Promise.resolve(undefined);
    running ??= deliverDue(options)
      .catch((error: unknown) => {
        options.onError?.(error);
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void kick(), options.intervalMs ?? 2_000);
  timer.unref();
  return {
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
