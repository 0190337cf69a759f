import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const pnpm = ['--yes', 'pnpm@10'];

/** Why the Docker build cannot run here, or '' when a daemon answers. */
function dockerSkipReason(): string {
  const info = spawnSync('docker', ['info'], { encoding: 'utf8', timeout: 20_000 });
  if (info.error) return `Docker build test skipped: no docker command (${info.error.message})`;
  if (info.status !== 0)
    return `Docker build test skipped: the Docker daemon does not answer (${info.stderr.trim().split('\n')[0]})`;
  return '';
}

const dockerReason = dockerSkipReason();
if (dockerReason) console.warn(dockerReason);

describe('going live', () => {
  it.skipIf(dockerReason)(
    'builds the Docker image, which runs as a non-root user',
    { timeout: 900_000 },
    () => {
      const tag = `messenger-optin-receiver-test:${process.pid}`;
      execFileSync('docker', ['build', '-f', 'packages/receiver/deploy/Dockerfile', '-t', tag, '.'], {
        cwd: repoRoot,
        stdio: 'inherit',
      });
      const user = execFileSync('docker', ['image', 'inspect', '--format', '{{.Config.User}}', tag], {
        encoding: 'utf8',
      }).trim();
      expect(user).toBe('node');
      execFileSync('docker', ['image', 'rm', tag]);
    },
  );

  it(
    'packs, installs from the tarballs and starts with npx, serving /healthz and /admin',
    { timeout: 900_000 },
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'receiver-pack-'));
      try {
        execFileSync('npx', [...pnpm, '--filter', '@messenger-optin/receiver', 'run', 'build'], {
          cwd: repoRoot,
          stdio: 'ignore',
        });
        for (const name of ['sdk', 'receiver'])
          execFileSync('npx', [...pnpm, 'pack', '--pack-destination', work], {
            cwd: join(repoRoot, 'packages', name),
            stdio: 'ignore',
          });
        const tarballs = readdirSync(work).filter((file) => file.endsWith('.tgz'));
        expect(tarballs).toHaveLength(2);
        const project = join(work, 'site');
        execFileSync('mkdir', ['-p', project]);
        writeFileSync(join(project, 'package.json'), '{"name":"site","private":true}');
        execFileSync(
          'npm',
          [
            'install',
            '--no-audit',
            '--no-fund',
            '--prefer-offline',
            ...tarballs.map((file) => join(work, file)),
          ],
          {
            cwd: project,
            stdio: 'ignore',
          },
        );
        const child = spawn(
          'npx',
          [
            '--no-install',
            'messenger-optin-receiver',
            'start',
            '--port',
            '0',
            '--data-dir',
            join(work, 'data'),
          ],
          {
            cwd: project,
            env: {
              ...process.env,
              DATABASE_URL: '',
              RECEIVER_ADMIN_TOKEN: 'pack-test-token-0123456789abcdef-0123',
            },
          },
        );
        try {
          const url = await new Promise<string>((resolve, reject) => {
            let output = '';
            child.stderr.on('data', (chunk: Buffer) => {
              output += chunk.toString();
              const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
              if (match?.[1]) resolve(match[1]);
            });
            child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
          });
          expect((await fetch(`${url}/healthz`)).status).toBe(200);
          const admin = await fetch(`${url}/admin`);
          expect(admin.status).toBe(200);
          expect(await admin.text()).toContain('Consent console');
        } finally {
          child.kill('SIGTERM');
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  );
});
