import * as z from 'zod/mini';
import type { Column } from '../export.js';
import type { SqlQueryable } from '../store/sql-client.js';
import {
  type Parsed,
  type Period,
  type SubscriberState,
  issuesOf,
  parsePeriod,
  subscriberStates,
} from './filters.js';
import {
  DAILY_WHERE,
  INBOUND_WHERE,
  PERIOD_WHERE,
  type RollupOption,
  dayParams,
  periodParams,
} from './stats.js';

/**
 * One subscriber as the list and the export show it: a web consent that was given or confirmed
 * (`kind: "web"`), or a person who wrote on a messenger without one (`kind: "inbound"`, no consent,
 * no site; docs/console.md#inbound-only-subscribers).
 */
export interface SubscriberRow {
  /** null for kind "inbound". */
  consentId: string | null;
  /** null for kind "inbound". */
  site: string | null;
  channel: string;
  state: SubscriberState;
  /** The reference code (for kind "inbound": the one the person typed); null after erasure. */
  ref: string | null;
  purpose: string | null;
  noticeVersion: string | null;
  subscribedAt: string;
  consentGivenAt: string | null;
  linkOpenedAt: string | null;
  confirmedAt: string | null;
  withdrawnAt: string | null;
  erasedAt: string | null;
  kind: 'web' | 'inbound';
  /** The messenger subscriber (one person on one channel); null for a consent no message reached. */
  subscriberId: string | null;
}

export interface SubscriberFilter extends Period {
  state: SubscriberState | undefined;
  /** Exact reference code, any case. */
  ref: string | undefined;
}

export interface SubscriberPage {
  items: SubscriberRow[];
  /** Matches of the filter in all pages. */
  total: number;
  nextCursor: string | null;
}

const listQuerySchema = z.object({
  state: z.optional(z.enum(subscriberStates)),
  ref: z.optional(z.string().check(z.regex(/^[0-9A-Za-z]{4,8}$/, 'must be 4 to 8 letters or digits'))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/, 'must be 1 to 200'))),
});

export const MAX_PAGE = 200;

export interface ListRequest {
  filter: SubscriberFilter;
  cursor: Cursor | undefined;
  limit: number;
}

