import type { KeyObject } from 'node:crypto';
import { ChainVerifier, MAX_REPORTED_BREAKS, sha256Hex } from '../chain.js';
import { listSignedHeads, signedHeadProblem } from './signed-heads.js';
import type { SqlQueryable } from './sql-client.js';
import { ENTRY_COLUMNS, type EntryRow, checkCommitment, isoString } from './sql-store.js';
import type { SiteReport, VerifyReport } from './types.js';

/** Rows read per round trip: bounded memory on any chain length. */
const PAGE_SIZE = 1000;

interface Payload {
  kind?: unknown;
  eventId?: unknown;
  consentId?: unknown;
  confirmationId?: unknown;
  entryId?: unknown;
  type?: unknown;
  channel?: unknown;
  page?: { origin?: unknown };
  personal?: unknown;
}

const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * The indexed columns each kind of entry repeats from its chained payload. Lookups (by consent, by
 * type) read the columns, the hash covers the payload: a column changed on its own would make a
 * proof bundle show an entry under the wrong consent or type with an intact chain. Kinds not
 * listed here (added by later features) are checked by their hash only.
 */
const columnsOf: Record<string, (payload: Payload) => Record<string, unknown>> = {
  event: (payload) => ({
    kind: payload.kind ?? 'event',
    entry_id: lower(payload.eventId),
    consent_id: lower(payload.consentId),
    type: payload.type,
    channel: payload.channel ?? null,
    site: payload.page?.origin,
  }),
  confirmation: (payload) => ({
    kind: payload.kind,
    entry_id: lower(payload.confirmationId),
    consent_id: lower(payload.consentId),
    type: 'confirmation',
    channel: payload.channel ?? null,
  }),
  erasure: (payload) => ({
    kind: payload.kind,
    consent_id: lower(payload.consentId),
    type: 'erasure',
    // Erasure records name their own id since 004_hardening; older ones do not.
    ...(payload.entryId === undefined ? {} : { entry_id: lower(payload.entryId) }),
  }),
};

function columnProblem(row: EntryRow & { channel: string | null }, payload: Payload): string | undefined {
  const expected = columnsOf[row.kind]?.(payload);
  if (!expected) return undefined;
  const differing = Object.entries(expected)
    .filter(([column, value]) => (row as unknown as Record<string, unknown>)[column] !== value)
    .map(([column]) => column);
  return differing.length > 0
    ? `indexed column ${differing.join(', ')} differs from the chained record`
    : undefined;
}

/**
 * Recomputes every chain and checks what the chain alone cannot see (docs/receiver-security.md#verify):
 * - each site up to the head read at the start: appends during the run are neither read nor
 *   mistaken for a changed head, on any engine and without holding a transaction open;
 * - every break, not only the first (the first MAX_REPORTED_BREAKS listed, all counted);
 * - erasable content against its salted commitment, and content removed without an erasure entry;
 * - the indexed columns against the chained record;
 * - archived notice texts against their sha256;
 * - signed heads against the chain, and their signatures when a public key is given.
 */
