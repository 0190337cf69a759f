import type { KeyObject } from 'node:crypto';
import { type SigningKey, signHead, verifyHeadSignature } from '../signing.js';
import type { SqlQueryable } from './sql-client.js';

/** One signed head as stored and exported (GET /v1/heads). */
export interface SignedHead {
  site: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  /** The exact signed text (canonical JSON of site, seq, hash, signedAt). */
  message: string;
  /** base64 Ed25519 signature over the UTF-8 bytes of `message`. */
  signature: string;
}

interface SignedHeadRow {
  site: string;
  seq: number | string;
  hash: string;
  signed_at: Date | string;
  key_id: string;
  message: string;
  signature: string;
}

const toSignedHead = (row: SignedHeadRow): SignedHead => ({
  site: row.site,
  seq: Number(row.seq),
  hash: row.hash,
  signedAt: new Date(row.signed_at).toISOString(),
  keyId: row.key_id,
  message: row.message,
  signature: row.signature,
});

/**
 * Signs the head of every site whose head moved since this key last signed it. Heads are read as
 * committed; an append racing with this is signed next time. Several receiver processes may sign
 * the same head: the primary key keeps one.
 */
export async function signHeads(client: SqlQueryable, key: SigningKey, at: Date): Promise<SignedHead[]> {
  const { rows } = await client.query<{ site: string; head_seq: number | string; head_hash: string }>(
    `SELECT s.site, s.head_seq, s.head_hash FROM sites s
     WHERE s.head_seq > 0 AND s.head_seq > COALESCE(
       (SELECT max(h.seq) FROM signed_heads h WHERE h.site = s.site AND h.key_id = $1), 0)
     ORDER BY s.site`,
    [key.keyId],
  );
  const signed = rows.map((row) => {
    const head = {
      site: row.site,
      seq: Number(row.head_seq),
      hash: row.head_hash,
      signedAt: at.toISOString(),
    };
    return { ...head, keyId: key.keyId, ...signHead(key, head) };
  });
  if (signed.length > 0)
    await client.query(
      `INSERT INTO signed_heads (site, seq, hash, signed_at, key_id, message, signature)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT DO NOTHING`,
      [
        signed.map((head) => head.site),
        signed.map((head) => head.seq),
        signed.map((head) => head.hash),
        signed.map((head) => head.signedAt),
        signed.map((head) => head.keyId),
        signed.map((head) => head.message),
        signed.map((head) => head.signature),
      ],
    );
  return signed;
}

/** Every signed head, by site and seq. */
export async function listSignedHeads(client: SqlQueryable): Promise<SignedHead[]> {
  const { rows } = await client.query<SignedHeadRow>(
    'SELECT site, seq, hash, signed_at, key_id, message, signature FROM signed_heads ORDER BY site, seq, key_id',
  );
  return rows.map(toSignedHead);
}

/** Why a signed head does not hold, or undefined. `entryHash` is the chain's hash at its seq. */
export function signedHeadProblem(
  head: SignedHead,
  entryHash: string | undefined,
  publicKey: KeyObject | undefined,
): string | undefined {
  if (publicKey && !verifyHeadSignature(publicKey, head.message, head.signature))
    return 'the signature does not verify with the public key';
  let fields: { site?: unknown; seq?: unknown; hash?: unknown } = {};
  try {
    fields = JSON.parse(head.message) as typeof fields;
  } catch {
    // an unreadable message is reported just below
  }
  if (fields.site !== head.site || fields.seq !== head.seq || fields.hash !== head.hash)
    return 'the signed message does not name this head';
  if (entryHash === undefined) return `the chain has no entry at seq ${head.seq} any more`;
  if (entryHash !== head.hash)
    return `the entry at seq ${head.seq} differs from the signed head (log rewritten)`;
  return undefined;
}
