import { generate } from 'lean-qr';
import { describe, expect, it } from 'vitest';
import { qrPath, type QrMatrix } from './qr-path.js';

function matrixOf(rows: string[]): QrMatrix {
  return { size: rows.length, get: (x, y) => rows[y]?.[x] === '#' };
}

/** Reads a path back into the set of dark cells it paints (one rectangle per run). */
function cellsOf(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let dx = 0; dx < Number(width); dx++) cells.add(`${Number(x) + dx},${y}`);
  }
  return cells;
}

describe('qrPath', () => {
  it('draws one rectangle per horizontal run of dark modules', () => {
    expect(qrPath(matrixOf(['##.', '.#.', '###']))).toBe('M0 0h2v1h-2zM1 1h1v1h-1zM0 2h3v1h-3z');
  });

  it('draws nothing for an all-light matrix', () => {
    expect(qrPath(matrixOf(['..', '..']))).toBe('');
  });

  it('paints exactly the dark modules of a real code of a deep link', () => {
    const code = generate('https://wa.me/491701234567?text=Start%20News%20Firma%20K7Q2');
    const dark = new Set<string>();
    for (let y = 0; y < code.size; y++)
      for (let x = 0; x < code.size; x++) if (code.get(x, y)) dark.add(`${x},${y}`);
    expect(dark.size).toBeGreaterThan(100);
    expect(cellsOf(qrPath(code))).toEqual(dark);
  });
});
