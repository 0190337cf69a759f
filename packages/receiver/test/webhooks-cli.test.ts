import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function run(args: string[]) {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('messenger-optin-receiver webhooks', () => {
  it('adds an endpoint with a whsec_ secret and lists it without the secret', { timeout: 180_000 }, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'receiver-webhooks-cli-'));
    // A migrated database to start from: a fresh initdb per process would dominate the test.
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    try {
      const added = run([
        'webhooks',
        'add',
        'https://crm.example/hooks/optin',
        '--event',
        'subscriber.confirmed',
        '--data-dir',
        dataDir,
      ]);
      expect(added.status, added.stderr).toBe(0);
      const endpoint = JSON.parse(added.stdout.slice(0, added.stdout.lastIndexOf('}') + 1)) as Record<
        string,
        unknown
      >;
      expect(endpoint).toMatchObject({
        url: 'https://crm.example/hooks/optin',
        events: ['subscriber.confirmed'],
        includeAddress: false,
      });
      expect(endpoint['secret']).toMatch(/^whsec_/);

      const listed = run(['webhooks', 'list', '--data-dir', dataDir]);
      expect(listed.status).toBe(0);
      expect(JSON.parse(listed.stdout)).toMatchObject([{ id: endpoint['id'] }]);
      expect(listed.stdout).not.toContain(endpoint['secret'] as string);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
