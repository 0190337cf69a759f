/**
 * The little a store needs from a PostgreSQL connection. pglite.ts and postgres.ts adapt their
 * drivers to it, so every SQL statement and migration exists once.
 */
export interface SqlQueryable {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
  /** Runs several statements (a migration file); no parameters. */
  exec(text: string): Promise<void>;
}

export interface SqlClient extends SqlQueryable {
  /** BEGIN … COMMIT around fn; ROLLBACK when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
