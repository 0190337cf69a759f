import { describe, expect, it } from 'vitest';
import { parseAllowedOrigin } from './cors.js';

describe('parseAllowedOrigin', () => {
  it('writes an origin as browsers send it in Origin', () => {
    expect(parseAllowedOrigin('https://Shop.Example/')).toBe('https://shop.example');
    expect(parseAllowedOrigin('https://shop.example:443')).toBe('https://shop.example');
    expect(parseAllowedOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(parseAllowedOrigin('https://bücher.example')).toBe('https://xn--bcher-kva.example');
    expect(parseAllowedOrigin('*')).toBe('*');
  });

  it.each([
    'shop.example',
    'https://shop.example/news',
    'https://shop.example/?a=1',
    'https://u@shop.example',
    'file:///tmp/x',
    '',
  ])('refuses %j, saying what to write', (value) => {
    expect(() => parseAllowedOrigin(value)).toThrow(
      `--allowed-origin "${value}" is not an origin; write scheme and host (and port), e.g. https://shop.example`,
    );
  });
});
