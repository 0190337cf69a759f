import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type TempPostgres = { url: string; stop(): Promise<void> } | { skipReason: string };

/** The newest /usr/lib/postgresql/<version>/bin, or PG_BIN. */
function findBinaries(): string | undefined {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

/**
 * Starts a private PostgreSQL server for the receiver tests: initdb into a temp dir, TCP on a
 * random 127.0.0.1 port, socket in the same temp dir, fsync off. PostgreSQL refuses to run as
 * root, so under root it runs as the `postgres` user. Without binaries the PostgreSQL tests skip.
 */
/**
 * Starts a private PostgreSQL server: initdb into a temp dir, TCP on a random 127.0.0.1 port,
 * socket in the same temp dir, fsync off unless `durable`. PostgreSQL refuses to run as root, so
 * under root it runs as the `postgres` user. Used by the test setup and the throughput bench.
 */
export async function startTempPostgres(options: { durable?: boolean } = {}): Promise<TempPostgres> {
  const fail = (skipReason: string): TempPostgres => ({ skipReason });
  const bin = findBinaries();
  if (!bin) return fail('no PostgreSQL binaries (looked in /usr/lib/postgresql/*/bin; set PG_BIN)');

  let ids: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    try {
      ids = {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      };
    } catch {
      return fail('running as root and there is no postgres user to run PostgreSQL as');
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'receiver-pg-'));
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, 'data');
  const asOwner = ids ? { uid: ids.uid, gid: ids.gid } : {};
  try {
    execFileSync(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      {
        ...asOwner,
        stdio: 'pipe',
      },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return fail(`initdb failed: ${(error as Error).message}`);
  }

  const port = await freePort();
  const server: ChildProcess = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      // Tests trade durability for speed; the bench keeps PostgreSQL's defaults (fsync on).
      ...(options.durable
        ? []
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    { ...asOwner, stdio: 'ignore' },
  );
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT'); // "fast" shutdown
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline || server.exitCode !== null) {
        await stop();
        return fail(`PostgreSQL did not start: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, stop };
}
