import { describe, expect, it } from 'vitest';
import { checkBearer } from './auth.js';

describe('checkBearer', () => {
  it.each([
    [undefined, 'secret', 'missing'],
    ['', 'secret', 'missing'],
    ['Basic c2VjcmV0', 'secret', 'missing'],
    ['Bearer secret', 'secret', 'ok'],
    ['bearer secret', 'secret', 'ok'],
    ['Bearer secre', 'secret', 'wrong'],
    ['Bearer secret2', 'secret', 'wrong'],
    ['Bearer secret', undefined, 'wrong'],
  ] as const)('%j against %j is %s', (header, expected, result) => {
    expect(checkBearer(header, expected)).toBe(result);
  });
});
