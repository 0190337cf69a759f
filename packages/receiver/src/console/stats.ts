import type { SqlQueryable } from '../store/sql-client.js';
import {
  type FunnelStep,
  type InboundState,
  type Period,
  type SubscriberState,
  funnelSteps,
  inboundStates,
  subscriberStates,
  webStates,
} from './filters.js';

export type FunnelCounts = Record<FunnelStep, number>;

export interface ChannelStats {
  channel: string;
  /** Consents that reached each step within the period (each counted once, at its first time). */
  funnel: FunnelCounts;
  /** Each step divided by the step before it that has data (widget_shown is often off); null when 0. */
  conversion: Record<Exclude<FunnelStep, 'widget_shown'>, number | null>;
  /**
   * Subscribers who subscribed within the period, by their state now: web consents and people who
   * wrote without one (docs/console.md#inbound-only-subscribers).
   */
  subscribers: Record<SubscriberState, number>;
  /** The part of `subscribers` without a web consent (never in the funnel, never in a site). */
  inbound: Record<InboundState, number>;
}

export interface StatsReport {
  from: string | null;
  to: string | null;
  channels: ChannelStats[];
  total: Omit<ChannelStats, 'channel'>;
}

const column: Record<FunnelStep, string> = {
  widget_shown: 'widget_shown_at',
  notice_shown: 'notice_shown_at',
  consent_given: 'consent_given_at',
  link_opened: 'link_opened_at',
  confirmed: 'confirmed_at',
  withdrawn: 'withdrawn_at',
};

/** The period as SQL parameters $1..$4: open ends become ±infinity, so one plan serves all. */
export function periodParams(period: Period): unknown[] {
  return [
    period.from?.toISOString() ?? '-infinity',
    period.to?.toISOString() ?? 'infinity',
    period.channel ?? null,
    period.site ?? null,
  ];
}

/**
 * The period as whole UTC days ($1, $2 as dates; open ends ±infinity) when both ends are midnights
 * (what /admin sends): then the daily rollup answers. undefined: the per-consent scan.
 */
export function dayParams(period: Period): unknown[] | undefined {
  const day = (at: Date | undefined, open: string) => {
    if (at === undefined) return open;
    return at.getTime() % 86_400_000 === 0 ? at.toISOString().slice(0, 10) : undefined;
  };
  const from = day(period.from, '-infinity');
  const to = day(period.to, 'infinity');
  if (from === undefined || to === undefined) return undefined;
  return [from, to, period.channel ?? null, period.site ?? null];
}

export interface RollupOption {
  /** false: always scan consent_states (the rollup's own tests compare both). */
  rollup?: boolean;
}

/** The rollup rows of a channel and site filter ($3, $4). */
export const DAILY_WHERE = `($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR site = $4)`;
const inDays = `day >= $1::date AND day < $2::date`;

export const PERIOD_WHERE = `channel IS NOT NULL AND ($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR site = $4)`;
const inPeriod = (col: string) => `${col} >= $1::timestamptz AND ${col} < $2::timestamptz`;

const STATS_SQL = `SELECT channel,
  ${funnelSteps.map((step) => `count(*) FILTER (WHERE ${inPeriod(column[step])}) AS ${step}`).join(',\n  ')},
  ${webStates.map((state) => `count(*) FILTER (WHERE ${inPeriod('subscribed_at')} AND state = '${state}') AS state_${state}`).join(',\n  ')}
FROM consent_states WHERE ${PERIOD_WHERE}
GROUP BY channel ORDER BY channel`;

/**
 * The same from the rollup: every channel the filter knows, each metric summed over the period's
 * days (a channel without anything in the period answers zeros, as the scan does).
 */
const DAILY_STATS_SQL = `SELECT channel, metric, coalesce(sum(n) FILTER (WHERE ${inDays}), 0) AS n
FROM console_daily WHERE ${DAILY_WHERE}
GROUP BY channel, metric`;

/** One StatsRow per channel from the rollup's (channel, metric, n) rows. */
async function dailyStatsRows(db: SqlQueryable, params: unknown[]): Promise<StatsRow[]> {
  const { rows } = await db.query<{ channel: string; metric: string; n: number | string }>(
    DAILY_STATS_SQL,
    params,
  );
  const byChannel = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const line = byChannel.get(row.channel) ?? { channel: row.channel };
    byChannel.set(row.channel, line);
    line[row.metric] = Number(row.n);
  }
  return [...byChannel.values()] as StatsRow[];
}

/**
 * People who wrote without a web consent have no site: a site filter ($4) leaves them out. The
 * period is their first opt-in message, like subscribedAt of a web consent.
 */
export const INBOUND_WHERE = `$4::text IS NULL AND ($3::text IS NULL OR channel = $3)
  AND subscribed_at >= $1::timestamptz AND subscribed_at < $2::timestamptz`;

const INBOUND_STATS_SQL = `SELECT channel,
  ${inboundStates.map((state) => `count(*) FILTER (WHERE state = '${state}') AS state_${state}`).join(',\n  ')}
FROM console_inbound_subscribers WHERE ${INBOUND_WHERE}
GROUP BY channel ORDER BY channel`;

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** Conversion from the previous step that has data (impressions are off on most sites). */
export function conversion(funnel: FunnelCounts): ChannelStats['conversion'] {
  const result = {} as ChannelStats['conversion'];
  for (let index = 1; index < funnelSteps.length; index++) {
    const step = funnelSteps[index] as Exclude<FunnelStep, 'widget_shown'>;
    let before = index - 1;
    while (before > 0 && funnel[funnelSteps[before] as FunnelStep] === 0) before--;
    result[step] = ratio(funnel[step], funnel[funnelSteps[before] as FunnelStep]);
  }
  return result;
}