export async function verifyStore(
  client: SqlQueryable,
  options: { publicKey?: KeyObject | undefined } = {},
): Promise<VerifyReport> {
  const { rows: sites } = await client.query<{ site: string; head_seq: number | string; head_hash: string }>(
    'SELECT site, head_seq, head_hash FROM sites ORDER BY site',
  );
  const reports: SiteReport[] = [];
  for (const site of sites) {
    const headSeq = Number(site.head_seq);
    const verifier = new ChainVerifier();
    const withoutContent: Array<{ seq: number; entryId: string; consentId: string }> = [];
    for (let afterSeq = 0; ;) {
      const { rows } = await client.query<EntryRow & { channel: string | null }>(
        `SELECT ${ENTRY_COLUMNS}, e.channel FROM entries e LEFT JOIN personal_data p ON p.entry_id = e.entry_id
         WHERE e.site = $1 AND e.seq > $2 AND e.seq <= $3 ORDER BY e.seq LIMIT ${PAGE_SIZE}`,
        [site.site, afterSeq, headSeq],
      );
      for (const row of rows) {
        let payload: Payload = {};
        try {
          payload = JSON.parse(row.payload) as Payload;
        } catch {
          // the hash check names this row
        }
        if (payload.personal !== undefined && row.salt === null && row.consent_id !== null)
          withoutContent.push({ seq: Number(row.seq), entryId: row.entry_id, consentId: row.consent_id });
        verifier.push(
          {
            seq: Number(row.seq),
            entryId: row.entry_id,
            payload: row.payload,
            receivedAt: isoString(row.received_at),
            prevHash: row.prev_hash,
            hash: row.hash,
          },
          checkCommitment(row) ?? columnProblem(row, payload),
        );
      }
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) break;
      afterSeq = Number(last.seq);
    }
    verifier.finish({ seq: headSeq, hash: site.head_hash });
    // Content may only be gone with an erasure entry in the chain (read after the entries: an erasure
    // commits its deletion and its entry together, so one seen deleted is seen erased).
    if (withoutContent.length > 0) {
      const { rows: erased } = await client.query<{ consent_id: string }>(
        `SELECT r.consent_id FROM erasures r
         JOIN entries e ON e.entry_id = r.entry_id AND e.kind = 'erasure' AND e.consent_id = r.consent_id
         WHERE r.consent_id = ANY($1::uuid[])`,
        [[...new Set(withoutContent.map((item) => item.consentId))]],
      );
      const erasedIds = new Set(erased.map((row) => row.consent_id));
      for (const item of withoutContent)
        if (!erasedIds.has(item.consentId))
          verifier.report({
            seq: item.seq,
            entryId: item.entryId,
            reason: 'personal data removed without an erasure entry',
          });
    }
    const broken = [...verifier.broken].sort((a, b) => a.seq - b.seq);
    reports.push({
      site: site.site,
      entries: verifier.entries,
      ok: verifier.brokenCount === 0,
      ...(broken[0] ? { firstBroken: broken[0], broken, brokenCount: verifier.brokenCount } : {}),
    });
  }

  const notices = await verifyNotices(client);
  const signedHeads = await verifySignedHeads(client, options.publicKey);
  return {
    ok: reports.every((report) => report.ok) && notices.ok && signedHeads.ok,
    sites: reports,
    notices,
    signedHeads,
  };
}

async function verifyNotices(client: SqlQueryable): Promise<VerifyReport['notices']> {
  const broken: Array<{ sha256: string; reason: string }> = [];
  let checked = 0;
  for (let after = ''; ;) {
    const { rows } = await client.query<{ sha256: string; text: string }>(
      `SELECT sha256, text FROM notices WHERE sha256 > $1 ORDER BY sha256 LIMIT ${PAGE_SIZE}`,
      [after],
    );
    for (const row of rows) {
      checked += 1;
      if (sha256Hex(row.text) !== row.sha256 && broken.length < MAX_REPORTED_BREAKS)
        broken.push({ sha256: row.sha256, reason: 'archived text does not match its sha256 (text changed)' });
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE_SIZE) break;
    after = last.sha256;
  }
  return { checked, ok: broken.length === 0, broken };
}

async function verifySignedHeads(
  client: SqlQueryable,
  publicKey: KeyObject | undefined,
): Promise<VerifyReport['signedHeads']> {
  const heads = await listSignedHeads(client);
  const { rows } = heads.length
    ? await client.query<{ site: string; seq: number | string; hash: string }>(
        `SELECT site, seq, hash FROM entries WHERE (site, seq) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))`,
        [heads.map((head) => head.site), heads.map((head) => head.seq)],
      )
    : { rows: [] };
  const hashAt = new Map(rows.map((row) => [`${row.site}\n${Number(row.seq)}`, row.hash]));
  const broken = heads.flatMap((head) => {
    const reason = signedHeadProblem(head, hashAt.get(`${head.site}\n${head.seq}`), publicKey);
    return reason ? [{ site: head.site, seq: head.seq, keyId: head.keyId, reason }] : [];
  });
  return {
    checked: heads.length,
    signaturesChecked: publicKey !== undefined,
    ok: broken.length === 0,
    broken: broken.slice(0, MAX_REPORTED_BREAKS),
  };
}
