import { serve } from '@hono/node-server';
import { createReceiver } from './app.js';

const port = Number(process.env['PORT'] ?? 8787);
const hostname = process.env['HOST'] ?? '127.0.0.1';
const app = createReceiver();
serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(JSON.stringify({ level: 'info', msg: 'listening', url: `http://${hostname}:${info.port}` }));
});
