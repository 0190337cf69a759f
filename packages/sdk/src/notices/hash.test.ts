import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash.js';
import { sha256HexFallback } from './sha256-fallback.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the UTF-8 bytes of the text', async () => {
    // "ü" is the two bytes c3 bc in UTF-8, not the one Latin-1 byte fc.
    expect(await sha256Hex('ü')).toBe(sha256HexFallback(new Uint8Array([0xc3, 0xbc])));
    expect(await sha256Hex('ü')).not.toBe(sha256HexFallback(new Uint8Array([0xfc])));
  });

  it('falls back to plain JavaScript where WebCrypto is missing (plain-http pages)', async () => {
    expect(await sha256Hex('abc', undefined)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('gives the fallback the same digest as WebCrypto for any text, across block boundaries', async () => {
    for (const length of [55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'a'.repeat(length);
      expect(sha256HexFallback(bytes(text)), `length ${length}`).toBe(await sha256Hex(text));
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        expect(sha256HexFallback(bytes(text))).toBe(await sha256Hex(text));
      }),
      { numRuns: 200 },
    );
  });
});
