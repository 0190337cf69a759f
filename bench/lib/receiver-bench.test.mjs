import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { consentEvent, fire } from './receiver-bench.mjs';

describe('consentEvent', () => {
  it('makes fresh ids every time, so the receiver never sees a duplicate', () => {
    const a = consentEvent();
    const b = consentEvent();
    assert.notEqual(a.eventId, b.eventId);
    assert.match(a.eventId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(a.occurredAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe('fire', () => {
  it('holds the fixed rate, sends unique events and counts what the server accepted', async () => {
    const seen = new Set();
    let bodies = 0;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        bodies += 1;
        const events = JSON.parse(body);
        for (const event of events) seen.add(event.eventId);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ accepted: events.length, duplicates: 0, rejected: [] }));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await fire({
        url: `http://127.0.0.1:${port}`,
        rate: 40,
        connections: 2,
        seconds: 1,
        batch: 3,
      });
      // 40 requests per second for one second; autocannon's rate timer may give or take a few.
      assert.ok(result.requests >= 30 && result.requests <= 50, `requests: ${result.requests}`);
      // Every event the server saw was new, and each answer's `accepted` was counted; a request
      // still in flight when the time is up reaches the server but its answer is not counted.
      assert.equal(seen.size, bodies * 3);
      assert.equal(result.eventsAccepted, result.statusCounts[200] * 3);
      assert.ok(
        bodies - result.statusCounts[200] <= 2,
        `${bodies} bodies, ${result.statusCounts[200]} answers`,
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
