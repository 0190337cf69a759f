// Size of every shipped file, compressed the way servers and CDNs send it. Sizes are deterministic,
// so unlike the timings these numbers are comparable across machines.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Budgets from docs/architecture.md#sizes (gzip, 1 KB = 1000 bytes like size-limit). */
export const budgets = {
  critical: 12_000,
  beforeFirstTap: 16_000,
  everything: 30_000,
  deepLink: 2_500,
  createConsentReporter: 4_000,
};

/**
 * Raw, gzip level 9 and brotli at maximum quality: what a well-configured server sends.
 * @param {Buffer | string} content
 */
export function compressedSizes(content) {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

/**
 * @param {string} dir
 * @returns {string[]} every `.js` file below dir (source maps and types are not downloaded)
 */
function listJs(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...listJs(path));
    else if (entry.endsWith('.js')) found.push(path);
  }
  return found.sort();
}

/** Relative module specifiers in built ES modules: static, re-export, side-effect and dynamic. */
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)(["'`])(\.{1,2}\/[^"'`]+)\1/g;

/**
 * Every file reachable from `entries` through relative imports (static and dynamic): the files a
 * build actually ships, as opposed to leftovers of earlier builds in the same folder.
 * @param {string[]} entries absolute paths
 * @param {(path: string) => string} [read]
 * @returns {Set<string>}
 */
export function reachableFiles(entries, read = (path) => readFileSync(path, 'utf8')) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    let code;
    try {
      code = read(file);
    } catch {
      continue;
    }
    for (const match of code.matchAll(specifierPattern)) {
      const target = join(dirname(file), match[2] ?? '');
      if (target.endsWith('.js')) queue.push(target);
    }
  }
  return seen;
}

/** The SDK's published entry files (package.json exports) and its one-file browser bundle. */
function sdkEntries(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8'));
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') {
      if (value.endsWith('.js') && value.startsWith('./dist/'))
        targets.push(join(root, 'packages/sdk', value));
    } else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.exports);
  targets.push(join(root, 'packages/sdk/dist/browser/messenger-optin-sdk.js'));
  return targets;
}

/** @param {Array<{ raw: number, gzip: number, brotli: number }>} rows */
function sum(rows) {
  return rows.reduce(
    (total, row) => ({
      raw: total.raw + row.raw,
      gzip: total.gzip + row.gzip,
      brotli: total.brotli + row.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** What size-limit subtracts for the importing entry (its ESBUILD_EMPTY_PROJECT_IMPORT_* constants). */
const emptyImport = { gzip: 46, brotli: 30 };

/**
 * One named export of the SDK bundled alone, minified, with its dependencies: what an app that
 * imports only that function ships. Measured the way size-limit measures its `import` checks, so
 * the bench and the gate report the same size for one budget: an entry that imports the function
 * and uses it, esbuild's default iife output, minus what that entry costs with nothing imported
 * (size-limit's constant for it: 46 B gzip, 30 B brotli, 0 raw as the wrapper is kept).
 * @param {string} root repo root
 * @param {string} name
 */
async function treeShaken(root, name) {
  const entry = join(root, 'packages/sdk/dist/index.js');
  if (!existsSync(entry)) return { error: 'packages/sdk/dist/index.js not built' };
  try {
    const result = await build({
      stdin: {
        contents: `import { ${name} } from './dist/index.js';\nconsole.log(${name});`,
        resolveDir: join(root, 'packages/sdk'),
      },
      bundle: true,
      minify: true,
      treeShaking: true,
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const sizes = compressedSizes(Buffer.from(code));
    return { ...sizes, gzip: sizes.gzip - emptyImport.gzip, brotli: sizes.brotli - emptyImport.brotli };
  } catch (error) {
    // esbuild puts the reason ("No matching export …") in `errors`, not in the message.
    const message = error?.errors?.[0]?.text ?? (error instanceof Error ? error.message : String(error));
    return { error: `not exported yet (${message})` };
  }
}

/**
 * @param {string} root repo root
 * @param {{ baselinePath?: string }} [options] the bench's one-Lit-element page script, for the floor
 */
export async function measureSizes(root, options = {}) {
  const cdn = join(root, 'packages/widget/dist/cdn');
  const filesJsonPath = join(cdn, 'files.json');
  /** @type {{ critical: string[], beforeFirstTap?: string[], lazy: string[] }} */
  const split = existsSync(filesJsonPath)
    ? JSON.parse(readFileSync(filesJsonPath, 'utf8'))
    : { critical: ['messenger-optin.js'], lazy: [] };
  // The build does not empty dist/cdn, so chunks of earlier builds (other hashes) lie beside the
  // current ones; files.json names what this build ships.
  const shipped = new Set([...split.critical, ...split.lazy].map((name) => join(cdn, name)));
  const cdnFiles = listJs(cdn);
  const stale = cdnFiles.filter((path) => !shipped.has(path)).map((path) => relative(root, path));

  // The SDK has no files.json: what its entries reach through imports is what it ships.
  const sdkDist = join(root, 'packages/sdk/dist');
  const sdkFiles = listJs(sdkDist);
  const sdkShipped = reachableFiles(sdkEntries(root).filter((path) => existsSync(path)));
  stale.push(...sdkFiles.filter((path) => !sdkShipped.has(path)).map((path) => relative(root, path)));

  const files = [
    ...sdkFiles.filter((path) => sdkShipped.has(path)),
    ...cdnFiles.filter((path) => shipped.has(path)),
  ].map((path) => ({
    file: relative(root, path),
    ...(split.critical.some((name) => join(cdn, name) === path) ? { critical: true } : {}),
    ...compressedSizes(readFileSync(path)),
  }));
  const pick = (list) =>
    list.map((name) => files.find((row) => row.file === relative(root, join(cdn, name)))).filter(Boolean);
  const critical = sum(pick(split.critical));
  const beforeFirstTap = split.beforeFirstTap ?? split.critical;
  const untapped = sum(pick(beforeFirstTap));
  const everything = sum(pick([...split.critical, ...split.lazy]));
  // A visitor who taps on an https page in one language: every file but the other locale's notice
  // texts and the SHA-256 fallback for plain-http pages (the QR code and the reporter included).
  const flowFiles = [...split.critical, ...split.lazy].filter(
    (name) => !/(^|\/)(en|sha256-fallback)-[^/]*\.js$/.test(name),
  );
  const flow = sum(pick(flowFiles));

  const groups = [
    {
      name: 'script tag: render-critical',
      files: split.critical.length,
      ...critical,
      budget: budgets.critical,
    },
    {
      name: 'script tag: before the first tap',
      files: beforeFirstTap.length,
      ...untapped,
      budget: budgets.beforeFirstTap,
    },
    {
      name: 'script tag: the whole flow (one language, https)',
      files: flowFiles.length,
      ...flow,
    },
    {
      name: 'script tag: everything (with lazy chunks)',
      files: split.critical.length + split.lazy.length,
      ...everything,
      budget: budgets.everything,
    },
    {
      name: 'sdk: deepLink alone (tree-shaken)',
      ...(await treeShaken(root, 'deepLink')),
      budget: budgets.deepLink,
    },
    {
      name: 'sdk: createConsentReporter alone (tree-shaken)',
      ...(await treeShaken(root, 'createConsentReporter')),
      budget: budgets.createConsentReporter,
    },
  ];
  if (options.baselinePath && existsSync(options.baselinePath)) {
    groups.push({
      name: 'floor: one minimal Lit element (bench baseline)',
      ...compressedSizes(readFileSync(options.baselinePath)),
    });
  }
  return { files, split, stale, groups };
}
