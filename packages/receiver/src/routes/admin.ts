import { Hono } from 'hono';
import * as z from 'zod/mini';
import { parsePeriod } from '../console/filters.js';
import { type ExportFormat, exportChunks, exportFormats, exportResponse, filterEntries } from '../export.js';
import { checkBearer } from '../http/auth.js';
import { BodyTooLargeError, readJsonLimited } from '../http/body.js';
import { type Issue, unstorableStrings } from '../ingest.js';
import type { Store } from '../store/types.js';
import type { ReceiverEnv } from './env.js';

export interface AdminRouteOptions {
  store: Store;
  now: () => Date;
  adminToken: string | undefined;
}

const consentIdSchema = z.uuid();
const refSchema = z.string().check(z.regex(/^[0-9A-Z]{4,8}$/));
const originSchema = z.string().check(z.regex(/^(?:null|[a-z][a-z0-9+.-]*:\/\/[a-z0-9.:[\]-]+)$/));
const channelSchema = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/));

/** What the messaging system reports when the visitor's opt-in message arrives. */
export const confirmationSchema = z.strictObject({
  /** The inbound message text, e.g. "Start News Firma K7Q2". */
  message: z.string().check(z.minLength(1), z.maxLength(1_000)),
  channel: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/))),
  /** When the messaging system received it (ISO 8601 UTC). */
  receivedAt: z.optional(z.iso.datetime({ offset: false })),
  /** Idempotency key: a retried report with the same id is stored once. */
  confirmationId: z.optional(z.uuid()),
});

const CONFIRM_MAX_BYTES = 16 * 1024;

const issuesOf = (error: z.core.$ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code, message: issue.message }));

