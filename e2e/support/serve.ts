import { startTestServer } from './test-server.js';

const port = Number(process.env['E2E_PORT'] ?? 4173);
await startTestServer(port);
console.log(`e2e server on http://127.0.0.1:${port}`);
