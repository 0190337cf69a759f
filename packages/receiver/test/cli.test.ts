import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

describe('messenger-optin-receiver start', () => {
  it('refuses an --allowed-origin that is not an origin before it opens anything', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        'start',
        '--allowed-origin',
        'https://shop.example/news',
        '--data-dir',
        '/nonexistent/never',
      ],
      { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '--allowed-origin \\"https://shop.example/news\\" is not an origin; write scheme and host (and port), e.g. https://shop.example',
    );
  }, 150_000);
});

describe('messenger-optin-receiver secrets', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('refuses an admin token on the command line, where ps shows it', () => {
    const started = run('start', '--admin-token', 'x'.repeat(40), '--data-dir', '/nonexistent/never');
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('--admin-token is not taken on the command line');
  }, 150_000);

  it('refuses a rate limit that blocks everyone or never refills', () => {
    for (const [value, message] of [
      ['0/2', 'the burst must be a whole number of at least 1, got 0'],
      ['1/0', 'the refill per second must be above 0, got 0'],
    ] as const) {
      const started = run('start', '--rate-limit', value, '--data-dir', '/nonexistent/never');
      expect(started.status).toBe(1);
      expect(started.stderr).toContain(message);
    }
  }, 150_000);

  it('refuses an INBOUND_TOKEN shorter than 32 bytes before it opens anything', () => {
    const started = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, 'start', '--data-dir', '/nonexistent/never'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, INBOUND_TOKEN: 'short-bridge-token', RECEIVER_HASH_KEY: 'k'.repeat(32) },
      },
    );
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('INBOUND_TOKEN is shorter than 32 bytes (it has 18)');
  }, 150_000);

  it('makes a signing key whose seed reads back as the same key', () => {
    const made = run('keygen');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^RECEIVER_SIGNING_KEY=[A-Za-z0-9_-]{43}\n/);
    expect(made.stdout).toContain('-----BEGIN PUBLIC KEY-----');
  }, 150_000);
});

describe('messenger-optin-receiver start on PGlite', () => {
  it('says in one line that PGlite does not fsync and production needs PostgreSQL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'receiver-cli-test-'));
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, 'start', '--port', '0', '--data-dir', dataDir],
      {
        cwd: repoRoot,
        env,
      },
    );
    try {
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          // said before the database opens, so the test need not wait for PGlite
          if (stderr.includes('fsync')) resolve();
        });
        child.once('exit', () => reject(new Error(`exited without the line: ${stderr}`)));
      });
      const lines = stderr
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: string; msg: string });
      expect(lines.filter((line) => /fsync/.test(line.msg))).toEqual([
        {
          time: expect.any(String),
          level: 'warn',
          msg: 'PGlite does not fsync: an OS crash or power loss can lose the last acknowledged events; use PostgreSQL (DATABASE_URL) in production',
        },
      ]);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
