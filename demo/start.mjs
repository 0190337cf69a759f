#!/usr/bin/env node
// Starts the demo: the pages in demo/pages plus the script-tag bundle, and the receiver on its
// embedded database. Prints the URLs. Ctrl+C stops both.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { serve } from '@hono/node-server';
import { createReceiver } from '@messenger-optin/receiver';

const here = new URL('.', import.meta.url).pathname;
const widgetDist = new URL('../packages/widget/dist/cdn/', import.meta.url).pathname;
const port = Number(process.env.DEMO_PORT ?? 5173);
const receiverPort = Number(process.env.RECEIVER_PORT ?? 8787);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.css': 'text/css',
};

function sendFile(response, file) {
  if (!existsSync(file) || statSync(file).isDirectory()) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

const pages = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname.startsWith('/widget/')) {
    const file = normalize(join(widgetDist, pathname.slice('/widget/'.length)));
    return file.startsWith(widgetDist) ? sendFile(response, file) : response.writeHead(403).end();
  }
  const file = normalize(join(here, 'pages', pathname === '/' ? 'index.html' : pathname));
  return file.startsWith(join(here, 'pages')) ? sendFile(response, file) : response.writeHead(403).end();
});

const receiver = serve({ fetch: createReceiver().fetch, port: receiverPort, hostname: '127.0.0.1' });
pages.listen(port, '127.0.0.1', () => {
  console.log(
    `\nmessenger-optin demo\n  shop page:  http://localhost:${port}/\n  receiver:   http://localhost:${receiverPort}/healthz\n`,
  );
});

function stop() {
  pages.close();
  receiver.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
