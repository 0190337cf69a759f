import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { lockFolder } from './folder-lock.js';
import type { SqlClient, SqlQueryable } from './sql-client.js';

/**
 * Embedded PostgreSQL (WASM) in a data directory, or in memory when none is given. PGlite has one
 * connection and runs each query and transaction exclusively, so appends are serialized anyway;
 * the per-site row lock in sql-store.ts is what keeps PostgreSQL just as safe.
 */
export async function createPgliteClient(dataDir?: string): Promise<SqlClient> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // One process per directory (docs/receiver-security.md#one-process-per-pglite-folder).
  const release = dataDir ? lockFolder(dataDir) : () => {};
  let db: PGlite;
  try {
    db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  } catch (error) {
    release();
    throw error;
  }
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): SqlQueryable => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(text, [...params]);
      return { rows: result.rows };
    },
    async exec(text: string) {
      await target.exec(text);
    },
  });
  return {
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
