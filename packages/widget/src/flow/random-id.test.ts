import { describe, expect, it } from 'vitest';
import { randomId } from './random-id.js';

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomId', () => {
  it('uses crypto.randomUUID where it exists', () => {
    expect(randomId()).toMatch(v4);
  });

  it('builds a v4 UUID from getRandomValues outside secure contexts', () => {
    const insecure = { getRandomValues: (bytes: Uint8Array) => bytes.fill(0xff) } as unknown as Crypto;
    expect(randomId(insecure)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    const zeros = { getRandomValues: (bytes: Uint8Array) => bytes.fill(0) } as unknown as Crypto;
    expect(randomId(zeros)).toMatch(v4);
  });
});
