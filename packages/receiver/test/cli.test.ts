import { spawnSync } from 'node:child_process';
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
      { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      '--allowed-origin \\"https://shop.example/news\\" is not an origin; write scheme and host (and port), e.g. https://shop.example',
    );
  });
});
