import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createReceiver } from './app.js';
import { exportChunks } from './export.js';
import { headerClientKey } from './http/client-key.js';
import {
  InboundConfigError,
  flagName,
  inboundVariables,
  readSettings,
  resolveInboundConfig,
} from './inbound/config.js';
import { drainOutbox, startOutboxWorker } from './inbound/outbox.js';
import { inboundRouteVariables } from './inbound/providers.js';
import { InboundStats } from './inbound/stats.js';
import { registerWebhook } from './inbound/webhook-setup.js';
import { SqlStore } from './store/sql-store.js';
import { parseAllowedOrigin } from './http/cors.js';
import { jsonLogger } from './http/logger.js';
import { generateSigningKey, parsePublicKey, parseSigningKey } from './signing.js';
import { type BucketOptions, type RateLimitOptions, checkBucket } from './http/rate-limit.js';
import { startServer } from './server.js';
import { type OpenStoreOptions, openStore } from './store/open.js';
import { retentionFromSettings, runRetention, startRetentionJob } from './retention/retention.js';
import { startWebhookWorker } from './webhooks/deliver.js';
import { WEBHOOKS_USAGE, webhooksCommand } from './webhooks/cli.js';

const USAGE = `messenger-optin-receiver <command> [options]

Commands:
  start    serve POST /v1/events and the admin API
  verify   recompute every site's hash chain and check the archive; exit code 1 if anything is broken
  export   write every stored entry to stdout (--format csv|json|ndjson)
  heads    write every signed chain head to stdout (JSON), for a third party to keep
  keygen   make an Ed25519 signing key: RECEIVER_SIGNING_KEY and the public key for auditors
  outbox drain             send the due inbound replies once (serverless: run it on a schedule)
  webhook telegram|viber   register this receiver's webhook URL with the provider
${WEBHOOKS_USAGE}  retention run            erase what the retention rules say is due now (start also runs it every 6 h):
                           --retention-unconfirmed-days (RETENTION_UNCONFIRMED_DAYS, default 30),
                           --retention-withdrawn-years (RETENTION_WITHDRAWN_YEARS, default 3),
                           --retention-inbound-days (RETENTION_INBOUND_DAYS, default 30)

Options:
  --data-dir <dir>         PGlite data directory (default .data/receiver); DATABASE_URL selects PostgreSQL
  --port <n>               (start) default 8787, 0 for a free port
  --host <addr>            (start) default 127.0.0.1
  --allowed-origin <url>   (start) may be repeated; '*' allows every origin
  --admin-token-file <f>   (start) file holding the admin token (or RECEIVER_ADMIN_TOKEN; at least 32
                           bytes); without one the admin API is off. Never on the command line: ps shows it
  --ingest-token-file <f>  (start) file holding the token of senders without Origin (servers), or
                           RECEIVER_INGEST_TOKEN; with an allowlist they need it
  --rate-limit <n/s|off>   (start) requests per client address: burst/refill per second, e.g. 120/2
                           (default), or off (all three limits)
  --rate-limit-events <n/s>  (start) events per client address, default 1000/20
  --rate-limit-bytes <n/s>   (start) body bytes per client address, default 2097152/65536
  --client-ip-header <h>   (start) behind a proxy: the header with the client's address, e.g.
                           x-forwarded-for (its last address), x-real-ip; default the socket's
  --format <csv|json|ndjson> (export) default json
  --sign-every <seconds>   (start) with RECEIVER_SIGNING_KEY: sign moved chain heads this often, default 300
  --public-key <file>      (verify) Ed25519 public key (PEM) to check the signed heads' signatures with

Environment: DATABASE_URL, RECEIVER_ADMIN_TOKEN, RECEIVER_INGEST_TOKEN, RECEIVER_SIGNING_KEY
(docs/receiver-security.md).

Inbound (messenger webhooks, docs/inbound.md): every variable also as a flag, e.g.
  --telegram-webhook-secret, --receiver-hash-key, --inbound-company (the flag wins over the
  environment; prefer the environment for secrets, flags show in process lists)
`;

/** Every inbound variable as a kebab-case flag (the configuration table is the one list). */
const inboundFlags = Object.fromEntries(
  inboundVariables.map((variable) => [flagName(variable), { type: 'string' as const }]),
);

const routeVariables = inboundRouteVariables;

/** The inbound config, or an exit with the reason when the settings are refused. */
function inboundConfig(flags: Record<string, unknown>) {
  const { config, warnings } = resolveInboundConfig(readSettings(process.env, flags), routeVariables);
  for (const warning of warnings) log({ level: 'warn', msg: warning });
  return config;
}

const log = jsonLogger((line) => process.stderr.write(line));

function storeOptions(dataDir: string | undefined): OpenStoreOptions {
  const databaseUrl = process.env['DATABASE_URL'];
  if (databaseUrl) return { databaseUrl };
  return { dataDir: dataDir ?? '.data/receiver' };
}

