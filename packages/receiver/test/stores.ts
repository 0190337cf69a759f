import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore } from '../src/store/open.js';
import type { SqlStore } from '../src/store/sql-store.js';

export interface StoreKind {
  name: string;
  /** Why this kind is skipped here, or '' when it runs. */
  skipReason: string;
  /** A fresh, empty, migrated store. */
  open(): Promise<SqlStore>;
  /** A second store on the same database (another receiver process), where the kind has one. */
  openSibling?(store: SqlStore): Promise<SqlStore>;
}

const databaseUrls = new WeakMap<SqlStore, string>();

/** The URL of a PostgreSQL test store's database, for a second connection of a test's own. */
export function databaseUrlOf(store: SqlStore): string {
  const url = databaseUrls.get(store);
  if (!url) throw new Error('not a PostgreSQL test store');
  return url;
}

/** A new database on the test server, so suites never see each other's rows. */
async function createDatabase(adminUrl: string): Promise<string> {
  const name = `receiver_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const postgresUrl = inject('postgresUrl');

/** PGlite on a copy of the migrated template directory, removed again on close. */
async function openPglite(): Promise<SqlStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'receiver-pglite-test-'));
  cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
  const store = await openStore({ dataDir });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return store;
}

export const storeKinds: StoreKind[] = [
  { name: 'PGlite', skipReason: '', open: openPglite },
  {
    name: 'PostgreSQL',
    skipReason: postgresUrl ? '' : `PostgreSQL tests skipped: ${inject('postgresSkipReason')}`,
    async open() {
      const databaseUrl = await createDatabase(postgresUrl);
      const store = await openStore({ databaseUrl, poolSize: 8 });
      databaseUrls.set(store, databaseUrl);
      return store;
    },
    async openSibling(store) {
      const databaseUrl = databaseUrls.get(store);
      if (!databaseUrl) throw new Error('not a PostgreSQL test store');
      return openStore({ databaseUrl, poolSize: 8 });
    },
  },
];

for (const kind of storeKinds) {
  if (kind.skipReason) console.warn(kind.skipReason);
}
