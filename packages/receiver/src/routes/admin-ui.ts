import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import type { ReceiverEnv } from './env.js';

/** The page's files ship beside src/ and dist/ (package folder admin/), plain ES module and CSS. */
const folder = new URL('../../admin/', import.meta.url);

const files: Record<string, { name: string; type: string }> = {
  '/admin': { name: 'index.html', type: 'text/html; charset=utf-8' },
  '/admin/': { name: 'index.html', type: 'text/html; charset=utf-8' },
  '/admin/admin.js': { name: 'admin.js', type: 'text/javascript; charset=utf-8' },
  '/admin/admin.css': { name: 'admin.css', type: 'text/css; charset=utf-8' },
  // Its own icon, so the browser does not ask for /favicon.ico (a 404 in every console session).
  '/admin/favicon.svg': { name: 'favicon.svg', type: 'image/svg+xml' },
};

/**
 * Only this origin's own files and API: no inline script or style, no third party, not framable.
 * The admin token lives in the page's memory and travels in the Authorization header only.
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** GET /admin: the site owner's console page (docs/console.md#admin). */
export function adminUiRoutes(): Hono<ReceiverEnv> {
  const app = new Hono<ReceiverEnv>();
  const cache = new Map<string, string>();
  for (const [path, file] of Object.entries(files)) {
    app.get(path, async (c) => {
      let body = cache.get(file.name);
      if (body === undefined) {
        body = await readFile(new URL(file.name, folder), 'utf8');
        cache.set(file.name, body);
      }
      return c.body(body, 200, {
        'Content-Type': file.type,
        'Content-Security-Policy': ADMIN_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
    });
  }
  return app;
}
