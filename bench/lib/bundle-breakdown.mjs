// What a bundle is made of: its bytes per source module, read from its source map, the way
// source-map-explorer shows it. Used to find what the first paint carries that it does not need
// (bench/README.md, "What the first paint holds").
import { gzipSync } from 'node:zlib';
import { segmentsByLine } from './source-map.mjs';

/**
 * A source map's path as a short module name: `lit-html/lit-html.js` for a package (pnpm's store
 * path left out), `widget/src/messenger-optin.ts` for the repo's own.
 * @param {string} path
 */
export function groupModule(path) {
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (dependency) return `${dependency[1]}/${dependency[2]}`;
  const own = /(?:^|\/)packages\/(.*)$/.exec(path);
  if (own) return own[1];
  return path.replace(/^(\.\.\/)+/, '');
}

/** The package a module belongs to: `lit-html`, `@lit/reactive-element`, `widget`, `sdk`. */
export function packageOf(module) {
  return /^(@[^/]+\/[^/]+|[^/]+)/.exec(module)?.[1] ?? module;
}

/**
 * Bytes of `code` per source module. `gzipShare` splits the whole file's gzip size by raw share
 * (what the module costs inside the bundle); `gzipAlone` is its code gzipped on its own (an upper
 * bound: alone it has nothing to share back-references with).
 * @param {string} code the bundle
 * @param {{ sources: string[], mappings: string }} map its source map
 */
export function bundleBreakdown(code, map) {
  const lines = code.split('\n');
  const text = new Map();
  const add = (module, part) => text.set(module, (text.get(module) ?? '') + part);
  segmentsByLine(map).forEach((segments, index) => {
    const line = lines[index] ?? '';
    if (segments.length && segments[0].column > 0) add('(unmapped)', line.slice(0, segments[0].column));
    segments.forEach(({ column, source }, at) => {
      const until = at + 1 < segments.length ? segments[at + 1].column : line.length;
      add(source < 0 ? '(unmapped)' : groupModule(map.sources[source]), line.slice(column, until));
    });
  });
  const raw = Buffer.byteLength(code);
  const gzip = gzipSync(code, { level: 9 }).length;
  const modules = [...text]
    .map(([module, part]) => {
      const bytes = Buffer.byteLength(part);
      return {
        module,
        raw: bytes,
        gzipShare: (bytes / raw) * gzip,
        gzipAlone: gzipSync(part, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
  return { raw, gzip, modules };
}
