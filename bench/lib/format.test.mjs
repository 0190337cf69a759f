import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kb, spread, table, verdict } from './format.mjs';

describe('table', () => {
  it('pads columns to the widest cell, text left and numbers right', () => {
    assert.equal(
      table(
        ['file', 'gzip'],
        [
          ['a.js', '1.00 kB'],
          ['chunks/b.js', '12.00 kB'],
        ],
      ),
      [
        '| file        |     gzip |',
        '|:------------|---------:|',
        '| a.js        |  1.00 kB |',
        '| chunks/b.js | 12.00 kB |',
      ].join('\n'),
    );
  });
});

describe('units and verdicts', () => {
  it('counts 1 kB as 1000 bytes, like the size budgets', () => {
    assert.equal(kb(12_000), '12.00 kB');
  });

  it('prints median with min and max', () => {
    assert.equal(spread({ median: 12.4, min: 10, max: 15.6 }), '12 (10–16)');
  });

  it('says n/a, not met, when nothing was measured', () => {
    assert.equal(verdict(Number.NaN, 100), 'n/a');
    assert.equal(verdict(100, 100), 'met');
    assert.equal(verdict(101, 100), 'MISSED');
  });
});
