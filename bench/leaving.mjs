#!/usr/bin/env node
// Leaving the page at once (docs/consent-records.md, scenario 5): the visitor confirms and the page
// navigates away in the same task, as a deep link does. The reporter sends the consent event with
// a keepalive fetch or a beacon while the page unloads; no browser API lets a page learn whether
// such a request went out, so a second copy on the wire cannot be ruled out. The receiver keeps
// the first copy of an eventId. This bench counts how often a second copy crosses the wire and
// checks the contract: every event stored exactly once, none lost.
//
//   node bench/leaving.mjs [--runs 30]      (after a build; `npm run bench:leaving` from the root)
//
// Real parts only: headless Chromium, the built one-file SDK, the receiver's CLI on PGlite. A small
// server in this process serves the page and forwards POST /v1/events to the receiver (one origin,
// as in the demo), reading each body on the way to count the eventIds on the wire. Bounded: at most
// 100 runs, 15 s each, and the whole bench stops itself after 5 minutes. Exit code 1 if an event
// was lost or stored twice; wire duplicates are reported, not failed.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, withTimeout } from './lib/browser-bench.mjs';
import { startReceiver } from './lib/receiver-bench.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const RUNS = Math.min(100, Math.max(1, Number(args.runs) || 30));
const RUN_TIMEOUT_MS = 15_000;
const HARD_LIMIT_MS = 5 * 60_000;

const started = Date.now();
const log = (line) =>
  console.log(`[leaving ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const hardStop = setTimeout(() => {
  console.error(`hard time limit of ${HARD_LIMIT_MS / 60_000} min reached`);
  process.exit(2);
}, HARD_LIMIT_MS);
hardStop.unref();

const sdk = readFileSync(join(root, 'packages/sdk/dist/browser/messenger-optin-sdk.js'));

// The page a shop would have: the reporter, and a button that records consent_given and leaves
// at once. The notice's sha256 stands for the text the widget showed (this bench sends no text).
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Leaving at once</title>
<script type="module">
  import { createConsentReporter } from '/sdk.js';
  const reporter = createConsentReporter({ endpoint: '/v1/events', widgetVersion: 'bench' });
  document.querySelector('button').addEventListener('click', () => {
    const id = reporter.record({
      consentId: crypto.randomUUID(),
      type: 'consent_given',
      channel: 'whatsapp',
      ref: 'K7Q2',
      message: 'Start News Firma K7Q2',
      notice: { id: 'whatsapp.de.v1', locale: 'de', version: '1', sha256: '${'a'.repeat(64)}' },
      action: 'button',
    });
    location.href = '/away.html#' + id;
  });
  document.body.dataset.ready = 'true';
</script></head>
<body><button type="button">WhatsApp öffnen</button></body></html>`;
const away = '<!doctype html><meta charset="utf-8"><title>Away</title><p>The messenger would open here.</p>';

/** What crossed the wire to the receiver, per request. */
const wire = [];
let pendingForwards = 0;

/** @param {() => URL} target the receiver, known once it has started */
async function startFrontServer(target) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (request.method === 'GET' && (path === '/' || path === '/away.html' || path === '/sdk.js')) {
      const type = path === '/sdk.js' ? 'text/javascript' : 'text/html';
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(path === '/sdk.js' ? sdk : path === '/' ? page : away);
      return;
    }
    if (request.method === 'OPTIONS' || (request.method === 'POST' && path === '/v1/events')) {
      pendingForwards += 1;
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        const seen = {
          method: request.method,
          mode: String(request.headers['sec-fetch-mode'] ?? ''),
          eventIds: [...body.toString().matchAll(/"eventId":"([^"]+)"/g)].map((match) => match[1]),
          status: 0,
          // The reporter stamps each send: the same sentAt twice is the browser repeating one
          // request, two different ones are two sends by the reporter.
          sentAt: /"sentAt":"([^"]+)"/.exec(body.toString())?.[1],
        };
        if (request.method === 'POST') wire.push(seen);
        const forward = httpRequest(
          {
            host: target().hostname,
            port: target().port,
            method: request.method,
            path: request.url,
            headers: { ...request.headers, host: target().host, 'content-length': String(body.length) },
          },
          (answer) => {
            seen.status = answer.statusCode ?? 0;
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
            answer.on('end', () => (pendingForwards -= 1));
          },
        );
        forward.on('error', (error) => {
          pendingForwards -= 1;
          seen.status = -1;
          response.writeHead(502).end(String(error));
        });
        forward.end(body);
      });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** Polls (bounded) until `check` holds; false when the time ran out. */
