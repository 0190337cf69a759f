import { type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import {
  type BrokenLink,
  GENESIS_HASH,
  type PersonalContent,
  canonicalJson,
  entryHash,
  personalCommitment,
} from '../chain.js';
import type { SigningKey } from '../signing.js';
import { migrate } from './migrate.js';
import { type SignedHead, listSignedHeads, signHeads } from './signed-heads.js';
import type { SqlClient, SqlQueryable } from './sql-client.js';
import { verifyStore } from './verify.js';
import type {
  AppendResult,
  ArchivedNotice,
  ConfirmResult,
  EntryView,
  EraseResult,
  NewConfirmation,
  NewEvent,
  ProofBundle,
  RefLookup,
  RefScope,
  Store,
  VerifyReport,
} from './types.js';

/** Rows read per round trip by verify and export: bounded memory on any chain length. */
const PAGE_SIZE = 1000;

interface Head {
  seq: number;
  hash: string;
}

interface NewEntry {
  entryId: string;
  kind: EntryView['kind'];
  consentId: string;
  type: string;
  channel: string | null;
  record: Record<string, unknown>;
  personal: PersonalContent | undefined;
}

export interface EntryRow {
  entry_id: string;
  site: string;
  seq: number | string | bigint;
  kind: EntryView['kind'];
  consent_id: string | null;
  type: string;
  received_at: Date | string;
  payload: string;
  prev_hash: string;
  hash: string;
  salt: string | null;
  message: string | null;
  ref: string | null;
}

export const ENTRY_COLUMNS = `e.entry_id, e.site, e.seq, e.kind, e.consent_id, e.type, e.received_at, e.payload,
  e.prev_hash, e.hash, p.salt, p.message, p.ref`;

export const isoString = (value: Date | string): string => new Date(value).toISOString();

function hasContent(personal: PersonalContent | undefined): personal is PersonalContent {
  return personal !== undefined && (personal.message !== undefined || personal.ref !== undefined);
}

/**
 * Takes the site's chain head (creating it first) with a row lock held until COMMIT: this is what
 * serializes appends per site across requests and across receiver processes. ON CONFLICT DO UPDATE
 * locks and returns the current head in one round trip.
 */
export async function lockSite(tx: SqlQueryable, site: string): Promise<Head> {
  const { rows } = await tx.query<{ head_seq: number | string; head_hash: string }>(
    `INSERT INTO sites (site, head_seq, head_hash) VALUES ($1, 0, $2)
     ON CONFLICT (site) DO UPDATE SET site = excluded.site RETURNING head_seq, head_hash`,
    [site, GENESIS_HASH],
  );
  const row = rows[0];
  if (!row) throw new Error(`no chain head for ${site}`);
  return { seq: Number(row.head_seq), hash: row.head_hash };
}

export async function saveHead(tx: SqlQueryable, site: string, head: Head): Promise<void> {
  await tx.query('UPDATE sites SET head_seq = $2, head_hash = $3 WHERE site = $1', [
    site,
    head.seq,
    head.hash,
  ]);
}

interface SealedEntry {
  entry: NewEntry;
  site: string;
  seq: number;
  payload: string;
  prevHash: string;
  hash: string;
  salt: string | undefined;
  personal: PersonalContent | undefined;
}

/** Puts an entry after `head`: commitment to its personal content, canonical payload, hash. */
function seal(site: string, head: Head, entry: NewEntry, receivedAt: string): SealedEntry {
  const personal = hasContent(entry.personal) ? entry.personal : undefined;
  const salt = personal ? randomBytes(32).toString('hex') : undefined;
  const record =
    personal && salt !== undefined
      ? { ...entry.record, personal: personalCommitment(salt, personal) }
      : entry.record;
  const payload = canonicalJson(record);
  return {
    entry,
    site,
    seq: head.seq + 1,
    payload,
    prevHash: head.hash,
    hash: entryHash(head.hash, payload, receivedAt),
    salt,
    personal,
  };
}

/** Another transaction stored one of these ids first; the whole append is retried. */
class EntryIdTaken extends Error {}

/**
 * Inserts sealed entries with one statement per table. If any id turns out to be taken (a race
 * the pre-check could not see), the chain would get a gap, so the transaction is abandoned.
 */
async function insertSealed(
  tx: SqlQueryable,
  sealed: readonly SealedEntry[],
  receivedAt: string,
): Promise<void> {
  if (sealed.length === 0) return;
  const { rows } = await tx.query(
    `INSERT INTO entries (entry_id, site, seq, kind, consent_id, type, channel, received_at, payload, prev_hash, hash)
     SELECT id, site, seq, kind, consent_id, type, channel, $8::timestamptz, payload, prev_hash, hash
     FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                 $9::text[], $10::text[], $11::text[])
       AS t(id, site, seq, kind, consent_id, type, channel, payload, prev_hash, hash)
     ON CONFLICT (entry_id) DO NOTHING RETURNING entry_id`,
    [
      sealed.map((item) => item.entry.entryId),
      sealed.map((item) => item.site),
      sealed.map((item) => item.seq),
      sealed.map((item) => item.entry.kind),
      sealed.map((item) => item.entry.consentId),
      sealed.map((item) => item.entry.type),
      sealed.map((item) => item.entry.channel),
      receivedAt,
      sealed.map((item) => item.payload),
      sealed.map((item) => item.prevHash),
      sealed.map((item) => item.hash),
    ],
  );
  if (rows.length !== sealed.length) throw new EntryIdTaken();
  const personal = sealed.filter((item) => item.salt !== undefined);
  if (personal.length === 0) return;
  await tx.query(
    `INSERT INTO personal_data (entry_id, consent_id, salt, message, ref)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[])`,
    [
      personal.map((item) => item.entry.entryId),
      personal.map((item) => item.entry.consentId),
      personal.map((item) => item.salt),
      personal.map((item) => item.personal?.message ?? null),
      personal.map((item) => item.personal?.ref ?? null),
    ],
  );
}

/** Appends one entry after the locked head and saves the new head. */
async function appendOne(
  tx: SqlQueryable,
  site: string,
  head: Head,
  entry: NewEntry,
  receivedAt: string,
): Promise<void> {
  const sealed = seal(site, head, entry, receivedAt);
  await insertSealed(tx, [sealed], receivedAt);
  await saveHead(tx, site, { seq: sealed.seq, hash: sealed.hash });
}

function toView(row: EntryRow): EntryView {
  const stored = JSON.parse(row.payload) as Record<string, unknown>;
  const { personal: commitment, ...record } = stored;
  if (row.salt !== null) {
    if (row.message !== null) record['message'] = row.message;
    if (row.ref !== null) record['ref'] = row.ref;
  }
  return {
    site: row.site,
    seq: Number(row.seq),
    entryId: row.entry_id,
    kind: row.kind,
    consentId: row.consent_id,
    type: row.type,
    receivedAt: isoString(row.received_at),
    record,
    redacted: commitment !== undefined && row.salt === null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The checks of one row that need no neighbour: its hash and its personal-content commitment. */
function checkRow(row: EntryRow): string | undefined {
  if (entryHash(row.prev_hash, row.payload, isoString(row.received_at)) !== row.hash) {
    return 'hash does not match the stored record (record changed)';
  }
  return checkCommitment(row);
}

/** Erasable content is outside the hash; its salted commitment inside the payload pins it. */
export function checkCommitment(row: EntryRow): string | undefined {
  if (row.salt !== null) {
    const commitment = (JSON.parse(row.payload) as { personal?: unknown }).personal;
    const content = { message: row.message ?? undefined, ref: row.ref ?? undefined };
    if (commitment !== personalCommitment(row.salt, content))
      return 'message or ref changed after it was stored';
  }
  return undefined;
}

/** Whether an inbound message carries the consent's reference code as a whole word. */
export function messageHasRef(message: string, ref: string): boolean {
  return new RegExp(`(^|[^0-9A-Za-z])${ref}($|[^0-9A-Za-z])`, 'i').test(message);
}

/** The Store over any SqlClient: the same statements on PGlite and PostgreSQL. */
export class SqlStore implements Store {
  private constructor(readonly client: SqlClient) {}

  /** Runs pending migrations, then returns the store. */
  static async open(client: SqlClient): Promise<SqlStore> {
    await migrate(client);
    return new SqlStore(client);
  }

  async appendEvents(events: readonly NewEvent[], receivedAt: Date): Promise<AppendResult> {
    if (events.length === 0) return { accepted: 0, duplicates: 0 };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.client.transaction((tx) =>
          this.appendEventsOnce(tx, events, receivedAt.toISOString()),
        );
      } catch (error) {
        // Another request stored one of these eventIds between our check and our insert: the
        // next attempt sees it and counts it as a duplicate.
        if (!(error instanceof EntryIdTaken) || attempt >= 5) throw error;
      }
    }
  }

  private async appendEventsOnce(
    tx: SqlQueryable,
    events: readonly NewEvent[],
    at: string,
  ): Promise<AppendResult> {
    const { rows: found } = await tx.query<{ id: string }>(
      'SELECT entry_id::text AS id FROM entries WHERE entry_id = ANY($1::uuid[])',
      [events.map((event) => event.eventId)],
    );
    const seen = new Set(found.map((row) => row.id));
    let duplicates = 0;
    const fresh: NewEvent[] = [];
    for (const event of events) {
      if (seen.has(event.eventId)) duplicates += 1;
      else {
        seen.add(event.eventId);
        fresh.push(event);
      }
    }
    if (fresh.length === 0) return { accepted: 0, duplicates };

    const notices = new Map(
      fresh.flatMap((event) => (event.notice ? [[event.notice.sha256, event.notice]] : [])),
    );
    if (notices.size > 0) {
      // In one global order, like the sites below: two batches inserting the same new notices in
      // opposite orders each waited for the other's row (deadlock, 40P01, a 500).
      const list = [...notices.values()].sort((a, b) =>
        a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0,
      );
      await tx.query(
        `INSERT INTO notices (sha256, notice_id, locale, version, text, first_seen_at)
         SELECT *, $6::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (sha256) DO NOTHING`,
        [
          list.map((notice) => notice.sha256),
          list.map((notice) => notice.id),
          list.map((notice) => notice.locale),
          list.map((notice) => notice.version),
          list.map((notice) => notice.text),
          at,
        ],
      );
    }

    const bySite = new Map<string, NewEvent[]>();
    for (const event of fresh) bySite.set(event.site, [...(bySite.get(event.site) ?? []), event]);
    // Sites locked in one global order, so two batches spanning the same sites cannot deadlock.
    const sites = [...bySite.keys()].sort();
    const heads = new Map<string, Head>();
    for (const site of sites) heads.set(site, await lockSite(tx, site));
    // Erasures read under the site locks: an erasure takes the same lock, so one that committed
    // before is seen here, and none can commit until this batch has. Read before the locks, an
    // erasure committing in between let this batch store the erased message again.
    const { rows: erasedRows } = await tx.query<{ id: string }>(
      'SELECT consent_id::text AS id FROM erasures WHERE consent_id = ANY($1::uuid[])',
      [[...new Set(fresh.map((event) => event.consentId))]],
    );
    const erased = new Set(erasedRows.map((row) => row.id));
    for (const site of sites) {
      let head = heads.get(site)!;
      const sealed = (bySite.get(site) ?? []).map((event) => {
        const item = seal(
          site,
          head,
          {
            entryId: event.eventId,
            kind: 'event',
            consentId: event.consentId,
            type: event.type,
            channel: typeof event.record['channel'] === 'string' ? event.record['channel'] : null,
            record: event.record,
            // A late event of an erased consent keeps no personal content.
            personal: erased.has(event.consentId) ? undefined : event.personal,
          },
          at,
        );
        head = { seq: item.seq, hash: item.hash };
        return item;
      });
      await insertSealed(tx, sealed, at);
      await saveHead(tx, site, head);
    }
    return { accepted: fresh.length, duplicates };
  }

  async confirm(input: NewConfirmation, receivedAt: Date): Promise<ConfirmResult> {
    const at = receivedAt.toISOString();
    return this.client.transaction(async (tx) => {
      const site = await this.siteOf(tx, input.consentId);
      if (site === undefined) return { status: 'not_found' };
      const { rows: erasure } = await tx.query('SELECT 1 FROM erasures WHERE consent_id = $1', [
        input.consentId,
      ]);
      if (erasure.length > 0) return { status: 'erased' };
      const { rows: known } = await tx.query<{ payload: string; kind: string; consent_id: string }>(
        'SELECT payload, kind, consent_id FROM entries WHERE entry_id = $1',
        [input.confirmationId],
      );
      const stored = known[0];
      if (stored) {
        if (stored.kind !== 'confirmation' || stored.consent_id !== input.consentId)
          return { status: 'id_taken' };
        const { refMatches } = JSON.parse(stored.payload) as { refMatches: boolean };
        return { status: 'duplicate', confirmationId: input.confirmationId, refMatches };
      }
      const { rows: refs } = await tx.query<{ ref: string }>(
        'SELECT DISTINCT ref FROM personal_data WHERE consent_id = $1 AND ref IS NOT NULL',
        [input.consentId],
      );
      const refMatches = refs.some((row) => messageHasRef(input.message, row.ref));
      const head = await lockSite(tx, site);
      await appendOne(
        tx,
        site,
        head,
        {
          entryId: input.confirmationId,
          kind: 'confirmation',
          consentId: input.consentId,
          type: 'confirmation',
          channel: input.channel ?? null,
          record: {
            kind: 'confirmation',
            consentId: input.consentId,
            confirmationId: input.confirmationId,
            channel: input.channel,
            messageReceivedAt: input.messageReceivedAt,
            refMatches,
          },
          personal: { message: input.message },
        },
        at,
      );
      return { status: 'stored', confirmationId: input.confirmationId, refMatches };
    });
  }

  async erase(consentId: string, erasedAt: Date): Promise<EraseResult> {
    const at = erasedAt.toISOString();
    return this.client.transaction(async (tx) => {
      const site = await this.siteOf(tx, consentId);
      if (site === undefined) return { status: 'not_found' };
      const head = await lockSite(tx, site);
      const { rows: previous } = await tx.query<{ erased_at: Date | string }>(
        'SELECT erased_at FROM erasures WHERE consent_id = $1',
        [consentId],
      );
      const { rows: deleted } = await tx.query(
        'DELETE FROM personal_data WHERE consent_id = $1 RETURNING entry_id',
        [consentId],
      );
      const earlier = previous[0];
      if (earlier && deleted.length === 0) {
        return {
          status: 'erased',
          erasedEntries: 0,
          erasedAt: isoString(earlier.erased_at),
          alreadyErased: true,
        };
      }
      const entryId = randomUUID();
      await appendOne(
        tx,
        site,
        head,
        {
          entryId,
          kind: 'erasure',
          consentId,
          type: 'erasure',
          channel: null,
          record: { kind: 'erasure', consentId, entryId, erasedEntries: deleted.length },
          personal: undefined,
        },
        at,
      );
      await tx.query(
        `INSERT INTO erasures (consent_id, erased_at, entry_id) VALUES ($1, $2, $3)
         ON CONFLICT (consent_id) DO UPDATE SET erased_at = excluded.erased_at, entry_id = excluded.entry_id`,
        [consentId, at, entryId],
      );
      return { status: 'erased', erasedEntries: deleted.length, erasedAt: at, alreadyErased: false };
    });
  }

  async getConsent(consentId: string): Promise<ProofBundle | undefined> {
    const { rows } = await this.client.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM entries e LEFT JOIN personal_data p ON p.entry_id = e.entry_id
       WHERE e.consent_id = $1
          OR (e.type = 'message_received' AND e.inbound_id IN
                (SELECT inbound_id FROM entries WHERE consent_id = $1 AND inbound_id IS NOT NULL))
       ORDER BY e.site, e.seq`,
      [consentId],
    );
    if (rows.length === 0) return undefined;
    const views = rows.map(toView);

    // Each entry is checked on its own and against its predecessor in the site chain.
    const { rows: before } = await this.client.query<{ site: string; seq: number | string; hash: string }>(
      `SELECT site, seq, hash FROM entries
       WHERE (site, seq) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))`,
      [rows.map((row) => row.site), rows.map((row) => Number(row.seq) - 1)],
    );
    const hashAt = new Map(before.map((row) => [`${row.site}\n${Number(row.seq)}`, row.hash]));
    const broken: BrokenLink[] = [];
    for (const row of rows) {
      const seq = Number(row.seq);
      const expectedPrev = seq === 1 ? GENESIS_HASH : hashAt.get(`${row.site}\n${seq - 1}`);
      const reason =
        checkRow(row) ??
        (row.prev_hash === expectedPrev
          ? undefined
          : 'prev_hash does not match the hash of the entry before it');
      if (reason) broken.push({ seq, entryId: row.entry_id, reason });
    }

    const shas = [
      ...new Set(
        views.flatMap((view) => {
          const notice = view.record['notice'] as { sha256?: unknown } | undefined;
          return typeof notice?.sha256 === 'string' ? [notice.sha256] : [];
        }),
      ),
    ];
    const { rows: noticeRows } = await this.client.query<{
      sha256: string;
      notice_id: string;
      locale: string;
      version: string;
      text: string;
      first_seen_at: Date | string;
    }>('SELECT * FROM notices WHERE sha256 = ANY($1::text[]) ORDER BY first_seen_at, sha256', [shas]);
    const notices: ArchivedNotice[] = noticeRows.map((row) => ({
      sha256: row.sha256,
      id: row.notice_id,
      locale: row.locale,
      version: row.version,
      text: row.text,
      firstSeenAt: isoString(row.first_seen_at),
    }));

    const { rows: erasure } = await this.client.query<{ erased_at: Date | string; entry_id: string }>(
      'SELECT erased_at, entry_id FROM erasures WHERE consent_id = $1',
      [consentId],
    );
    const erased = erasure[0];
    return {
      consentId,
      sites: [...new Set(views.map((view) => view.site))],
      events: views.filter((view) => view.kind === 'event'),
      confirmations: views.filter((view) => view.kind === 'confirmation'),
      inbound: views.filter((view) => view.kind === 'inbound'),
      erasure: erased ? { erasedAt: isoString(erased.erased_at), entryId: erased.entry_id } : null,
      notices,
      chain: { ok: broken.length === 0, checked: rows.length, broken },
    };
  }

  async findConsentsByRef(ref: string, scope: RefScope): Promise<RefLookup> {
    // Codes are unique only per site and channel (docs/notices.md, "Reference code"): the lookup
    // never crosses them, and two pending consents with one code are flagged, never guessed between.
    const { rows } = await this.client.query<{
      consent_id: string;
      site: string;
      channel: string | null;
      types: string[];
      first_received_at: Date | string;
      last_received_at: Date | string;
      confirmed: boolean;
      withdrawn: boolean;
    }>(
      `SELECT consent_id, min(site) AS site, min(channel) AS channel,
         array_agg(DISTINCT type ORDER BY type) AS types,
         min(received_at) AS first_received_at, max(received_at) AS last_received_at,
         bool_or(kind = 'confirmation') AS confirmed,
         bool_or(type = 'withdrawal_requested') AS withdrawn
       FROM entries
       WHERE consent_id IN (
         SELECT p.consent_id FROM personal_data p JOIN entries s ON s.entry_id = p.entry_id
         WHERE p.ref = $1 AND s.site = $2 AND s.channel = $3)
       GROUP BY consent_id ORDER BY min(received_at), consent_id`,
      [ref, scope.site, scope.channel],
    );
    const pending = rows.filter((row) => !row.confirmed && !row.withdrawn).length;
    const consents = rows.map((row) => ({
      consentId: row.consent_id,
      site: row.site,
      channel: row.channel,
      types: row.types,
      firstReceivedAt: isoString(row.first_received_at),
      lastReceivedAt: isoString(row.last_received_at),
      confirmed: row.confirmed,
      ambiguous: pending > 1 && !row.confirmed && !row.withdrawn,
    }));
    return { ambiguous: pending > 1, consents };
  }

  async *exportEntries(): AsyncIterable<EntryView> {
    let after: { site: string; seq: number } = { site: '', seq: 0 };
    for (;;) {
      const { rows } = await this.client.query<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM entries e LEFT JOIN personal_data p ON p.entry_id = e.entry_id
         WHERE (e.site, e.seq) > ($1, $2) ORDER BY e.site, e.seq LIMIT ${PAGE_SIZE}`,
        [after.site, after.seq],
      );
      for (const row of rows) yield toView(row);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      after = { site: last.site, seq: Number(last.seq) };
    }
  }

  verify(options: { publicKey?: KeyObject | undefined } = {}): Promise<VerifyReport> {
    return verifyStore(this.client, options);
  }

  signHeads(key: SigningKey, at: Date): Promise<SignedHead[]> {
    return signHeads(this.client, key, at);
  }

  signedHeads(): Promise<SignedHead[]> {
    return listSignedHeads(this.client);
  }

  async health(): Promise<void> {
    await this.client.query('SELECT 1 FROM schema_migrations LIMIT 1');
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private async siteOf(tx: SqlQueryable, consentId: string): Promise<string | undefined> {
    const { rows } = await tx.query<{ site: string }>(
      "SELECT site FROM entries WHERE consent_id = $1 AND kind = 'event' ORDER BY received_at, seq LIMIT 1",
      [consentId],
    );
    return rows[0]?.site;
  }
}
