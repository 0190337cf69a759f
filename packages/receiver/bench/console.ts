// Console answer times with 1,000,000 stored events on PostgreSQL (docs/console.md: goal < 200 ms for
// the funnel and a subscriber page). Bounded: one private PostgreSQL server, rows written in SQL
// (through the same trigger as real appends), then each query timed 7 times; prints the medians.
//   node --import tsx packages/receiver/bench/console.ts [events]
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { listSubscribers, parseListQuery } from '../src/console/subscribers.js';
import { readSeries, readStats } from '../src/console/stats.js';
import { openStore } from '../src/store/open.js';
import { startTempPostgres } from '../test/postgres-server.js';

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const server = await startTempPostgres();
if (!('url' in server)) {
  console.log(`skipped: ${server.skipReason}`);
  process.exit(0);
}
try {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  const db = store.client;
  const started = performance.now();
  // Consents of 3 to 4 events over 4 channels and 90 days; 1 in 5 confirmed, 1 in 20 of those withdrawn.
  await db.query(`INSERT INTO sites (site, head_seq, head_hash) VALUES ('https://shop.example', 0, '0')`);
  // Confirmations go to 1 in 5 consents, so 1.25 serials per stored entry.
  const serials = Math.round(EVENTS * 1.25);
  const chunk = 100_000;
  for (let offset = 0; offset < serials; offset += chunk) {
    await db.query(
      `INSERT INTO entries (entry_id, site, seq, kind, consent_id, type, channel, received_at, payload, prev_hash, hash)
       SELECT gen_random_uuid(), 'https://shop.example', n, 'event',
         ('00000000-0000-4000-8000-' || lpad(to_hex(n / 4), 12, '0'))::uuid,
         (ARRAY['notice_shown','consent_given','link_opened','confirmation'])[n % 4 + 1],
         (ARRAY['whatsapp','telegram','signal','sms'])[(n / 4) % 4 + 1],
         timestamptz '2026-09-01' + ((n / 4) % 90) * interval '1 day' + (n % 4) * interval '1 minute',
         '{"purpose":"News","notice":{"version":"v1"}}', 'x', 'x'
       FROM generate_series($1::bigint, $2::bigint) AS n
       WHERE n % 4 <> 3 OR (n / 4) % 5 = 0`,
      [offset + 1, Math.min(offset + chunk, serials)],
    );
  }
  await db.query('ANALYZE');
  const { rows } = await db.query<{ entries: string; consents: string }>(
    'SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM consent_states) AS consents',
  );
  console.log(
    `stored ${rows[0]?.entries} entries (${rows[0]?.consents} consents) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );

  const time = async (label: string, run: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let index = 0; index < 7; index++) {
      const at = performance.now();
      await run();
      samples.push(performance.now() - at);
    }
    samples.sort((a, b) => a - b);
    console.log(`${label}: median ${samples[3]?.toFixed(1)} ms, max ${samples[6]?.toFixed(1)} ms`);
  };
  const all = { from: undefined, to: undefined, channel: undefined, site: undefined };
  await time('GET /v1/stats (all time)', () => readStats(db, all));
  await time('GET /v1/stats (one channel, 30 days)', () =>
    readStats(db, { ...all, channel: 'telegram', from: new Date('2026-10-01'), to: new Date('2026-10-31') }),
  );
  await time('GET /v1/stats/series (all)', () => readSeries(db, all, 'day'));
  const page = (query: Record<string, string>) => {
    const parsed = parseListQuery(query);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return listSubscribers(db, parsed.value);
  };
  await time('subscriber list, first page', () => page({}));
  await time('subscriber list, confirmed on whatsapp', () =>
    page({ channel: 'whatsapp', state: 'confirmed' }),
  );
  await store.close();
} finally {
  await server.stop();
}
