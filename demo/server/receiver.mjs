import { mkdirSync, readFileSync } from 'node:fs';
import { createReceiver, openStore } from '@messenger-optin/receiver';

/**
 * The receiver as the demo runs it: embedded PostgreSQL (PGlite) in `dataDir`, the admin API behind
 * `adminToken`, and only the demo's own origins allowed to post events. Only errors are logged, so
 * the terminal keeps showing the URLs rather than one line per request.
 */
export async function createDemoReceiver({ dataDir, adminToken, origins, log = console.error }) {
  mkdirSync(dataDir, { recursive: true });
  const store = await openStore({ dataDir });
  const { version } = JSON.parse(
    readFileSync(new URL('../../packages/receiver/package.json', import.meta.url), 'utf8'),
  );
  const app = createReceiver({
    store,
    version,
    adminToken,
    allowedOrigins: origins,
    logger: (entry) => {
      if (entry.level === 'error') log(JSON.stringify(entry));
    },
  });
  return { fetch: app.fetch, close: () => store.close() };
}
