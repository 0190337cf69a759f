import { createPgliteClient } from './pglite.js';
import { type PostgresOptions, createPostgresClient } from './postgres.js';
import { SqlStore } from './sql-store.js';

export type OpenStoreOptions =
  /** Embedded PostgreSQL (PGlite) in this directory. */
  | { dataDir: string }
  /** A PostgreSQL server, e.g. `postgres://user:pass@host:5432/db`. */
  | ({ databaseUrl: string } & PostgresOptions)
  /** In-memory PGlite: gone when the process ends (tests, throwaway demos). */
  | { memory: true };

/** Opens a store and applies pending migrations. */
export async function openStore(options: OpenStoreOptions): Promise<SqlStore> {
  if ('databaseUrl' in options) {
    const { databaseUrl, ...rest } = options;
    return SqlStore.open(await createPostgresClient(databaseUrl, rest));
  }
  return SqlStore.open(await createPgliteClient('dataDir' in options ? options.dataDir : undefined));
}