/** A row's place in the list: its subscribedAt and its id (consentId, or subscriberId for inbound). */
interface Cursor {
  at: string;
  id: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(`${cursor.at}|${cursor.id}`).toString('base64url');

function decodeCursor(text: string): Cursor | undefined {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { at, id };
}

/** The list's query string: the period filters subscribedAt. */
export function parseListQuery(query: Record<string, string | undefined>): Parsed<ListRequest> {
  const period = parsePeriod({
    from: query['from'],
    to: query['to'],
    channel: query['channel'],
    site: query['site'],
  });
  if (!period.ok) return period;
  const rest = z.safeParse(listQuerySchema, {
    state: query['state'],
    ref: query['ref'],
    cursor: query['cursor'],
    limit: query['limit'],
  });
  if (!rest.success) return { ok: false, issues: issuesOf(rest.error) };
  const cursor = rest.data.cursor === undefined ? undefined : decodeCursor(rest.data.cursor);
  if (rest.data.cursor !== undefined && !cursor)
    return {
      ok: false,
      issues: [{ path: ['cursor'], code: 'custom', message: 'is not a cursor of this list' }],
    };
  const limit = Number(rest.data.limit ?? 25);
  if (limit < 1 || limit > MAX_PAGE)
    return { ok: false, issues: [{ path: ['limit'], code: 'custom', message: `must be 1 to ${MAX_PAGE}` }] };
  return {
    ok: true,
    value: {
      filter: { ...period.value, state: rest.data.state, ref: rest.data.ref?.toUpperCase() },
      cursor,
      limit,
    },
  };
}

/**
 * Without a code ($6 NULL) the filter is the period, channel, site and state. With one, the few
 * consents that carry it are looked up first (index on personal_data.ref) and read by their key:
 * written as `IN (subquery)`, the planner walked the whole list index for one match (550 ms at
 * 250,000 consents).
 */
const filterWhere = (byRef: boolean) => `subscribed_at IS NOT NULL AND ${PERIOD_WHERE}
  AND subscribed_at >= $1::timestamptz AND subscribed_at < $2::timestamptz
  AND ($5::text IS NULL OR state = $5)
  AND ${byRef ? 'consent_id = ANY (ARRAY(SELECT consent_id FROM personal_data WHERE ref = $6))' : '$6::text IS NULL'}`;

const INBOUND_FILTER_WHERE = `${INBOUND_WHERE}
  AND ($5::text IS NULL OR state = $5) AND ($6::text IS NULL OR ref = $6)`;

/**
 * Web consents and inbound-only subscribers merged into one keyset order, newest first. Each side
 * is limited on its own first, so the web side stays an index scan at any size.
 */
const listSql = (byRef: boolean) => `SELECT * FROM (
  (SELECT 'web' AS kind, consent_id AS id, consent_id, site, channel, state, purpose, notice_version, subscribed_at,
    consent_given_at, link_opened_at, confirmed_at, withdrawn_at, erased_at,
    (SELECT p.ref FROM personal_data p WHERE p.consent_id = s.consent_id AND p.ref IS NOT NULL LIMIT 1) AS ref,
    (SELECT x.subscriber_id FROM subscriptions x WHERE x.consent_id = s.consent_id) AS subscriber_id
  FROM consent_states s
  WHERE ${filterWhere(byRef)}
    AND ($7::timestamptz IS NULL OR (subscribed_at, consent_id) < ($7::timestamptz, $8::uuid))
  ORDER BY subscribed_at DESC, consent_id DESC LIMIT $9)
  UNION ALL
  (SELECT 'inbound', subscriber_id, NULL, NULL, channel, state, NULL, NULL, subscribed_at,
    NULL, NULL, NULL, withdrawn_at, erased_at, ref, subscriber_id
  FROM console_inbound_subscribers
  WHERE ${INBOUND_FILTER_WHERE}
    AND ($7::timestamptz IS NULL OR (subscribed_at, subscriber_id) < ($7::timestamptz, $8::uuid))
  ORDER BY subscribed_at DESC, subscriber_id DESC LIMIT $9)
) rows ORDER BY subscribed_at DESC, id DESC LIMIT $9`;

const countSql = (byRef: boolean) => `SELECT (SELECT count(*) FROM consent_states WHERE ${filterWhere(byRef)})
  + (SELECT count(*) FROM console_inbound_subscribers WHERE ${INBOUND_FILTER_WHERE}) AS n`;

/**
 * The same total from the daily rollup (whole days, no ref search): web consents by the day they
 * subscribed and their state now are exactly its state_* metrics.
 */
const DAILY_COUNT_SQL = `SELECT (SELECT coalesce(sum(n), 0) FROM console_daily
    WHERE day >= $1::date AND day < $2::date AND ${DAILY_WHERE}
      AND metric IN ('state_pending', 'state_confirmed', 'state_withdrawn')
      AND ($5::text IS NULL OR metric = 'state_' || $5))
  + (SELECT count(*) FROM console_inbound_subscribers WHERE ${INBOUND_FILTER_WHERE.replaceAll('$1::timestamptz', '$7::timestamptz').replaceAll('$2::timestamptz', '$8::timestamptz')}) AS n`;

function countQuery(filter: SubscriberFilter, options: RollupOption): [string, unknown[]] {
  const days = filter.ref === undefined && options.rollup !== false ? dayParams(filter) : undefined;
  if (!days) return [countSql(filter.ref !== undefined), filterParams(filter)];
  const [from, to] = periodParams(filter);
  return [DAILY_COUNT_SQL, [...days, filter.state ?? null, null, from, to]];
}

type Stamp = Date | string | null;
interface ListRow {
  kind: 'web' | 'inbound';
  id: string;
  consent_id: string | null;
  site: string | null;
  channel: string;
  state: SubscriberState;
  purpose: string | null;
  notice_version: string | null;
  subscribed_at: Date | string;
  consent_given_at: Stamp;
  link_opened_at: Stamp;
  confirmed_at: Stamp;
  withdrawn_at: Stamp;
  erased_at: Stamp;
  ref: string | null;
  subscriber_id: string | null;
}

const iso = (value: Stamp): string | null => (value === null ? null : new Date(value).toISOString());

function toRow(row: ListRow): SubscriberRow {
  return {
    consentId: row.consent_id,
    site: row.site,
    channel: row.channel,
    state: row.state,
    ref: row.ref,
    purpose: row.purpose,
    noticeVersion: row.notice_version,
    subscribedAt: new Date(row.subscribed_at).toISOString(),
    consentGivenAt: iso(row.consent_given_at),
    linkOpenedAt: iso(row.link_opened_at),
    confirmedAt: iso(row.confirmed_at),
    withdrawnAt: iso(row.withdrawn_at),
    erasedAt: iso(row.erased_at),
    kind: row.kind,
    subscriberId: row.subscriber_id,
  };
}

const cursorOf = (row: SubscriberRow): Cursor => ({
  at: row.subscribedAt,
  id: row.consentId ?? row.subscriberId ?? '',
});

const filterParams = (filter: SubscriberFilter) => [
  ...periodParams(filter),
  filter.state ?? null,
  filter.ref ?? null,
];

async function readPage(db: SqlQueryable, request: ListRequest): Promise<SubscriberRow[]> {
  const { rows } = await db.query<ListRow>(listSql(request.filter.ref !== undefined), [
    ...filterParams(request.filter),
    request.cursor?.at ?? null,
    request.cursor?.id ?? null,
    request.limit,
  ]);
  return rows.map(toRow);
}

/** One page, newest subscriber first, with the total and the cursor of the next page. */
export async function listSubscribers(
  db: SqlQueryable,
  request: ListRequest,
  options: RollupOption = {},
): Promise<SubscriberPage> {
  const [items, count] = await Promise.all([
    readPage(db, request),
    db.query<{ n: number | string }>(...countQuery(request.filter, options)),
  ]);
  const last = items.at(-1);
  return {
    items,
    total: Number(count.rows[0]?.n ?? 0),
    nextCursor: last && items.length === request.limit ? encodeCursor(cursorOf(last)) : null,
  };
}

/** Every match, page by page (bounded memory), for the export. */
export async function* allSubscribers(
  db: SqlQueryable,
  filter: SubscriberFilter,
): AsyncGenerator<SubscriberRow> {
  let cursor: Cursor | undefined;
  for (;;) {
    const items = await readPage(db, { filter, cursor, limit: 1000 });
    yield* items;
    const last = items.at(-1);
    if (!last || items.length < 1000) return;
    cursor = cursorOf(last);
  }
}

/** The subscriber export's CSV columns (JSON and NDJSON carry the row as it is). */
export const subscriberColumns: ReadonlyArray<Column<SubscriberRow>> = [
  ['consent_id', (row) => row.consentId],
  ['site', (row) => row.site],
  ['channel', (row) => row.channel],
  ['state', (row) => row.state],
  ['ref', (row) => row.ref],
  ['purpose', (row) => row.purpose],
  ['notice_version', (row) => row.noticeVersion],
  ['subscribed_at', (row) => row.subscribedAt],
  ['consent_given_at', (row) => row.consentGivenAt],
  ['link_opened_at', (row) => row.linkOpenedAt],
  ['confirmed_at', (row) => row.confirmedAt],
  ['withdrawn_at', (row) => row.withdrawnAt],
  ['erased_at', (row) => row.erasedAt],
  // Appended (docs/console.md#export): spreadsheets and scripts that read the columns above by
  // position keep working.
  ['kind', (row) => row.kind],
  ['subscriber_id', (row) => row.subscriberId],
];
