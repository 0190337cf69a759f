import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Placeholder in the demo's HTML, replaced by the origin the page was requested on. */
export const ORIGIN_PLACEHOLDER = '__DEMO_ORIGIN__';

/**
 * Finds the file for a URL path below one of the mounts (`{ prefix: '/widget/', dir }`), or
 * undefined. Never leaves a mount's directory: `..` and encoded slashes end in undefined.
 */
export async function resolveFile(mounts, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  for (const { prefix, dir } of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const rest = decoded.slice(prefix.length) || 'index.html';
    const root = normalize(dir.endsWith(sep) ? dir : dir + sep);
    const file = normalize(join(root, rest));
    if (!file.startsWith(root)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
    if (info?.isDirectory()) {
      const index = join(file, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return index;
    }
    return undefined;
  }
  return undefined;
}

/** The body and content type of a file; HTML gets the page's origin filled in. */
export async function readAsset(file, origin) {
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const body = await readFile(file);
  if (extname(file) !== '.html') return { type, body };
  return { type, body: Buffer.from(body.toString('utf8').replaceAll(ORIGIN_PLACEHOLDER, origin)) };
}
