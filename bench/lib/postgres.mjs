// A throwaway PostgreSQL server for the receiver bench: initdb in a temp folder, a random port on
// 127.0.0.1, stopped and deleted afterwards (also when the bench is interrupted). Uses the Debian
// server binaries in /usr/lib/postgresql/<version>/bin; as root it runs them as user `postgres`,
// since PostgreSQL refuses to run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The newest installed server's bin folder, or null. */
export function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

/** A port nobody listens on right now (asked from the kernel, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ log: (line: string) => void }} options
 * @returns {Promise<{ url: string, version: string, stop: () => void } | null>} null when no server binaries are installed
 */
export async function startThrowawayPostgres(options) {
  const bin = findPostgresBin();
  if (!bin) return null;
  const asRoot = userInfo().uid === 0;
  const folder = mkdtempSync(join(tmpdir(), 'bench-postgres-'));
  const data = join(folder, 'data');
  if (asRoot)
    chownSync(
      folder,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  const as = (command, args) =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
  const run = (command, args, timeout = 60_000) => {
    const [file, argv] = as(command, args);
    return execFileSync(file, argv, { cwd: folder, timeout, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  };

  const port = await freePort();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const [file, argv] = as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '20', 'stop']);
    spawnSync(file, argv, { cwd: folder, timeout: 30_000, stdio: 'ignore' });
    rmSync(folder, { recursive: true, force: true });
  };
  // An interrupted bench must not leave a server behind.
  process.once('exit', stop);

  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`;
    run(
      'pg_ctl',
      ['-D', data, '-o', serverOptions, '-l', join(folder, 'server.log'), '-w', '-t', '30', 'start'],
      45_000,
    );
    const version = run('postgres', ['--version']).trim();
    options.log(`PostgreSQL started: ${version}, port ${port}`);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
