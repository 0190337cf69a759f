// Several receiver processes on one PostgreSQL (docs/receiver-security.md#concurrency: the per-site
// row lock is the only coordination). For 1, 2 and 4 processes: a fresh database, the same fixed
// number of requests (autocannon `amount`, so every request is answered and the database can be
// counted exactly) spread over the processes, then every accepted event counted in the database
// once, `verify` green, and a wire-duplicate round (each batch sent twice, to two processes at once
// when there are two) stored once. Prints one JSON line per process count and a Markdown table.
//   node --import tsx packages/receiver/bench/scale.ts [--requests 2000] [--connections 8] [--processes 1,2,4]
// `--sites per-process` gives each process its own site (Origin), as several shops on one receiver
// database: their chains do not share a lock. Default: one site for all, the worst case.
// `--trigger 003` first puts back the console trigger of 003_console.sql (no daily rollup), to
// measure what the rollup costs per event.
// Starts a private PostgreSQL (Debian's binaries, fsync on) unless DATABASE_URL names a server to
// create databases on. Bounded: requests × process counts, and a 900 s timeout per run of the script
// when started as documented.
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openStore } from '../src/store/open.js';
import { startTempPostgres } from '../test/postgres-server.js';
import { cpuSeconds, makeBatch, runLoad, startReceiverProcess } from './load.mjs';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    trigger: { type: 'string' },
    sites: { type: 'string', default: 'one' },
    connections: { type: 'string', default: '8' },
    batch: { type: 'string', default: '5' },
    processes: { type: 'string', default: '1,2,4' },
    duplicates: { type: 'string', default: '200' },
  },
});
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);
const BATCH = Number(values.batch);
const DUPLICATE_BATCHES = Number(values.duplicates);
const ORIGIN = 'https://bench.example';
const PER_PROCESS = values.sites === 'per-process';
/** The site process `index` takes events for. */
const originOf = (index: number) => (PER_PROCESS ? `https://bench${index}.example` : ORIGIN);

/** user + system CPU seconds of a /proc/<pid>/stat line, with reaped children's when asked. */
function statCpu(stat: string, withChildren: boolean): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (withChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
}

/**
 * CPU seconds of the PostgreSQL server listening on `port`: the postmaster with its reaped children,
 * plus the backends alive now. Linux only; undefined elsewhere.
 */
function postgresCpuSeconds(port: string): number | undefined {
  try {
    const processes = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
          return [{ pid, ppid, stat, cmdline }];
        } catch {
          return [];
        }
      });
    const master = processes.find(
      (item) => item.cmdline[0]?.endsWith('postgres') && item.cmdline.join(' ').includes(`-p ${port}`),
    );
    if (!master) return undefined;
    return processes
      .filter((item) => item.ppid === master.pid)
      .reduce((sum, item) => sum + statCpu(item.stat, false), statCpu(master.stat, true));
  } catch {
    return undefined;
  }
}

