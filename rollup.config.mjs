// One rollup config for every browser build of the repo.
//   rollup -c                          all packages
//   rollup -c --configPackage sdk      one package (what each package's `build` script runs)
//
// Outputs:
//   packages/sdk/dist/            ESM, one file per module so bundlers tree-shake `deepLink` alone
//   packages/sdk/dist/browser/    the SDK as one minified ES module for pages without a bundler
//   packages/widget/dist/         ESM for npm; lit, Floating UI, lean-qr and the SDK stay dependencies
//   packages/widget/dist/cdn/     the script-tag bundle: everything inlined, minified, lazy chunks,
//                                 source maps, and sri.json with an integrity hash per file
import { createHash } from 'node:crypto';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplates } from './scripts/rollup/minify-templates.mjs';

const target = 'es2022';

/** Resolve workspace packages to their TypeScript sources (the `source` export condition). */
const resolveSource = () =>
  nodeResolve({
    exportConditions: ['source', 'browser', 'import', 'default'],
    extensions: ['.ts', '.js', '.mjs'],
  });

const typescript = () => esbuild({ target, tsconfig: 'tsconfig.base.json', minify: false, sourceMap: true });

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/**
 * Writes `sri.json` ({ "<file>": "sha384-…" } for every script-tag file, for the snippet's
 * `integrity`) and `files.json` (which files are render-critical, which load before the first tap,
 * and which lazy).
 */
function subresourceIntegrity() {
  return {
    name: 'subresource-integrity',
    generateBundle(_options, bundle) {
      const hashes = {};
      for (const [fileName, file] of Object.entries(bundle)) {
        if (!fileName.endsWith('.js')) continue;
        const source = file.type === 'chunk' ? file.code : file.source;
        hashes[fileName] = `sha384-${createHash('sha384').update(source).digest('base64')}`;
      }
      this.emitFile({ type: 'asset', fileName: 'sri.json', source: `${JSON.stringify(hashes, null, 2)}\n` });

      // The render-critical set is the entry plus every chunk it imports statically: what a
      // visitor downloads before the buttons can show. `beforeFirstTap` adds what loads after the
      // paint without any interaction (the `after-paint` chunk, the channel icons): what a visitor
      // who never taps downloads. Size budgets and the bench read this (docs/architecture.md#loading).
      const closure = (set, fileName) => {
        if (set.has(fileName)) return;
        set.add(fileName);
        for (const imported of bundle[fileName]?.imports ?? []) closure(set, imported);
      };
      const critical = new Set();
      for (const [fileName, file] of Object.entries(bundle))
        if (file.type === 'chunk' && file.isEntry) closure(critical, fileName);
      const beforeFirstTap = new Set(critical);
      for (const [fileName, file] of Object.entries(bundle))
        if (file.type === 'chunk' && file.name === 'after-paint') closure(beforeFirstTap, fileName);
      const all = Object.keys(bundle).filter((fileName) => fileName.endsWith('.js'));
      const files = {
        critical: [...critical],
        beforeFirstTap: [...beforeFirstTap],
        lazy: all.filter((fileName) => !critical.has(fileName)),
      };
      this.emitFile({ type: 'asset', fileName: 'files.json', source: `${JSON.stringify(files, null, 2)}\n` });
    },
  };
}

const sdk = {
  input: { index: 'packages/sdk/src/index.ts', schema: 'packages/sdk/src/schema.ts' },
  external: isBare,
  plugins: [resolveSource(), typescript()],
  output: {
    dir: 'packages/sdk/dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'packages/sdk/src',
    sourcemap: true,
  },
};

// One self-contained ES module of the SDK for pages without a bundler (and for the browser tests
// of the reporter, which load the built SDK exactly as such a page would).
const sdkBrowser = {
  input: { 'messenger-optin-sdk': 'packages/sdk/src/index.ts' },
  plugins: [resolveSource(), typescript()],
  output: {
    dir: 'packages/sdk/dist/browser',
    format: 'es',
    // One file means one file: the notice locales are inlined instead of split into chunks.
    inlineDynamicImports: true,
    sourcemap: true,
    plugins: [terser({ ecma: 2020, module: true, format: { comments: false } })],
  },
};

const widgetNpm = {
  input: {
    define: 'packages/widget/src/define.ts',
    'messenger-optin': 'packages/widget/src/messenger-optin.ts',
  },
  external: isBare,
  plugins: [resolveSource(), typescript()],
  output: {
    dir: 'packages/widget/dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'packages/widget/src',
    sourcemap: true,
  },
};

/**
 * Terser renames our classes' private members (`_name`: see `privateMembers` below). The names it
 * picks must not be ones that bundled third-party code uses on the same objects: a dialog class in
 * a lazy chunk extends Lit's element, whose minified code in another chunk calls e.g. `this.C(…)`.
 * So every identifier in the bundled node_modules code is reserved. The array is filled while the
 * modules load and read when the chunks are minified, after all of them loaded.
 */
function reserveDependencyNames(reserved) {
  const seen = new Set();
  return {
    name: 'reserve-dependency-names',
    transform(code, id) {
      if (!id.includes('/node_modules/')) return null;
      for (const name of code.match(/[A-Za-z_$][\w$]*/g) ?? []) {
        if (!seen.has(name)) reserved.push(name);
        seen.add(name);
      }
      return null;
    },
  };
}

// Members named `_lowercase…` are private to a class in this repo (TypeScript `private`), so each
// is used in one chunk only and may be renamed per chunk. Lit's own private members are `_$…`.
const dependencyNames = [];
const privateMembers = { regex: /^_[a-z]/, reserved: dependencyNames };

const widgetCdn = {
  input: { 'messenger-optin': 'packages/widget/src/cdn.ts' },
  // The entry file itself holds cdn.ts (no re-exporting facade), so its `import.meta.url` is the
  // script tag's `src`: the auto-mount finds its own tag by it, and first paint is one request less.
  preserveEntrySignatures: 'allow-extension',
  // The SDK declares `"sideEffects": false`, but its sources are resolved through the `source`
  // condition and rollup then treated them as having side effects: two channel modules (with
  // top-level calls) landed in the render-critical entry though only the flow chunk uses them.
  treeshake: { moduleSideEffects: (id) => !id.includes('/packages/sdk/src/') },
  plugins: [
    resolveSource(),
    reserveDependencyNames(dependencyNames),
    typescript(),
    minifyTemplates(),
    subresourceIntegrity(),
  ],
  output: {
    dir: 'packages/widget/dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Maps ship beside each file, but the files do not name them: the seven `sourceMappingURL`
    // comments (hashed names, which gzip cannot shorten) cost every visitor 0.4 kB. DevTools loads a
    // map when asked to (Sources → Add source map) or when the server sends a `SourceMap` header.
    sourcemap: 'hidden',
    plugins: [
      terser({
        ecma: 2020,
        module: true,
        compress: { passes: 2 },
        mangle: { properties: privateMembers },
        format: { comments: false },
      }),
    ],
  },
};

const byPackage = { sdk: [sdk, sdkBrowser], widget: [widgetNpm, widgetCdn] };

export default (args) => {
  const only = args.configPackage;
  delete args.configPackage;
  if (!only) return [sdk, sdkBrowser, widgetNpm, widgetCdn];
  const configs = byPackage[only];
  if (!configs)
    throw new Error(`--configPackage ${only}: expected one of ${Object.keys(byPackage).join(', ')}`);
  return configs;
};
