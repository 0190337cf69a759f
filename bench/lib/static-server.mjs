// A tiny static file server for the bench pages, on 127.0.0.1 and a random port. It serves only the
// mounted folders (built bundles and the bench pages), uncompressed and uncached, so every page
// under test is delivered the same way and each fresh browser context downloads the script again.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Maps a URL path onto a file inside one of the mounts, or null (traversal, unknown prefix).
 * @param {Record<string, string>} mounts URL prefix ("/widget/") → folder
 * @param {string} urlPath decoded pathname
 */
export function resolveMounted(mounts, urlPath) {
  for (const [prefix, folder] of Object.entries(mounts)) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = normalize(join(folder, urlPath.slice(prefix.length)));
    if (file !== folder && !file.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return null;
    return file;
  }
  return null;
}

/**
 * @param {Record<string, string>} mounts URL prefix → absolute folder
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function startStaticServer(mounts) {
  const server = createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = resolveMounted(mounts, pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  // Keep-alive sockets would hold close() open until Chromium lets go of them.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
