import { createHash } from 'node:crypto';

/**
 * The per-site hash chain. Each entry stores `prev_hash` and
 * `hash = sha256(prev_hash + canonicalJson(storedRecord) + receivedAt)`, so changing, removing or
 * reordering any stored byte breaks every later link. Pure functions; the store feeds them rows.
 */

/** prev_hash of a site's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted (recursively) and no whitespace: one byte sequence per value, so a
 * record read back from any database (jsonb reorders keys) hashes the same. `undefined` members
 * are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

export function entryHash(prevHash: string, payload: string, receivedAt: string): string {
  return sha256Hex(prevHash + payload + receivedAt);
}

/** Personal content (message, ref) as it is committed to in the chained payload. */
export interface PersonalContent {
  message?: string | undefined;
  ref?: string | undefined;
}

/**
 * Salted commitment to personal content. The salt (32 random bytes) is stored beside the content
 * and erased with it: without it a short message like "Start News Firma K7Q2" cannot be recovered
 * from the commitment by guessing.
 */
export function personalCommitment(salt: string, content: PersonalContent): string {
  return sha256Hex(salt + canonicalJson({ message: content.message, ref: content.ref }));
}

/** One chained row as the verifier needs it. */
export interface ChainRow {
  seq: number;
  entryId: string;
  payload: string;
  receivedAt: string;
  prevHash: string;
  hash: string;
}

export interface BrokenLink {
  seq: number;
  entryId: string;
  reason: string;
}

/** Breaks listed per site in a report; all are counted. */
export const MAX_REPORTED_BREAKS = 100;

/**
 * Walks one site's rows in seq order and collects every broken link, not only the first: after a
 * break it goes on from the row as stored, so each changed, removed or inserted row is named once.
 * Stateful so a store can feed it page by page without holding a whole chain in memory.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  readonly broken: BrokenLink[] = [];
  brokenCount = 0;
  entries = 0;

  /** A finding about a row or the chain, in the order they were found. */
  report(link: BrokenLink): void {
    this.brokenCount += 1;
    if (this.broken.length < MAX_REPORTED_BREAKS) this.broken.push(link);
  }

  /**
   * Checks one row. `problem` is a finding about the row that needs more than the chain (its
   * erasable content, its indexed columns), reported in chain order.
   */
  push(row: ChainRow, problem?: string): void {
    this.entries += 1;
    const reason =
      row.seq !== this.expectedSeq
        ? `expected seq ${this.expectedSeq}, found ${row.seq} (entries missing)`
        : row.prevHash !== this.prevHash
          ? 'prev_hash does not match the hash of the entry before it'
          : entryHash(row.prevHash, row.payload, row.receivedAt) !== row.hash
            ? 'hash does not match the stored record (record changed)'
            : problem;
    if (reason !== undefined) this.report({ seq: row.seq, entryId: row.entryId, reason });
    this.expectedSeq = row.seq + 1;
    this.prevHash = row.hash;
  }

  /** Checks the site head (the sites row) against the last entry: catches removed tail entries. */
  finish(head: { seq: number; hash: string }): BrokenLink[] {
    const lastSeq = this.expectedSeq - 1;
    if (head.seq !== lastSeq || head.hash !== this.prevHash) {
      this.report({
        seq: head.seq,
        entryId: '',
        reason: `chain head says seq ${head.seq}, entries end at seq ${lastSeq} (entries removed or head changed)`,
      });
    }
    return this.broken;
  }
}