/** The admin API: proof bundles, lookup by reference code, double opt-in hand-off, erasure, export. */
export function adminRoutes({ store, now, adminToken }: AdminRouteOptions): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();

  const requireToken = async (c: Parameters<Parameters<typeof app.use>[1]>[0], next: () => Promise<void>) => {
    const check = checkBearer(c.req.header('authorization'), adminToken);
    if (check === 'missing') {
      c.header('WWW-Authenticate', 'Bearer realm="messenger-optin-receiver"');
      return c.json({ error: 'unauthorized', message: 'send Authorization: Bearer <admin token>' }, 401);
    }
    if (check === 'wrong') {
      const message = adminToken
        ? 'wrong admin token'
        : 'the admin API is off: start the receiver with an admin token';
      return c.json({ error: 'forbidden', message }, 403);
    }
    return next();
  };
  app.use('/v1/consents', requireToken);
  app.use('/v1/consents/*', requireToken);
  app.use('/v1/export', requireToken);
  app.use('/v1/heads', requireToken);

  // Signed chain heads, for a third party to keep (docs/receiver-security.md#signed-chain-heads).
  app.get('/v1/heads', async (c) => c.json({ heads: await store.signedHeads() }));

  app.get('/v1/consents', async (c) => {
    const ref = z.safeParse(refSchema, (c.req.query('ref') ?? '').toUpperCase());
    if (!ref.success) {
      return c.json(
        { error: 'invalid_ref', message: 'ref must be 4 to 8 letters or digits, e.g. ?ref=K7Q2X9' },
        400,
      );
    }
    // A code is unique only within one site and channel: the lookup is always scoped to both.
    const site = z.safeParse(originSchema, (c.req.query('site') ?? '').toLowerCase());
    const channel = z.safeParse(channelSchema, c.req.query('channel') ?? '');
    if (!site.success || !channel.success) {
      return c.json(
        {
          error: 'invalid_scope',
          message:
            'a reference code is unique only per site and channel: add ?site=<origin>&channel=<type>, e.g. &site=https://shop.example&channel=whatsapp',
        },
        400,
      );
    }
    const scope = { site: site.data, channel: channel.data };
    return c.json({ ref: ref.data, ...scope, ...(await store.findConsentsByRef(ref.data, scope)) });
  });

  app.get('/v1/consents/:consentId', async (c) => {
    const id = z.safeParse(consentIdSchema, c.req.param('consentId'));
    if (!id.success) return c.json({ error: 'invalid_consent_id', issues: issuesOf(id.error) }, 400);
    const bundle = await store.getConsent(id.data.toLowerCase());
    if (!bundle) return c.json({ error: 'not_found' }, 404);
    return c.json({ generatedAt: now().toISOString(), ...bundle });
  });

  app.post('/v1/consents/:consentId/confirm', async (c) => {
    const id = z.safeParse(consentIdSchema, c.req.param('consentId'));
    if (!id.success) return c.json({ error: 'invalid_consent_id', issues: issuesOf(id.error) }, 400);
    let body: unknown;
    try {
      body = await readJsonLimited(c.req.raw, CONFIRM_MAX_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return c.json({ error: 'payload_too_large', maxBytes: CONFIRM_MAX_BYTES }, 413);
      return c.json({ error: 'invalid_json' }, 400);
    }
    const input = z.safeParse(confirmationSchema, body);
    if (!input.success) return c.json({ error: 'invalid_confirmation', issues: issuesOf(input.error) }, 400);
    // The same check as ingest: a lone surrogate would be stored as U+FFFD and break the chain.
    const unstorable: Issue[] = [];
    unstorableStrings(input.data, [], unstorable);
    if (unstorable.length > 0) return c.json({ error: 'invalid_confirmation', issues: unstorable }, 400);
    const result = await store.confirm(
      {
        confirmationId: (input.data.confirmationId ?? crypto.randomUUID()).toLowerCase(),
        consentId: id.data.toLowerCase(),
        message: input.data.message,
        ...(input.data.channel !== undefined ? { channel: input.data.channel } : {}),
        ...(input.data.receivedAt !== undefined ? { messageReceivedAt: input.data.receivedAt } : {}),
      },
      now(),
    );
    switch (result.status) {
      case 'not_found':
        return c.json({ error: 'not_found', message: 'no events stored for this consent' }, 404);
      case 'id_taken':
        return c.json(
          { error: 'confirmation_id_taken', message: 'this confirmationId belongs to another entry' },
          409,
        );
      case 'erased':
        return c.json(
          { error: 'erased', message: 'this consent was erased; its confirmation is not stored' },
          409,
        );
      default:
        return c.json(
          {
            confirmationId: result.confirmationId,
            refMatches: result.refMatches,
            duplicate: result.status === 'duplicate',
          },
          result.status === 'stored' ? 201 : 200,
        );
    }
  });

  app.delete('/v1/consents/:consentId', async (c) => {
    const id = z.safeParse(consentIdSchema, c.req.param('consentId'));
    if (!id.success) return c.json({ error: 'invalid_consent_id', issues: issuesOf(id.error) }, 400);
    const result = await store.erase(id.data.toLowerCase(), now());
    if (result.status === 'not_found') return c.json({ error: 'not_found' }, 404);
    const { status: _status, ...answer } = result;
    return c.json({ consentId: id.data.toLowerCase(), ...answer });
  });

  app.get('/v1/export', (c) => {
    const format = c.req.query('format') ?? 'json';
    if (!(exportFormats as readonly string[]).includes(format)) {
      return c.json({ error: 'invalid_format', message: 'format must be csv, json or ndjson' }, 400);
    }
    const period = parsePeriod(c.req.query());
    if (!period.ok) return c.json({ error: 'invalid_query', issues: period.issues }, 400);
    const type = c.req.query('type');
    const entries =
      type === undefined && Object.values(period.value).every((value) => value === undefined)
        ? store.exportEntries()
        : filterEntries(store.exportEntries(), { ...period.value, type });
    const stamp = now().toISOString().slice(0, 10);
    return exportResponse(
      exportChunks(entries, format as ExportFormat),
      format as ExportFormat,
      `consent-log-${stamp}`,
    );
  });

  return app;
}
