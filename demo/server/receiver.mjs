import { mkdirSync } from 'node:fs';
import { createReceiver } from '@messenger-optin/receiver';

/**
 * The receiver as the demo runs it: embedded database in `dataDir`, the admin API behind
 * `adminToken`, and only the demo's own origins allowed to post events.
 */
export async function createDemoReceiver({ dataDir, adminToken, origins }) {
  mkdirSync(dataDir, { recursive: true });
  const app = createReceiver({ dataDir, adminToken, allowedOrigins: origins });
  return { fetch: app.fetch, close: () => app.close?.() };
}
