import type { SqlClient, SqlQueryable } from '../store/sql-client.js';
import type { Store } from '../store/types.js';
import { eraseStrangers } from './inbound.js';

/** How long personal data is kept (docs/console.md#retention); the notice states the same numbers. */
export interface RetentionConfig {
  /** A consent never confirmed: its message and reference code go this many days after its last step. @default 30 */
  unconfirmedDays: number;
  /** A withdrawn consent: its proof keeps its personal data this many years after the withdrawal. @default 3 */
  withdrawnYears: number;
  /**
   * Someone who wrote on a messenger without a web consent: their addresses, texts and raw message
   * ids go this many days after their last message, unless a rights request of theirs is open.
   * @default 30
   */
  inboundDays: number;
}

export const DEFAULT_RETENTION: RetentionConfig = { unconfirmedDays: 30, withdrawnYears: 3, inboundDays: 30 };

export interface RetentionReport {
  runId: number;
  startedAt: string;
  erasedUnconfirmed: number;
  erasedWithdrawn: number;
  /** Strangers erased: people without a web consent, or messages stored without a subscriber. */
  erasedInbound: number;
}

const isClient = (db: SqlQueryable): db is SqlClient =>
  typeof (db as Partial<SqlClient>).transaction === 'function';

/** Consents due for erasure, oldest first, in pages: only those that still hold personal data. */
const DUE_SQL = `SELECT s.consent_id FROM consent_states s
  WHERE EXISTS (SELECT 1 FROM personal_data p WHERE p.consent_id = s.consent_id)
    AND CASE $1::text
      WHEN 'unconfirmed' THEN s.confirmed_at IS NULL AND s.withdrawn_at IS NULL
        AND s.last_at < $2::timestamptz - make_interval(days => $3::int)
      ELSE s.withdrawn_at < $2::timestamptz - make_interval(years => $3::int)
    END
  ORDER BY s.last_at LIMIT 200`;

/**
 * One retention run: erases (through the store's erasure, which appends an erasure entry to the
 * chain, so `verify` stays green) the personal data of consents never confirmed after
 * `unconfirmedDays`, and of withdrawn consents after `withdrawnYears`; records the run.
 */
export async function runRetention(
  store: Store,
  db: SqlQueryable,
  options: { now: Date; config?: Partial<RetentionConfig>; trigger: 'schedule' | 'cli' | 'admin' },
): Promise<RetentionReport> {
  const config = { ...DEFAULT_RETENTION, ...options.config };
  const startedAt = options.now.toISOString();
  const { rows } = await db.query<{ id: number | string }>(
    `INSERT INTO retention_runs (trigger, started_at, unconfirmed_days, withdrawn_years) VALUES ($1, $2, $3, $4) RETURNING id`,
    [options.trigger, startedAt, config.unconfirmedDays, config.withdrawnYears],
  );
  const runId = Number(rows[0]?.id);
  const erased = { unconfirmed: 0, withdrawn: 0, inbound: 0 };
  try {
    for (const [rule, amount] of [
      ['unconfirmed', config.unconfirmedDays],
      ['withdrawn', config.withdrawnYears],
    ] as const) {
      // Bounded: a run erases at most 100 pages; the next run goes on.
      for (let page = 0; page < 100; page++) {
        const { rows: due } = await db.query<{ consent_id: string }>(DUE_SQL, [rule, startedAt, amount]);
        if (due.length === 0) break;
        for (const { consent_id } of due) {
          const result = await store.erase(consent_id, options.now);
          if (result.status === 'erased' && !result.alreadyErased) erased[rule]++;
        }
      }
    }
    if (isClient(db))
      erased.inbound = await eraseStrangers(db, { now: options.now, days: config.inboundDays });
  } catch (error) {
    await db.query('UPDATE retention_runs SET finished_at = $2, error = $3 WHERE id = $1', [
      runId,
      new Date().toISOString(),
      error instanceof Error ? error.name : 'error',
    ]);
    throw error;
  }
  await db.query(
    'UPDATE retention_runs SET finished_at = $2, erased_unconfirmed = $3, erased_withdrawn = $4, erased_inbound = $5 WHERE id = $1',
    [runId, options.now.toISOString(), erased.unconfirmed, erased.withdrawn, erased.inbound],
  );
  return {
    runId,
    startedAt,
    erasedUnconfirmed: erased.unconfirmed,
    erasedWithdrawn: erased.withdrawn,
    erasedInbound: erased.inbound,
  };
}

export interface RetentionJob {
  stop(): Promise<void>;
}

/**
 * Runs retention in the receiver process: once shortly after start, then every `intervalMs`
 * (default 6 h). Several processes on one database may run it at once; erasure is idempotent.
 */
export function startRetentionJob(options: {
  store: Store;
  db: SqlQueryable;
  config?: Partial<RetentionConfig>;
  now?: () => Date;
  intervalMs?: number;
  onRun?: (report: RetentionReport) => void;
  onError?: (error: unknown) => void;
}): RetentionJob {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (stopped || running) return;
    running = runRetention(options.store, options.db, {
      now: (options.now ?? (() => new Date()))(),
      ...(options.config ? { config: options.config } : {}),
      trigger: 'schedule',
    })
      .then((report) => options.onRun?.(report))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, options.intervalMs ?? 6 * 3_600_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

/** RETENTION_UNCONFIRMED_DAYS, RETENTION_WITHDRAWN_YEARS and RETENTION_INBOUND_DAYS (or flags), checked. */
export function retentionFromSettings(settings: {
  unconfirmedDays?: string | undefined;
  withdrawnYears?: string | undefined;
  inboundDays?: string | undefined;
}): RetentionConfig {
  const read = (value: string | undefined, name: string, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    if (!/^\d{1,5}$/.test(value) || Number(value) < 1)
      throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
    return Number(value);
  };
  return {
    unconfirmedDays: read(
      settings.unconfirmedDays,
      'RETENTION_UNCONFIRMED_DAYS',
      DEFAULT_RETENTION.unconfirmedDays,
    ),
    withdrawnYears: read(
      settings.withdrawnYears,
      'RETENTION_WITHDRAWN_YEARS',
      DEFAULT_RETENTION.withdrawnYears,
    ),
    inboundDays: read(settings.inboundDays, 'RETENTION_INBOUND_DAYS', DEFAULT_RETENTION.inboundDays),
  };
}
