// Console answer times with 1,000,000 stored events on PostgreSQL (docs/console.md: goal < 200 ms for
// the funnel and a subscriber page). Bounded: one private PostgreSQL server, rows written in SQL
// (through the same trigger as real appends, which keeps consent_states and the console_daily
// rollup), then each query timed 7 times; prints the medians, and the scan's times beside the
// rollup's where the rollup answers.
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
  // A reference code per consent_given (personal_data), for the code search.
  await db.query(
    `INSERT INTO personal_data (entry_id, consent_id, salt, message, ref)
     SELECT entry_id, consent_id, 'x', NULL, upper(substr(md5(consent_id::text), 1, 6))
     FROM entries WHERE type = 'consent_given'`,
  );
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
  const month = { ...all, channel: 'telegram', from: new Date('2026-10-01'), to: new Date('2026-10-31') };
  for (const rollup of [true, false]) {
    const how = rollup ? 'rollup' : 'scan';
    await time(`GET /v1/stats (all time) [${how}]`, () => readStats(db, all, { rollup }));
    await time(`GET /v1/stats (one channel, 30 days) [${how}]`, () => readStats(db, month, { rollup }));
    await time(`GET /v1/stats/series (all, by day) [${how}]`, () => readSeries(db, all, 'day', { rollup }));
  }
  const page = (query: Record<string, string>, rollup = true) => {
    const parsed = parseListQuery(query);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return listSubscribers(db, parsed.value, { rollup });
  };
  await time('subscriber list, first page with total [rollup]', () => page({}));
  await time('subscriber list, first page with total [scan]', () => page({}, false));
  await time('subscriber list, confirmed on whatsapp [rollup]', () =>
    page({ channel: 'whatsapp', state: 'confirmed' }),
  );
  const { rows: sample } = await db.query<{ ref: string }>(
    `SELECT ref FROM personal_data WHERE ref IS NOT NULL ORDER BY entry_id LIMIT 1`,
  );
  await time('subscriber list, code search', () => page({ ref: sample[0]?.ref ?? 'K7Q2X9' }));
  const { rows: load } = await db.query<{ n: string }>('SELECT count(*) AS n FROM console_daily');
  console.log(`console_daily rows: ${load[0]?.n}`);
  await store.close();
} finally {
  await server.stop();
}
