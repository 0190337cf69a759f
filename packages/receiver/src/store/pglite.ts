import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from './sql-client.js';

/**
 * Embedded PostgreSQL (WASM) in a data directory, or in memory when none is given. PGlite has one
 * connection and runs each query and transaction exclusively, so appends are serialized anyway;
 * the per-site row lock in sql-store.ts is what keeps PostgreSQL just as safe.
 */
export async function createPgliteClient(dataDir?: string): Promise<SqlClient> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
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
    close: () => db.close(),
  };
}
