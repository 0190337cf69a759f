import { describe, expect, it } from 'vitest';
import { uuid } from './uuid.js';

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuid', () => {
  it('uses randomUUID where it exists', () => {
    expect(
      uuid({ randomUUID: () => '11111111-1111-4111-8111-111111111111', getRandomValues: (a) => a }),
    ).toBe('11111111-1111-4111-8111-111111111111');
  });

  it('falls back to getRandomValues outside secure contexts', () => {
    const ids = new Set(
      Array.from({ length: 200 }, () =>
        uuid({ getRandomValues: (array) => globalThis.crypto.getRandomValues(array) }),
      ),
    );
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(v4);
  });

  it('falls back when randomUUID throws', () => {
    const id = uuid({
      randomUUID: () => {
        throw new Error('insecure');
      },
      getRandomValues: (array) => array,
    });
    expect(id).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('builds a v4 UUID whatever getRandomValues gives', () => {
    const ones = { getRandomValues: (bytes: Uint8Array) => bytes.fill(0xff) } as unknown as Crypto;
    expect(uuid(ones)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
