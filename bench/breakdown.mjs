// Prints what a built bundle is made of, per source module and per package, from its source map:
//   node bench/breakdown.mjs [packages/widget/dist/cdn/messenger-optin.js]
// (after a build: npx --yes pnpm@10 run build). See bench/README.md, "What the first paint holds".
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleBreakdown, packageOf } from './lib/bundle-breakdown.mjs';
import { readSourceMap } from './lib/source-map.mjs';

const root = new URL('..', import.meta.url).pathname;
const file = resolve(process.argv[2] ?? join(root, 'packages/widget/dist/cdn/messenger-optin.js'));
const { raw, gzip, modules } = bundleBreakdown(readFileSync(file, 'utf8'), readSourceMap(file, root));
const kB = (bytes) => (bytes / 1000).toFixed(2).padStart(6);
console.log(`${file}: ${kB(raw)} kB raw, ${kB(gzip)} kB gzip -9\n`);
console.log('   raw  gzip (share)  gzip (alone)  module');
for (const row of modules)
  console.log(`${kB(row.raw)}  ${kB(row.gzipShare)}        ${kB(row.gzipAlone)}  ${row.module}`);
const packages = new Map();
for (const row of modules)
  packages.set(packageOf(row.module), (packages.get(packageOf(row.module)) ?? 0) + row.raw);
console.log('\n   raw  gzip (share)  package');
for (const [name, bytes] of [...packages].sort((a, b) => b[1] - a[1]))
  console.log(`${kB(bytes)}  ${kB((bytes / raw) * gzip)}        ${name}`);
