import { readdir, readFile } from 'node:fs/promises';
import type { SqlClient } from './sql-client.js';

/** The folder beside this module; the build copies the .sql files next to the compiled JS. */
const migrationsDir = new URL('./migrations/', import.meta.url);

/** Any constant; both stores take this transaction-scoped advisory lock while migrating. */
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Applies the SQL files in migrations/ (sorted by name) that schema_migrations does not list yet,
 * all in one transaction under an advisory lock, so several receiver processes starting at once on
 * one PostgreSQL migrate exactly once.
 */
export async function migrate(client: SqlClient): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((name) => name.endsWith('.sql')).sort();
  const sources = await Promise.all(
    files.map(async (name) => ({ name, sql: await readFile(new URL(name, migrationsDir), 'utf8') })),
  );
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await tx.query<{ version: string }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const ran: string[] = [];
    for (const { name, sql } of sources) {
      if (applied.has(name)) continue;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [name]);
      ran.push(name);
    }
    return ran;
  });
}
