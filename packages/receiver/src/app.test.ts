import { describe, expect, it } from 'vitest';
import { createReceiver } from './app.js';

describe('GET /healthz', () => {
  it('answers 200 with status ok', async () => {
    const response = await createReceiver({ version: '1.2.3' }).request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: '1.2.3' });
  });
});
