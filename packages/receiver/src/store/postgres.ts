import pg from 'pg';
import type { SqlClient, SqlQueryable } from './sql-client.js';

export interface PostgresOptions {
  /** Connections per receiver process. @default 10 */
  poolSize?: number;
}

/** PostgreSQL through a pg pool; each transaction holds one pooled connection. */
export async function createPostgresClient(
  databaseUrl: string,
  options: PostgresOptions = {},
): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const wrap = (target: pg.Pool | pg.PoolClient): SqlQueryable => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await target.query(text, [...params]);
      return { rows: result.rows as R[] };
    },
    async exec(text: string) {
      await target.query(text);
    },
  });
  // Fail at start, not at the first request, when the URL is wrong.
  await pool.query('SELECT 1');
  return {
    ...wrap(pool),
    async transaction(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn(wrap(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
