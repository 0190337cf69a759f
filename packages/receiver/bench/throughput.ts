// The README's receiver numbers: the same fixed load against PGlite and against PostgreSQL, the
// receiver in a child process, autocannon here, loopback only.
//   node --import tsx packages/receiver/bench/throughput.ts [--duration 10] [--connections 10]
// DATABASE_URL points at an existing PostgreSQL; else a private server is started (fsync on).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startTempPostgres } from '../test/postgres-server.js';
import { cpuSeconds, runLoad, startReceiverProcess } from './load.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    batch: { type: 'string', default: '5' },
    only: { type: 'string' },
  },
});
const load = {
  durationSeconds: Number(values.duration),
  connections: Number(values.connections),
  batchSize: Number(values.batch),
};

async function measure(name: string, target: { dataDir?: string; databaseUrl?: string }) {
  const receiver = await startReceiverProcess(target);
  try {
    // A short warm-up so the first numbers do not include JIT and first-page costs.
    await runLoad({ url: receiver.url, ...load, durationSeconds: 2 });
    const cpuBefore = cpuSeconds(receiver.pid);
    const result = await runLoad({ url: receiver.url, ...load });
    const cpuAfter = cpuSeconds(receiver.pid);
    const receiverCpuSeconds =
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : Math.round((cpuAfter - cpuBefore) * 100) / 100;
    const eventsPerReceiverCpuSecond = receiverCpuSeconds
      ? Math.round(result.accepted / receiverCpuSeconds)
      : undefined;
    console.log(
      JSON.stringify({ database: name, ...result, receiverCpuSeconds, eventsPerReceiverCpuSecond }),
    );
    return result;
  } finally {
    await receiver.stop();
  }
}

if (values.only !== 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'receiver-bench-'));
  try {
    await measure('pglite', { dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (values.only !== 'pglite') {
  if (process.env['DATABASE_URL']) await measure('postgresql', { databaseUrl: process.env['DATABASE_URL'] });
  else {
    const postgres = await startTempPostgres({ durable: true });
    if ('skipReason' in postgres)
      console.log(JSON.stringify({ database: 'postgresql', skipped: postgres.skipReason }));
    else {
      try {
        await measure('postgresql', { databaseUrl: postgres.url });
      } finally {
        await postgres.stop();
      }
    }
  }
}
