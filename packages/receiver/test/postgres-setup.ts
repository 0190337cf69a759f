import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import { startTempPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the throwaway PostgreSQL server's admin database, or '' when none could start. */
    postgresUrl: string;
    postgresSkipReason: string;
    /** A migrated PGlite data directory to copy: opening a copy costs a fraction of a fresh initdb. */
    pgliteTemplate: string;
  }
}

/**
 * Global setup of the receiver tests: a migrated PGlite template directory, and a private
 * PostgreSQL server when its binaries are installed (else the PostgreSQL cases skip, saying why).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = mkdtempSync(join(tmpdir(), 'receiver-pglite-'));
  await (await openStore({ dataDir: template })).close();
  project.provide('pgliteTemplate', template);

  const postgres = await startTempPostgres();
  project.provide('postgresUrl', 'url' in postgres ? postgres.url : '');
  project.provide('postgresSkipReason', 'skipReason' in postgres ? postgres.skipReason : '');
  return async () => {
    if ('stop' in postgres) await postgres.stop();
    rmSync(template, { recursive: true, force: true });
  };
}
