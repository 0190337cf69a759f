import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './fill.js';

describe('fillPlaceholders', () => {
  it('fills every known placeholder, as often as it occurs', () => {
    expect(fillPlaceholders('{a} and {b}, {a}', { a: 'x', b: 'y' })).toBe('x and y, x');
  });

  it('leaves unknown placeholders visible, so a typo in an override shows', () => {
    expect(fillPlaceholders('Hi {compnay}', { company: 'Firma' })).toBe('Hi {compnay}');
  });

  it('does not look up inherited names', () => {
    expect(fillPlaceholders('{toString} {constructor}', {})).toBe('{toString} {constructor}');
  });

  it('inserts any value verbatim, never filling placeholders inside values', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (first, second) => {
        expect(fillPlaceholders('<{first}|{second}>', { first, second })).toBe(`<${first}|${second}>`);
      }),
    );
    expect(fillPlaceholders('{a}', { a: '{b}', b: 'no' })).toBe('{b}');
    expect(fillPlaceholders('{a}', { a: '$& $1 $$' })).toBe('$& $1 $$');
  });
});