function parseBucket(flag: string, value: string): BucketOptions {
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value);
  if (!match) throw new Error(`${flag} must look like 120/2 (burst/refill per second), got ${value}`);
  return checkBucket(flag, { capacity: Number(match[1]), refillPerSecond: Number(match[2]) });
}

function parseRateLimit(values: {
  'rate-limit'?: string | undefined;
  'rate-limit-events'?: string | undefined;
  'rate-limit-bytes'?: string | undefined;
}): RateLimitOptions | false {
  if (values['rate-limit'] === 'off') return false;
  const requests = values['rate-limit'] && parseBucket('--rate-limit', values['rate-limit']);
  const events = values['rate-limit-events'];
  const bytes = values['rate-limit-bytes'];
  return {
    ...(requests || {}),
    ...(events ? { events: parseBucket('--rate-limit-events', events) } : {}),
    ...(bytes ? { bytes: parseBucket('--rate-limit-bytes', bytes) } : {}),
  };
}

/** A secret from its file (trailing newline dropped) or from the environment. */
function readSecret(file: string | undefined, envName: string): string | undefined {
  if (file !== undefined) return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  return process.env[envName] || undefined;
}

function packageVersion(): string {
  const url = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'admin-token': { type: 'string' },
      'admin-token-file': { type: 'string' },
      'ingest-token-file': { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-limit-events': { type: 'string' },
      'rate-limit-bytes': { type: 'string' },
      'client-ip-header': { type: 'string' },
      format: { type: 'string' },
      'sign-every': { type: 'string' },
      'public-key': { type: 'string' },
      event: { type: 'string', multiple: true },
      'include-address': { type: 'boolean' },
      'retention-unconfirmed-days': { type: 'string' },
      'retention-withdrawn-years': { type: 'string' },
      'retention-inbound-days': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...inboundFlags,
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }

  if (command === 'keygen') {
    const { seed, key } = generateSigningKey();
    process.stdout.write(
      `RECEIVER_SIGNING_KEY=${seed}\n\n# The public key (keep it, and give it to whoever checks the signed heads):\n${key.publicKeyPem}`,
    );
    return 0;
  }

  if (command === 'heads') {
    const store = await openStore(storeOptions(values['data-dir']));
    try {
      process.stdout.write(`${JSON.stringify(await store.signedHeads(), null, 2)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  }

  if (command === 'verify') {
    const signingKey = process.env['RECEIVER_SIGNING_KEY'];
    const publicKey = values['public-key']
      ? parsePublicKey(readFileSync(values['public-key'], 'utf8'))
      : signingKey
        ? parseSigningKey(signingKey).publicKey
        : undefined;
    const store = await openStore(storeOptions(values['data-dir']));
    try {
      const report = await store.verify({ publicKey });
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return report.ok ? 0 : 1;
    } finally {
      await store.close();
    }
  }

  if (command === 'export') {
    const format = values.format ?? 'json';
    if (format !== 'csv' && format !== 'json' && format !== 'ndjson')
      throw new Error('--format must be csv, json or ndjson');
    const store = await openStore(storeOptions(values['data-dir']));
    try {
      for await (const chunk of exportChunks(store.exportEntries(), format)) {
        if (!process.stdout.write(chunk))
          await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
      return 0;
    } finally {
      await store.close();
    }
  }

  const retention = () =>
    retentionFromSettings({
      unconfirmedDays: values['retention-unconfirmed-days'] ?? process.env['RETENTION_UNCONFIRMED_DAYS'],
      withdrawnYears: values['retention-withdrawn-years'] ?? process.env['RETENTION_WITHDRAWN_YEARS'],
      inboundDays: values['retention-inbound-days'] ?? process.env['RETENTION_INBOUND_DAYS'],
    });

  if (command === 'retention') {
    if (positionals[1] !== 'run') throw new Error('usage: messenger-optin-receiver retention run');
    const config = retention();
    const store = await openStore(storeOptions(values['data-dir']));
    try {
      const report = await runRetention(store, store.client, { now: new Date(), config, trigger: 'cli' });
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  }

  if (command === 'webhooks') {
    const store = await openStore(storeOptions(values['data-dir']));
    try {
      return await webhooksCommand(store.client, positionals.slice(1), values, (text) =>
        process.stdout.write(text),
      );
    } finally {
      await store.close();
    }
  }

  if (command === 'outbox') {
    if (positionals[1] !== 'drain') throw new Error('usage: messenger-optin-receiver outbox drain');
    const config = inboundConfig(values);
    if (!config) throw new Error('no inbound provider is configured: nothing to send');
    const store = await openStore(storeOptions(values['data-dir']));
    try {
      const report = await drainOutbox({ client: store.client, config, log });
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  }

  if (command === 'webhook') {
    const provider = positionals[1];
    if (provider !== 'telegram' && provider !== 'viber')
      throw new Error('usage: messenger-optin-receiver webhook telegram|viber');
    const result = await registerWebhook(provider, readSettings(process.env, values));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? 0 : 1;
  }

  if (command === 'start') {
    // Refused before the database opens: a half-configured inbound route must not start.
    const inbound = inboundConfig(values);
    // Refused before the database opens too: a typo in a retention period must not start.
    const retentionConfig = retention();
    // Normalised as browsers send Origin (a trailing / or an upper-case host would never match).
    const origins = (values['allowed-origin'] ?? []).map(parseAllowedOrigin);
    if (values['admin-token'] !== undefined)
      throw new Error(
        '--admin-token is not taken on the command line, where ps shows it to every user: set RECEIVER_ADMIN_TOKEN or use --admin-token-file',
      );
    const adminToken = readSecret(values['admin-token-file'], 'RECEIVER_ADMIN_TOKEN');
    const ingestToken = readSecret(values['ingest-token-file'], 'RECEIVER_INGEST_TOKEN');
    const rateLimit = parseRateLimit(values);
    const signingKey = process.env['RECEIVER_SIGNING_KEY']
      ? parseSigningKey(process.env['RECEIVER_SIGNING_KEY'])
      : undefined;
    const signEverySeconds = Number(values['sign-every'] ?? 300);
    if (!(signEverySeconds >= 1))
      throw new Error(`--sign-every must be a number of seconds, got ${values['sign-every']}`);
    const clientIpHeader = values['client-ip-header'];
    const options = storeOptions(values['data-dir']);
    if (!('databaseUrl' in options))
      log({
        level: 'warn',
        msg: 'PGlite does not fsync: an OS crash or power loss can lose the last acknowledged events; use PostgreSQL (DATABASE_URL) in production',
      });
    const store = await openStore(options);
    const retentionJob = startRetentionJob({
      store,
      db: store.client,
      config: retentionConfig,
      onRun: (report) => log({ level: 'info', msg: 'retention run', ...report }),
      onError: (error) =>
        log({
          level: 'error',
          msg: 'retention run failed',
          error: error instanceof Error ? error.name : 'unknown',
        }),
    });
    // CRM webhooks go out from the receiver process; a replay in /admin kicks it at once.
    const webhooks = startWebhookWorker({
      db: store.client,
      onError: (error) =>
        log({
          level: 'error',
          msg: 'webhook delivery failed',
          error: error instanceof Error ? error.name : 'unknown',
        }),
    });
    const inboundStats = new InboundStats();
    const worker =
      inbound && store instanceof SqlStore
        ? startOutboxWorker({ client: store.client, config: inbound, stats: inboundStats, log })
        : undefined;
    const app = createReceiver({
      store,
      onWebhookQueued: () => void webhooks.kick(),
      allowedOrigins: origins.includes('*') ? '*' : origins,
      ...(adminToken ? { adminToken } : {}),
      ...(ingestToken ? { ingestToken } : {}),
      rateLimit,
      ...(clientIpHeader ? { getClientKey: headerClientKey(clientIpHeader) } : {}),
      logger: log,
      version: packageVersion(),
      inbound: {
        config: inbound,
        stats: inboundStats,
        ...(worker ? { onReplyQueued: () => worker.wake() } : {}),
      },
    });
    const server = await startServer({
      app,
      store,
      port: Number(values.port ?? process.env['PORT'] ?? 8787),
      host: values.host ?? process.env['HOST'] ?? '127.0.0.1',
    });
    log({
      level: 'info',
      msg: 'listening',
      url: server.url,
      database: 'databaseUrl' in options ? 'postgresql' : 'pglite',
      allowedOrigins:
        origins.join(' ') ||
        (ingestToken
          ? '(none: only senders with the ingest token)'
          : '(none: open to any sender without Origin)'),
      ingestToken: ingestToken ? 'on' : 'off',
      signedHeads: signingKey ? `every ${signEverySeconds} s, key ${signingKey.keyId}` : 'off',
      admin: adminToken ? 'on' : 'off',
      inbound: inbound
        ? routeVariables.filter((variable) => inbound.settings[variable] !== undefined).join(' ')
        : 'off',
    });
    // Signed heads go to the log too: a copy outside the database, where a rewrite cannot reach.
    const sign = async () => {
      if (!signingKey) return;
      try {
        for (const head of await store.signHeads(signingKey, new Date()))
          log({ level: 'info', msg: 'signed chain head', ...head });
      } catch (error) {
        log({ level: 'error', msg: 'signing chain heads failed', error: (error as Error).name });
      }
    };
    const signer = signingKey ? setInterval(() => void sign(), signEverySeconds * 1000) : undefined;
    signer?.unref();
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        log({ level: 'info', msg: 'shutting down', signal });
        clearInterval(signer);
        void Promise.all([webhooks.stop(), worker?.stop(), retentionJob.stop(), sign()])
          .then(() => server.close())
          .then(resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    log({ level: 'info', msg: 'stopped' });
    return 0;
  }

  process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InboundConfigError) process.stderr.write(`refusing to start: ${error.message}\n`);
    log({ level: 'error', msg: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
  },
);
