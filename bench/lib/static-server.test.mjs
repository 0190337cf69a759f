import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { resolveMounted, startStaticServer } from './static-server.mjs';

describe('resolveMounted', () => {
  const mounts = { '/pages/': '/srv/pages', '/cdn/': '/srv/cdn' };

  it('maps a prefix onto its folder', () => {
    assert.equal(resolveMounted(mounts, '/cdn/chunks/a.js'), '/srv/cdn/chunks/a.js');
  });

  it('refuses paths that climb out of the folder', () => {
    assert.equal(resolveMounted(mounts, '/cdn/../secret'), null);
    assert.equal(resolveMounted(mounts, '/cdn/../cdn-other/x.js'), null);
  });

  it('refuses unknown prefixes', () => {
    assert.equal(resolveMounted(mounts, '/etc/passwd'), null);
  });
});

describe('startStaticServer', () => {
  const folder = mkdtempSync(join(tmpdir(), 'bench-static-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('serves a mounted file on loopback without caching, and 404 for the rest', async () => {
    writeFileSync(join(folder, 'a.js'), 'export const a = 1;');
    const server = await startStaticServer({ '/x/': folder });
    try {
      assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
      const found = await fetch(`${server.origin}/x/a.js`);
      assert.equal(found.status, 200);
      assert.equal(found.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(found.headers.get('cache-control'), 'no-store');
      assert.equal(await found.text(), 'export const a = 1;');
      assert.equal((await fetch(`${server.origin}/x/missing.js`)).status, 404);
      assert.equal((await fetch(`${server.origin}/y/a.js`)).status, 404);
    } finally {
      await server.close();
    }
  });
});