type StatsRow = { channel: string } & Partial<
  Record<FunnelStep | `state_${SubscriberState}`, number | string>
>;
type InboundRow = { channel: string } & Record<`state_${InboundState}`, number | string>;

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Per channel: the funnel of the period and the subscribers it brought, by state. */
export async function readStats(
  db: SqlQueryable,
  period: Period,
  options: RollupOption = {},
): Promise<StatsReport> {
  const params = periodParams(period);
  const days = options.rollup === false ? undefined : dayParams(period);
  const [web, inbound] = await Promise.all([
    days ? dailyStatsRows(db, days) : db.query<StatsRow>(STATS_SQL, params).then((result) => result.rows),
    db.query<InboundRow>(INBOUND_STATS_SQL, params),
  ]);
  const byChannel = new Map<string, Omit<ChannelStats, 'conversion'>>();
  const line = (channel: string) => {
    let found = byChannel.get(channel);
    if (!found) {
      found = {
        channel,
        funnel: zeros(funnelSteps),
        subscribers: zeros(subscriberStates),
        inbound: zeros(inboundStates),
      };
      byChannel.set(channel, found);
    }
    return found;
  };
  for (const row of web) {
    const target = line(row.channel);
    for (const step of funnelSteps) target.funnel[step] = Number(row[step] ?? 0);
    for (const state of webStates) target.subscribers[state] = Number(row[`state_${state}`] ?? 0);
  }
  for (const row of inbound.rows) {
    const target = line(row.channel);
    for (const state of inboundStates) {
      target.inbound[state] = Number(row[`state_${state}`]);
      target.subscribers[state] += target.inbound[state];
    }
  }
  const channels = [...byChannel.values()]
    .sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0))
    .map((item): ChannelStats => ({ ...item, conversion: conversion(item.funnel) }));
  const total = {
    funnel: zeros(funnelSteps),
    subscribers: zeros(subscriberStates),
    inbound: zeros(inboundStates),
  };
  for (const item of channels) {
    for (const step of funnelSteps) total.funnel[step] += item.funnel[step];
    for (const state of subscriberStates) total.subscribers[state] += item.subscribers[state];
    for (const state of inboundStates) total.inbound[state] += item.inbound[state];
  }
  return {
    from: period.from?.toISOString() ?? null,
    to: period.to?.toISOString() ?? null,
    channels,
    total: { ...total, conversion: conversion(total.funnel) },
  };
}

export const seriesBuckets = ['day', 'week', 'month'] as const;
export type SeriesBucket = (typeof seriesBuckets)[number];

export interface SeriesPoint {
  /** Start of the bucket, UTC. */
  at: string;
  consents: number;
  confirmed: number;
  withdrawn: number;
}

export interface SeriesReport {
  bucket: SeriesBucket;
  channels: Array<{ channel: string; points: SeriesPoint[] }>;
}

const SERIES_SQL = `SELECT channel, what, to_char(date_trunc($5, at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS bucket, count(*) AS n
FROM (
  SELECT channel, 'consents' AS what, consent_given_at AS at FROM consent_states WHERE ${PERIOD_WHERE} AND ${inPeriod('consent_given_at')}
  UNION ALL
  SELECT channel, 'confirmed', confirmed_at FROM consent_states WHERE ${PERIOD_WHERE} AND ${inPeriod('confirmed_at')}
  UNION ALL
  SELECT channel, 'withdrawn', withdrawn_at FROM consent_states WHERE ${PERIOD_WHERE} AND ${inPeriod('withdrawn_at')}
) t GROUP BY 1, 2, 3 ORDER BY 1, 3`;

const DAILY_SERIES_SQL = `SELECT channel,
  CASE metric WHEN 'consent_given' THEN 'consents' ELSE metric END AS what,
  to_char(date_trunc($5, day::timestamp), 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS bucket, sum(n) AS n
FROM console_daily
WHERE metric IN ('consent_given', 'confirmed', 'withdrawn') AND ${inDays} AND ${DAILY_WHERE}
GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 3`;

/** Consents, confirmations (opt-ins) and withdrawals per bucket and channel; empty buckets omitted. */
export async function readSeries(
  db: SqlQueryable,
  period: Period,
  bucket: SeriesBucket,
  options: RollupOption = {},
): Promise<SeriesReport> {
  const days = options.rollup === false ? undefined : dayParams(period);
  const { rows } = await db.query<{
    channel: string;
    what: keyof SeriesPoint;
    bucket: string;
    n: number | string;
  }>(days ? DAILY_SERIES_SQL : SERIES_SQL, [...(days ?? periodParams(period)), bucket]);
  const byChannel = new Map<string, Map<string, SeriesPoint>>();
  for (const row of rows) {
    const points = byChannel.get(row.channel) ?? new Map<string, SeriesPoint>();
    byChannel.set(row.channel, points);
    const at = row.bucket;
    const point = points.get(at) ?? { at, consents: 0, confirmed: 0, withdrawn: 0 };
    (point as unknown as Record<string, number | string>)[row.what] = Number(row.n);
    points.set(at, point);
  }
  return {
    bucket,
    channels: [...byChannel].map(([channel, points]) => ({
      channel,
      points: [...points.values()].sort((a, b) => a.at.localeCompare(b.at)),
    })),
  };
}
