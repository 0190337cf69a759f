// Receiver throughput: a fixed autocannon load on POST /v1/events, batches of unique events.
// `runLoad({ url })` drives a receiver that is already running (from this process, so the
// receiver runs in another one); `startReceiverProcess()` starts one as a child process.
// Run `node --import tsx packages/receiver/bench/throughput.ts` for the README numbers.
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** autocannon lives in the bench workspace package; callers may also pass their own. */
async function loadAutocannon() {
  try {
    return (await import('autocannon')).default;
  } catch {
    return createRequire(new URL('../../../bench/package.json', import.meta.url))('autocannon');
  }
}

// notice_shown must carry the text it archives, and the text must hash to notice.sha256.
const NOTICE_TEXT = 'News from Firma via WhatsApp. Send "Stop News Firma" to end it.';
const NOTICE_SHA = createHash('sha256').update(NOTICE_TEXT, 'utf8').digest('hex');

/** A batch of `size` valid schema-v1 events of one consent flow, each with a new eventId. */
export function makeBatch(size, origin) {
  const consentId = randomUUID();
  const now = new Date().toISOString();
  return Array.from({ length: size }, (_, index) => ({
    schema: 'messenger-optin/consent-event@1',
    eventId: randomUUID(),
    consentId,
    type: index === 0 ? 'notice_shown' : index === 1 ? 'consent_given' : 'link_opened',
    channel: 'whatsapp',
    ref: 'K7Q2',
    message: 'Start News Firma K7Q2',
    occurredAt: now,
    sentAt: now,
    attempt: 1,
    notice: {
      id: 'whatsapp.en.v1',
      locale: 'en',
      version: 'v1',
      sha256: NOTICE_SHA,
      ...(index === 0 ? { text: NOTICE_TEXT } : {}),
    },
    action: 'button',
    page: { origin, path: '/newsletter' },
    widget: { version: '0.1.0' },
    purpose: 'News',
  }));
}

/**
 * Runs a bounded load and returns what the receiver accepted.
 * @param {object} options
 * @param {string} options.url receiver base URL, e.g. http://127.0.0.1:8787
 * @param {string} [options.origin] Origin header and page.origin (must be allowed). @default 'https://bench.example'
 * @param {number} [options.durationSeconds] @default 10
 * @param {number} [options.connections] @default 10
 * @param {number} [options.batchSize] events per request @default 5
 * @param {number} [options.amount] a fixed number of requests instead of a duration: every request
 *   is answered before this returns, so what was accepted can be counted in the database exactly
 * @param {Function} [options.autocannon] an autocannon function, if the caller has its own
 */
export async function runLoad({
  url,
  origin = 'https://bench.example',
  durationSeconds = 10,
  connections = 10,
  batchSize = 5,
  amount,
  autocannon,
}) {
  const cannon = autocannon ?? (await loadAutocannon());
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  const result = await cannon({
    url,
    connections,
    pipelining: 1,
    ...(amount ? { amount } : { duration: durationSeconds }),
    requests: [
      {
        method: 'POST',
        path: '/v1/events',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin },
        // Called for every request: fresh eventIds, so each request stores new events.
        setupRequest: (request) => ({ ...request, body: JSON.stringify(makeBatch(batchSize, origin)) }),
        onResponse: (status, body) => {
          if (status !== 200) return;
          const answer = JSON.parse(body);
          accepted += answer.accepted;
          duplicates += answer.duplicates;
          rejected += answer.rejected.length;
        },
      },
    ],
  });
  const seconds = result.duration;
  return {
    durationSeconds: Math.round(seconds * 10) / 10,
    connections,
    batchSize,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    accepted,
    duplicates,
    rejected,
    eventsPerSecond: Math.round(accepted / seconds),
    requestsPerSecond: Math.round(result.requests.total / seconds),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere.
 * On a shared, busy machine events per CPU-second says more about the receiver than events per
 * wall-clock second.
 */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Starts `messenger-optin-receiver start` in a child process on a free port (rate limit off,
 * `origin` allowed). Uses dist/ when built, else the TypeScript source through tsx.
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void> }>}
 */
export async function startReceiverProcess({
  dataDir,
  databaseUrl,
  origin = 'https://bench.example',
  timeoutMs = 180_000,
}) {
  const built = `${packageDir}dist/cli.js`;
  const entry = existsSync(built)
    ? [built]
    : ['--conditions=source', '--import', 'tsx', `${packageDir}src/cli.ts`];
  const args = [...entry, 'start', '--port', '0', '--rate-limit', 'off', '--allowed-origin', origin];
  if (dataDir) args.push('--data-dir', dataDir);
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('receiver did not start in time')), timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      buffered += chunk;
      const match = /"msg":"listening","url":"([^"]+)"/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        // Keep draining: request log lines must not fill the pipe and stall the receiver.
        buffered = '';
        resolve(match[1]);
      } else if (buffered.length > 100_000) buffered = buffered.slice(-1000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`receiver exited with ${code}: ${buffered.slice(-2000)}`));
    });
  });
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