async function createDatabase(serverUrl: string): Promise<string> {
  const name = `scale_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Each batch sent twice at once, to two different processes when there are two (with a site per
 * process: twice to the same one, the only one that takes its site).
 */
async function wireDuplicates(urls: string[]) {
  let accepted = 0;
  let duplicates = 0;
  const post = async (url: string, body: string, origin: string) => {
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin },
      body,
    });
    if (response.status !== 200)
      throw new Error(`duplicate round: ${response.status} ${await response.text()}`);
    const answer = (await response.json()) as { accepted: number; duplicates: number };
    accepted += answer.accepted;
    duplicates += answer.duplicates;
  };
  for (let index = 0; index < DUPLICATE_BATCHES; index++) {
    const target = index % urls.length;
    const origin = originOf(target);
    const body = JSON.stringify(makeBatch(BATCH, origin));
    const first = urls[target] as string;
    const second = PER_PROCESS ? first : (urls[(index + 1) % urls.length] as string);
    await Promise.all([post(first, body, origin), post(second, body, origin)]);
  }
  return { sent: 2 * DUPLICATE_BATCHES * BATCH, accepted, duplicates };
}

/** The console trigger function as 003_console.sql defined it, before the daily rollup. */
function trigger003(): string {
  const sql = readFileSync(
    fileURLToPath(new URL('../src/store/migrations/003_console.sql', import.meta.url)),
    'utf8',
  );
  const start = sql.indexOf('CREATE FUNCTION console_track_entries()');
  const end = sql.indexOf('CREATE TRIGGER console_track_entries');
  return `CREATE OR REPLACE${sql.slice(start + 'CREATE'.length, end)}`;
}

async function measure(serverUrl: string, processCount: number) {
  const databaseUrl = await createDatabase(serverUrl);
  const port = new URL(serverUrl).port;
  // One at a time: the first migrates, the others find it done (the migration lock makes either safe).
  const receivers = [];
  for (let index = 0; index < processCount; index++)
    receivers.push(await startReceiverProcess({ databaseUrl, origin: originOf(index) }));
  try {
    const urls = receivers.map((receiver) => receiver.url);
    const perProcess = Math.max(1, Math.round(CONNECTIONS / processCount));
    const spread = (requests: number) =>
      Promise.all(
        urls.map((url, index) =>
          runLoad({
            url,
            origin: originOf(index),
            amount: Math.ceil(requests / processCount),
            connections: perProcess,
            batchSize: BATCH,
          }),
        ),
      );
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    if (values.trigger === '003') await client.query(trigger003());
    await spread(200); // warm-up: JIT, pools, first pages
    const count = async () => Number((await client.query('SELECT count(*) AS n FROM entries')).rows[0].n);
    const storedBefore = await count();
    const cpuBefore = receivers.map((receiver) => cpuSeconds(receiver.pid) ?? Number.NaN);
    const pgBefore = postgresCpuSeconds(port) ?? Number.NaN;
    const started = performance.now();
    const results = await spread(REQUESTS);
    const seconds = (performance.now() - started) / 1000;
    const receiverCpu = receivers.reduce(
      (sum, receiver, index) => sum + ((cpuSeconds(receiver.pid) ?? Number.NaN) - (cpuBefore[index] ?? 0)),
      0,
    );
    const postgresCpu = (postgresCpuSeconds(port) ?? Number.NaN) - pgBefore;
    const stored = (await count()) - storedBefore;
    const accepted = results.reduce((sum, result) => sum + result.accepted, 0);
    const wire = await wireDuplicates(urls);
    const storedAfterDuplicates = (await count()) - storedBefore - stored;
    await client.end();
    const store = await openStore({ databaseUrl });
    const report = await store.verify();
    await store.close();
    const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
    return {
      processes: processCount,
      connections: perProcess * processCount,
      trigger: values.trigger === '003' ? '003 (no rollup)' : 'current',
      sites: PER_PROCESS ? processCount : 1,
      durationSeconds: round(seconds, 1),
      accepted,
      storedOnce: stored === accepted,
      non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
      errors: results.reduce((sum, result) => sum + result.errors, 0),
      eventsPerSecond: round(accepted / seconds),
      p99Ms: Math.max(...results.map((result) => result.latencyMs.p99)),
      receiverCpuSeconds: round(receiverCpu, 2),
      postgresCpuSeconds: round(postgresCpu, 2),
      receiverCpuMsPerEvent: round((receiverCpu * 1000) / accepted, 3),
      postgresCpuMsPerEvent: round((postgresCpu * 1000) / accepted, 3),
      wireDuplicates: {
        ...wire,
        stored: storedAfterDuplicates,
        storedOnce: storedAfterDuplicates === wire.sent / 2,
      },
      verified: report.ok,
      entriesVerified: report.sites.reduce((sum, site) => sum + site.entries, 0),
    };
  } finally {
    await Promise.all(receivers.map((receiver) => receiver.stop()));
  }
}

const external = process.env['DATABASE_URL'];
const server = external
  ? { url: external, stop: async () => {} }
  : await startTempPostgres({ durable: true });
if ('skipReason' in server) {
  console.log(JSON.stringify({ skipped: server.skipReason }));
  process.exit(0);
}
const rows = [];
try {
  for (const count of values.processes.split(',').map(Number)) {
    const row = await measure(server.url, count);
    console.log(JSON.stringify(row));
    rows.push(row);
  }
} finally {
  await server.stop();
}
console.log(
  '\n| processes | events/s | p99 ms | receiver CPU ms/event | PostgreSQL CPU ms/event | stored once | wire duplicates stored once | verify |',
);
console.log('| --: | --: | --: | --: | --: | --: | :-: | :-: | :-: |');
for (const row of rows)
  console.log(
    `| ${row.processes} | ${row.sites} | ${row.eventsPerSecond} | ${row.p99Ms} | ${row.receiverCpuMsPerEvent} | ${row.postgresCpuMsPerEvent} | ${row.storedOnce ? 'yes' : 'NO'} | ${row.wireDuplicates.storedOnce ? 'yes' : 'NO'} | ${row.verified ? 'green' : 'BROKEN'} |`,
  );
const failed = rows.some((row) => !row.storedOnce || !row.wireDuplicates.storedOnce || !row.verified);
process.exitCode = failed ? 1 : 0;
