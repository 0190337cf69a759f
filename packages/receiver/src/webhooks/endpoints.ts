import { randomUUID } from 'node:crypto';
import type { SqlQueryable } from '../store/sql-client.js';
import type { WebhookEventType } from './events.js';
import { newSecret } from './signature.js';

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  /** Whether payloads carry the subscriber's messenger address (off unless the site owner turns it on). */
  includeAddress: boolean;
  createdAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
}

export interface NewEndpoint {
  url: string;
  events: WebhookEventType[];
  includeAddress?: boolean;
}

interface EndpointRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  include_address: boolean;
  created_at: Date | string;
  disabled_at: Date | string | null;
  disabled_reason: string | null;
  secret: string;
}

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  events: row.events,
  includeAddress: row.include_address,
  createdAt: new Date(row.created_at).toISOString(),
  disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at).toISOString(),
  disabledReason: row.disabled_reason,
});

/** Registers an endpoint; the secret is returned here only. */
export async function addEndpoint(
  db: SqlQueryable,
  input: NewEndpoint,
  now: Date,
): Promise<WebhookEndpoint & { secret: string }> {
  const { rows } = await db.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (id, url, events, secret, include_address, created_at)
     VALUES ($1, $2, $3::text[], $4, $5, $6) RETURNING *`,
    [randomUUID(), input.url, input.events, newSecret(), input.includeAddress ?? false, now.toISOString()],
  );
  const row = rows[0] as EndpointRow;
  return { ...toEndpoint(row), secret: row.secret };
}

export async function listEndpoints(db: SqlQueryable): Promise<WebhookEndpoint[]> {
  const { rows } = await db.query<EndpointRow>('SELECT * FROM webhook_endpoints ORDER BY created_at, id');
  return rows.map(toEndpoint);
}

export async function getEndpoint(db: SqlQueryable, id: string): Promise<WebhookEndpoint | undefined> {
  const { rows } = await db.query<EndpointRow>('SELECT * FROM webhook_endpoints WHERE id = $1', [id]);
  return rows[0] && toEndpoint(rows[0]);
}

/** Removes the endpoint and its queued and dead messages. */
export async function deleteEndpoint(db: SqlQueryable, id: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM webhook_endpoints WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

/** The endpoint answered 410 Gone: Standard Webhooks asks the sender to stop. */
export async function disableEndpoint(
  db: SqlQueryable,
  id: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db.query(
    'UPDATE webhook_endpoints SET disabled_at = $2, disabled_reason = $3 WHERE id = $1 AND disabled_at IS NULL',
    [id, now.toISOString(), reason],
  );
}
