// Just enough of the source map format (v3) to say which source file each byte of a bundle came
// from: the bundle breakdown and the CPU profile's attribution (bench/profile.mjs) both read it.

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One segment of `mappings`: base64 VLQ numbers (column, source, line, column, name deltas). */
export function decodeSegment(segment) {
  const numbers = [];
  let value = 0;
  let shift = 0;
  for (const character of segment) {
    const digit = BASE64.indexOf(character);
    if (digit < 0) throw new Error(`source map: ${JSON.stringify(character)} is no base64 digit`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      numbers.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return numbers;
}

/**
 * The mapped segments per generated line: `[{ column, source }]`, sorted by column; `source` is an
 * index into `map.sources`, or -1 for a segment that maps to no source.
 * @param {{ mappings: string }} map
 */
export function segmentsByLine(map) {
  let source = 0;
  return map.mappings.split(';').map((line) => {
    let column = 0;
    const segments = [];
    for (const text of line.split(',')) {
      if (!text) continue;
      const numbers = decodeSegment(text);
      column += numbers[0];
      if (numbers.length > 1) source += numbers[1];
      segments.push({ column, source: numbers.length > 1 ? source : -1 });
    }
    return segments;
  });
}

/**
 * The source of each generated position (0-based line and column, as a V8 CPU profile gives
 * them): `{ source }` of the segment that covers it, or undefined.
 * @param {{ mappings: string }} map
 * @param {Array<[number, number]>} positions
 */
export function originalPositions(map, positions) {
  const lines = (map.__lines ??= segmentsByLine(map));
  return positions.map(([line, column]) => {
    let found;
    for (const segment of lines[line] ?? []) {
      if (segment.column > column) break;
      found = segment;
    }
    return found && found.source >= 0 ? { source: found.source } : undefined;
  });
}

/**
 * Reads `<file>.map` with its `sources` made relative to `root` (the repo), so that a module is
 * named the same from every bundle: `packages/widget/src/…`, `node_modules/…`.
 * @param {string} file the bundle
 * @param {string} root
 */
export function readSourceMap(file, root) {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const base = resolve(dirname(file), map.sourceRoot ?? '');
  map.sources = map.sources.map((source) => relative(root, resolve(base, source)));
  return map;
}
