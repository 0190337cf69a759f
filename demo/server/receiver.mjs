import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InboundStats,
  createReceiver,
  inboundRouteVariables,
  openStore,
  resolveInboundConfig,
  startOutboxWorker,
} from '@messenger-optin/receiver';

/**
 * RECEIVER_HASH_KEY keys the sender hashes in the chain: a new key would cut every later message off
 * from its subscriber (docs/inbound.md). The provider secrets may change per run; this key must
 * not, so it lives beside the database and goes when the folder is deleted.
 */
export function demoHashKey(dataDir) {
  const file = join(dataDir, 'receiver-hash-key');
  try {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length >= 32) return key;
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/**
 * The receiver as the demo runs it: embedded PostgreSQL (PGlite) in `dataDir`, the admin API behind
 * `adminToken`, only the demo's own origins allowed to post events, and the messenger webhooks
 * configured with `inboundSettings` (the demo phone's per-run secrets; replies go to its fake
 * messenger API). Only errors are logged, so the terminal keeps showing the URLs rather than one
 * line per request.
 */
export async function createDemoReceiver({
  dataDir,
  adminToken,
  origins,
  inboundSettings,
  log = console.error,
}) {
  mkdirSync(dataDir, { recursive: true });
  const { config } = resolveInboundConfig(
    { ...inboundSettings, RECEIVER_HASH_KEY: demoHashKey(dataDir), INBOUND_COMPANY: 'Firma' },
    inboundRouteVariables,
  );
  const store = await openStore({ dataDir });
  const { version } = JSON.parse(
    readFileSync(new URL('../../packages/receiver/package.json', import.meta.url), 'utf8'),
  );
  const logger = (entry) => {
    if (entry.level === 'error') log(JSON.stringify(entry));
  };
  const stats = new InboundStats();
  const worker = config
    ? startOutboxWorker({ client: store.client, config, stats, log: logger, intervalMs: 500 })
    : undefined;
  const app = createReceiver({
    store,
    version,
    adminToken,
    allowedOrigins: origins,
    logger,
    inbound: { config, stats, ...(worker ? { onReplyQueued: () => worker.wake() } : {}) },
  });
  return {
    fetch: app.fetch,
    close: async () => {
      await worker?.stop();
      await store.close();
    },
  };
}