async function until(check, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

const adminToken = randomBytes(32).toString('base64url');
process.env['RECEIVER_ADMIN_TOKEN'] = adminToken;
const loadStart = loadavg()[0];
log(`starting the receiver (PGlite) and Chromium; ${RUNS} runs`);
let receiverUrl = new URL('http://127.0.0.1:1');
const front = await startFrontServer(() => receiverUrl);
// The page's origin is the only one allowed (with no allowlist the receiver refuses every origin).
const receiver = await startReceiver({ root, log, args: ['--allowed-origin', front.origin] });
receiverUrl = new URL(receiver.url);
log(`receiver at ${receiver.url}`);
const { browser, version } = await launchChromium();
const recorded = [];
const contexts = [];
const stored = () => new Set(wire.filter((r) => r.status === 200).flatMap((r) => r.eventIds));
let failure;
try {
  for (let run = 0; run < RUNS; run++) {
    // A fresh context per run: an empty outbox, so nothing is resent on a later visit. It stays
    // open until the end, as a visitor's browser would: closing it could cut off a late copy.
    const context = await browser.newContext();
    contexts.push(context);
    const tab = await context.newPage();
    await tab.goto(`${front.origin}/`);
    await tab.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: RUN_TIMEOUT_MS });
    await tab.getByRole('button').click();
    await tab.waitForURL('**/away.html#*', { timeout: RUN_TIMEOUT_MS });
    const id = new URL(tab.url()).hash.slice(1);
    recorded.push(id);
    if (run % 10 === 9) log(`${run + 1} runs`);
    // One visitor at a time: the next run starts once the receiver has answered this one's copy
    // and nothing is on its way through.
    await until(() => stored().has(id) && pendingForwards === 0, RUN_TIMEOUT_MS);
  }
  await until(() => pendingForwards === 0, 5_000);
  for (const context of contexts) await context.close();
  const response = await withTimeout(
    fetch(`${receiver.url}/v1/export?format=json`, { headers: { authorization: `Bearer ${adminToken}` } }),
    30_000,
    'export',
  );
  if (!response.ok) throw new Error(`export answered ${response.status}`);
  const exported = await response.json();
  if (process.env['LEAVING_DEBUG']) console.log(JSON.stringify({ wire, exported }, null, 1));
  const storedIds = exported.filter((entry) => entry.kind === 'event').map((entry) => entry.record.eventId);
  const onWire = wire.flatMap((r) => r.eventIds);
  const duplicates = onWire.length - new Set(onWire).size;
  const runsWithDuplicate = recorded.filter((id) => onWire.filter((seen) => seen === id).length > 1).length;
  const copies = new Set(wire.flatMap((r) => r.eventIds.map((id) => `${id} ${r.sentAt}`)));
  const resentByReporter = copies.size - new Set(onWire).size;
  const storedSet = new Set(storedIds);
  const lost = recorded.filter((id) => !storedSet.has(id)).length;
  const storedTwice = storedIds.length - storedSet.size;
  const modes = Object.entries(
    wire.reduce((count, r) => ({ ...count, [r.mode]: (count[r.mode] ?? 0) + 1 }), {}),
  )
    .map(([mode, n]) => `${mode || '?'} ${n}`)
    .join(', ');
  const result = {
    runs: RUNS,
    recorded: recorded.length,
    requests: wire.length,
    onWire: onWire.length,
    duplicatesOnWire: duplicates,
    runsWithDuplicate,
    duplicateRate: `${((100 * runsWithDuplicate) / RUNS).toFixed(1)} %`,
    resentByReporter,
    repeatedByBrowser: duplicates - resentByReporter,
    stored: storedIds.length,
    storedTwice,
    lost,
    requestModes: modes,
    chromium: version,
    loadAverage: `${loadStart.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `| ${RUNS} | ${onWire.length} | ${duplicates} (${runsWithDuplicate} runs, ${result.duplicateRate}) | ${storedIds.length} | ${storedTwice} | ${lost} |`,
  );
  if (lost > 0 || storedTwice > 0 || storedIds.length !== recorded.length) failure = 'contract broken';
} catch (error) {
  failure = error instanceof Error ? error.stack : String(error);
} finally {
  await browser.close();
  await front.close();
  await receiver.stop();
  clearTimeout(hardStop);
}
if (failure) {
  console.error(failure);
  process.exit(1);
}
