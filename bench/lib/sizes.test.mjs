import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compressedSizes, reachableFiles } from './sizes.mjs';

describe('compressedSizes', () => {
  it('counts raw bytes (not characters) and compresses repetitive text far below them', () => {
    const sizes = compressedSizes('Datenschutzerklärung '.repeat(200));
    assert.equal(sizes.raw, 22 * 200);
    assert.ok(sizes.gzip < 200, `gzip ${sizes.gzip}`);
    assert.ok(sizes.brotli < sizes.gzip, `brotli ${sizes.brotli} vs gzip ${sizes.gzip}`);
  });
});

describe('reachableFiles', () => {
  const files = {
    '/d/index.js': `import{a}from"./a.js";export{b}from './sub/b.js';const l=()=>import("./lazy-X1.js");`,
    '/d/a.js': 'export const a=1;',
    '/d/sub/b.js': `import "../a.js"; export const b = 2;`,
    '/d/lazy-X1.js': 'export default 1;',
    '/d/lazy-OLD.js': 'export default 0;',
  };
  const read = (path) => {
    const code = files[path];
    if (code === undefined) throw new Error(`ENOENT ${path}`);
    return code;
  };

  it('follows static, re-export, side-effect and dynamic imports', () => {
    assert.deepEqual([...reachableFiles(['/d/index.js'], read)].sort(), [
      '/d/a.js',
      '/d/index.js',
      '/d/lazy-X1.js',
      '/d/sub/b.js',
    ]);
  });

  it('leaves out chunks of earlier builds that nothing imports', () => {
    assert.ok(!reachableFiles(['/d/index.js'], read).has('/d/lazy-OLD.js'));
  });

  it('ignores bare imports (dependencies are bundled or external, not files here)', () => {
    const only = reachableFiles(['/x.js'], () => `import{html}from"lit";import("zod/mini")`);
    assert.deepEqual([...only], ['/x.js']);
  });
});
