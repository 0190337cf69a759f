// Size budgets (spec: performance.md), gzip like the peers they are compared with.
// Sizes are deterministic, so the test command gates on them.
import { existsSync, readFileSync } from 'node:fs';

const cdn = 'packages/widget/dist/cdn';
const files = existsSync(`${cdn}/files.json`)
  ? JSON.parse(readFileSync(`${cdn}/files.json`, 'utf8'))
  : { critical: ['messenger-optin.js'], lazy: [] };
const inCdn = (list) => list.map((file) => `${cdn}/${file}`);

export default [
  {
    name: 'sdk: encodeText alone (tree-shaken)',
    path: 'packages/sdk/dist/index.js',
    import: '{ encodeText }',
    gzip: true,
    limit: '2.5 KB',
  },
  {
    name: 'sdk: createConsentReporter alone (tree-shaken)',
    path: 'packages/sdk/dist/index.js',
    import: '{ createConsentReporter }',
    gzip: true,
    limit: '4 KB',
  },
  {
    name: 'widget script tag: render-critical (entry + static imports)',
    path: inCdn(files.critical),
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    limit: '12 KB',
  },
  {
    name: 'widget script tag: everything, with lazy chunks',
    path: inCdn([...files.critical, ...files.lazy]),
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    limit: '30 KB',
  },
];
