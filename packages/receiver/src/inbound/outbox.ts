import type { Logger } from '../http/logger.js';
import { type AttemptRecord, leaseDueReplies, recordAttempt } from '../store/outbox-sql.js';
import type { SqlClient } from '../store/sql-client.js';
import { REPLY_BACKOFF, replyDelayMs } from './backoff.js';
import type { InboundConfig } from './config.js';
import { repliesFor } from './routes.js';
import type { InboundStats } from './stats.js';
import type { SendResult } from './types.js';

export interface OutboxOptions {
  client: SqlClient;
  config: InboundConfig;
  /** @default () => new Date() */
  now?: () => Date;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  stats?: InboundStats;
  log?: Logger;
  /** Rows leased per pass. @default 20 */
  batchSize?: number;
  /** How long a lease protects a row from other senders. @default 60000 */
  leaseMs?: number;
}

export interface DrainReport {
  sent: number;
  retry: number;
  failed: number;
  dropped: number;
}

/**
 * One pass over the due replies: lease, send, record. A send never throws (network errors are
 * retries); the inbound record was committed long before, so no outcome here can lose it.
 */
export async function drainOutbox(options: OutboxOptions): Promise<DrainReport> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const doFetch = options.fetch ?? globalThis.fetch;
  const report: DrainReport = { sent: 0, retry: 0, failed: 0, dropped: 0 };
  const started = now();
  const leased = await leaseDueReplies(
    options.client,
    started,
    new Date(started.getTime() + (options.leaseMs ?? 60_000)),
    options.batchSize ?? 20,
  );
  for (const row of leased) {
    const at = now();
    const replies = repliesFor(options.config, row.provider);
    let result: SendResult;
    if (!replies) result = { status: 'dropped', error: 'replies_off' };
    else if (!row.personKnown) result = { status: 'dropped', error: 'erased' };
    else if (row.windowEndsAt && at > row.windowEndsAt)
      result = { status: 'dropped', error: 'window_closed' };
    else
      result = await replies.send({
        id: row.id,
        address: row.address,
        text: row.text,
        context: row.context,
        attempts: row.attempts,
        settings: options.config.settings,
        apiBase: (options.config.settings[replies.apiBaseVariable] ?? replies.defaultApiBase).replace(
          /\/+$/,
          '',
        ),
        company: options.config.company ?? '',
        fetch: doFetch,
        now: at,
      });
    const record = toRecord(result, row.attempts, at, random);
    await recordAttempt(options.client, row.id, record);
    report[record.status] += 1;
    options.stats?.sent(row.provider, record.status);
    options.log?.({
      level: record.status === 'failed' ? 'warn' : 'info',
      msg: 'inbound reply',
      provider: row.provider,
      kind: row.kind,
      outboxId: row.id,
      result: record.status,
      ...(record.status === 'sent' ? {} : { error: record.error }),
    });
  }
  return report;
}

function toRecord(result: SendResult, attemptsBefore: number, at: Date, random: () => number): AttemptRecord {
  switch (result.status) {
    case 'sent':
      return { status: 'sent', at };
    case 'retry': {
      const attempts = attemptsBefore + 1;
      if (attempts >= REPLY_BACKOFF.maxAttempts)
        return {
          status: 'failed',
          at,
          error: `gave up after ${attempts} attempts: ${result.error}`,
          counted: true,
        };
      const delay = replyDelayMs(attempts, random(), result.retryAfterMs);
      return { status: 'retry', at, nextAttemptAt: new Date(at.getTime() + delay), error: result.error };
    }
    default:
      return { status: result.status, at, error: result.error, counted: result.status === 'failed' };
  }
}

export interface OutboxWorker {
  /** Runs a pass soon (after an inbound transaction queued a reply). */
  wake(): void;
  /** Stops the timer and waits for the pass in flight. */
  stop(): Promise<void>;
}

/**
 * The Node server's sender: a pass every `intervalMs` and on wake(). Several receiver processes may
 * run one each; the leases keep them from sending a row twice at once.
 */
export function startOutboxWorker(options: OutboxOptions & { intervalMs?: number }): OutboxWorker {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const report = await drainOutbox(options);
          // A full batch means more may be due now.
          if (report.sent + report.retry + report.failed + report.dropped >= (options.batchSize ?? 20))
            again = true;
        } while (again && !stopped);
      } catch (error) {
        options.log?.({
          level: 'error',
          msg: 'outbox pass failed',
          error: error instanceof Error ? error.name : 'error',
        });
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(pass, options.intervalMs ?? 1_000);
  timer.unref();
  return {
    wake: () => queueMicrotask(pass),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
