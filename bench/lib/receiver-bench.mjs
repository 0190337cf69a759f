// The receiver half of the bench: the receiver runs as its own process (its CLI, as a site owner
// starts it), autocannon fires from this process at a fixed rate over loopback, for a bounded time.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { withTimeout } from './browser-bench.mjs';

/**
 * One valid consent event (schema v1) with fresh ids: every request must carry new eventIds, or
 * the receiver would only count duplicates.
 * @param {Date} [now]
 */
export function consentEvent(now = new Date()) {
  return {
    schema: 'messenger-optin/consent-event@1',
    eventId: randomUUID(),
    consentId: randomUUID(),
    type: 'consent_given',
    channel: 'whatsapp',
    ref: 'K7Q2',
    message: 'Start News Firma K7Q2',
    occurredAt: now.toISOString(),
    attempt: 1,
    notice: {
      id: 'whatsapp.de.v1',
      locale: 'de',
      version: '1',
      sha256: 'a'.repeat(64),
    },
    action: 'button',
    page: { origin: 'https://firma.example', path: '/newsletter' },
    widget: { version: '0.1.0' },
    purpose: 'News',
  };
}

/**
 * Starts `messenger-optin-receiver start` on a random port and resolves with its URL once
 * /healthz answers.
 * @param {{ root: string, databaseUrl?: string, log: (line: string) => void, args?: string[] }} options
 */
export async function startReceiver(options) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-receiver-'));
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' };
  delete env['DATABASE_URL'];
  if (options.databaseUrl) env['DATABASE_URL'] = options.databaseUrl;
  const child = spawn(
    process.execPath,
    [
      join(options.root, 'packages/receiver/bin/messenger-optin-receiver.js'),
      'start',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
      // The per-client limiter (a defence against one abusive page) would answer this single
      // load client with 429 after its burst; the bench asks what the receiver itself sustains.
      '--rate-limit',
      'off',
      ...(options.args ?? []),
    ],
    { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await withTimeout(exited, 10_000, 'receiver shutdown').catch(() => child.kill('SIGKILL'));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);

  try {
    const url = await withTimeout(
      new Promise((resolve, reject) => {
        const onData = (chunk) => {
          // Keeps only the tail: the receiver may log every request while the load runs.
          output = (output + chunk.toString()).slice(-4000);
          const match = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):(\d+)/.exec(output);
          if (match) resolve(`http://127.0.0.1:${match[1]}`);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) =>
          reject(new Error(`receiver exited with ${code}: ${output.trim().slice(-500)}`)),
        );
      }),
      // PGlite creates its data directory on first start (initdb in WebAssembly): slow on a busy machine.
      180_000,
      'receiver start',
    );
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`receiver /healthz answered ${health.status}`);
    return {
      url,
      cpuMs: () => processCpuMs(child.pid),
      stop: async () => {
        process.removeListener('exit', stopOnExit);
        await stop();
      },
    };
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    await stop();
    throw error;
  }
}

/**
 * CPU time (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. On a
 * shared machine wall-clock throughput mostly measures the neighbours; CPU per event does not.
 * @param {number | undefined} pid
 */
export function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 in clock
    // ticks (USER_HZ, 100 on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * One autocannon run against POST /v1/events.
 * @param {{ url: string, rate?: number, connections: number, seconds: number, batch: number, origin?: string }} options
 */
export async function fire(options) {
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  const statusCounts = {};
  /** One failed answer, so the report can say why requests failed. */
  let firstFailure = null;
  const headers = { 'content-type': 'application/json' };
  if (options.origin) headers['origin'] = options.origin;
  const instance = autocannon({
    url: `${options.url}/v1/events`,
    method: 'POST',
    headers,
    connections: options.connections,
    ...(options.rate ? { overallRate: options.rate } : {}),
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify(Array.from({ length: options.batch }, () => consentEvent())),
        }),
        onResponse: (status, body) => {
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
          if ((status < 200 || status > 299) && !firstFailure)
            firstFailure = { status, body: String(body).slice(0, 300) };
          try {
            const answer = JSON.parse(body);
            accepted += Number(answer.accepted) || 0;
            duplicates += Number(answer.duplicates) || 0;
            rejected += Array.isArray(answer.rejected)
              ? answer.rejected.length
              : Number(answer.rejected) || 0;
          } catch {
            // Not JSON (an error page): counted by its status only.
          }
        },
      },
    ],
  });
  // autocannon stops itself after `duration`; the outer timeout only guards against a hang.
  const result = await withTimeout(
    new Promise((resolve, reject) => {
      instance.once('done', resolve);
      instance.once('error', reject);
    }),
    (options.seconds + 30) * 1000,
    'autocannon',
  ).catch((error) => {
    instance.stop();
    throw error;
  });
  const seconds = result.duration || options.seconds;
  return {
    rate: options.rate ?? null,
    connections: options.connections,
    batch: options.batch,
    seconds: Math.round(seconds * 10) / 10,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / seconds,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
    firstFailure,
    eventsAccepted: accepted,
    eventsPerSecond: accepted / seconds,
    duplicates,
    rejected,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  };
}

/**
 * The receiver on one database: a fixed-rate run (latency at a realistic load) and a saturating
 * run (how many events per second this machine accepts at most).
 * @param {{ root: string, label: string, databaseUrl?: string, rate: number, seconds: number, log: (line: string) => void }} options
 */
export async function benchReceiver(options) {
  const receiver = await startReceiver(options);
  try {
    // A short warm-up: JIT, connection pools and the first migration check are not the steady state.
    await fire({ url: receiver.url, rate: 50, connections: 4, seconds: 2, batch: 1 });
    const measured = async (load) => {
      const cpuBefore = receiver.cpuMs();
      const run = await fire({ url: receiver.url, ...load });
      const cpuMs = receiver.cpuMs() - cpuBefore;
      return { ...run, receiverCpuMs: cpuMs, receiverCpuMsPerEvent: cpuMs / Math.max(1, run.eventsAccepted) };
    };
    const fixed = await measured({ rate: options.rate, connections: 8, seconds: options.seconds, batch: 1 });
    options.log(
      `${options.label}: ${fixed.requestsPerSecond.toFixed(0)} req/s offered ${options.rate}, p99 ${fixed.latencyMs.p99} ms`,
    );
    const saturated = await measured({ connections: 16, seconds: options.seconds, batch: 10 });
    options.log(
      `${options.label}: saturated ${saturated.eventsPerSecond.toFixed(0)} events/s, p99 ${saturated.latencyMs.p99} ms`,
    );
    return { label: options.label, url: receiver.url, fixed, saturated };
  } finally {
    await receiver.stop();
  }
}
