#!/usr/bin/env node
// `npm run demo`: the demo pages, the script-tag bundle and the consent receiver (on its embedded
// database) on one origin. Prints the URLs and the admin token. Ctrl+C stops it.
//
//   DEMO_PORT        port (default 5173; 0 picks a free one)
//   DEMO_HOST        interface (default 127.0.0.1: the demo is not meant to be reachable from outside)
//   DEMO_DATA_DIR    the receiver's database directory (default .data/demo; delete it to start over).
//                    It also keeps the receiver's RECEIVER_HASH_KEY, so senders stay linked across runs.
//   DEMO_ADMIN_TOKEN admin token for the consent log (default: a new random one per start)
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer } from './server/demo-server.mjs';
import { createDemoReceiver } from './server/receiver.mjs';

const repoRoot = new URL('../', import.meta.url).pathname;
const port = Number(process.env.DEMO_PORT ?? 5173);
const host = process.env.DEMO_HOST ?? '127.0.0.1';
const dataDir = resolve(repoRoot, process.env.DEMO_DATA_DIR ?? '.data/demo');
const adminToken = process.env.DEMO_ADMIN_TOKEN || `demo-${randomBytes(24).toString('base64url')}`;

const bundle = `${repoRoot}packages/widget/dist/cdn/messenger-optin.js`;
if (!existsSync(bundle)) {
  console.error(`The widget bundle is missing (${bundle}). Run \`npm run demo\`, which builds it first.`);
  process.exit(1);
}

console.log(`Starting the demo; the embedded database takes a few seconds (longer on its first start) …`);
let demo;
try {
  demo = await startDemoServer({
    port,
    host,
    createReceiverApp: ({ origins, inboundSettings }) =>
      createDemoReceiver({ dataDir, adminToken, origins, inboundSettings }),
    log: (line) => console.error(line),
  });
} catch (error) {
  const busy = error && typeof error === 'object' && 'code' in error && error.code === 'EADDRINUSE';
  console.error(
    busy
      ? `Port ${port} is in use. Start with another one: DEMO_PORT=5174 npm run demo`
      : `The demo did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
}

const base = demo.url;
console.log(`
messenger-optin demo (one origin: pages, widget bundle and consent receiver)

  Shop, German:   ${base}
  Shop, English:  ${base}en.html
  Configurator:   ${base}configurator.html
  Consent log:    ${base}consents.html
  Console:        ${base}admin  (the site owner's console; log in with the admin token below)
  Demo phone:     on both shop pages; it sends signed Telegram/WhatsApp webhooks to ${base}v1/inbound/…
  Receiver:       ${base}v1/events  (health: ${base}healthz)

  Admin token (demo only, new on every start unless DEMO_ADMIN_TOKEN is set):
    ${adminToken}

  Database: ${dataDir}  (embedded PostgreSQL; delete the folder to start over)
  Press Ctrl+C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await demo.close().catch((error) => console.error(error));
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
