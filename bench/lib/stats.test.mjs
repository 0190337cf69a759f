import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairedRatio, quantile, ratio, rotation, summarize } from './stats.mjs';

describe('summarize', () => {
  it('takes the middle value of an odd sample as the median', () => {
    assert.equal(summarize([30, 10, 20]).median, 20);
  });

  it('averages the two middle values of an even sample', () => {
    assert.equal(summarize([4, 1, 3, 2]).median, 2.5);
  });

  it('reports min, max and the interquartile range', () => {
    const summary = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(summary, { n: 9, median: 5, min: 1, max: 9, p25: 3, p75: 7 });
  });

  it('leaves out runs without a value and says so through n', () => {
    const summary = summarize([5, null, Number.NaN, undefined, 7]);
    assert.equal(summary.n, 2);
    assert.equal(summary.median, 6);
  });

  it('gives NaN, not zero, when nothing was measured', () => {
    assert.ok(Number.isNaN(summarize([]).median));
  });
});

describe('quantile', () => {
  it('interpolates between neighbours', () => {
    assert.equal(quantile([0, 10], 0.25), 2.5);
  });
});

describe('ratio', () => {
  it('divides the medians', () => {
    assert.equal(ratio(130, 100), 1.3);
  });

  it('is NaN for a missing or zero baseline', () => {
    assert.ok(Number.isNaN(ratio(10, 0)));
    assert.ok(Number.isNaN(ratio(10, Number.NaN)));
  });
});

describe('rotation', () => {
  it('puts a different page first in each round and keeps every page once', () => {
    const pages = ['baseline', 'inline', 'floating'];
    const firsts = [0, 1, 2].map((round) => rotation(pages, round)[0]);
    assert.deepEqual(firsts, ['baseline', 'inline', 'floating']);
    for (let round = 0; round < 5; round++)
      assert.deepEqual([...rotation(pages, round)].sort(), [...pages].sort());
  });
});

describe('pairedRatio', () => {
  it('divides each round by the baseline of the same round, not median by median', () => {
    // A busy stretch slows the widget's loads of rounds 2–4 and the baseline's of rounds 3–4 (the
    // order within a round rotates): the ratio of the medians (600 / 100) blames the widget for
    // the machine; four of five pairs still say 1.5.
    const baselines = [100, 100, 100, 400, 400].map((value, round) => ({ round, value }));
    const values = [150, 150, 600, 600, 600].map((value, round) => ({ round, value }));
    assert.equal(pairedRatio(values, baselines).median, 1.5);
    assert.equal(pairedRatio(values, baselines).max, 6);
    const median = (list) => summarize(list.map(({ value }) => value)).median;
    assert.equal(ratio(median(values), median(baselines)), 6);
  });

  it('leaves out a round whose other load failed', () => {
    const baselines = [
      { round: 0, value: 100 },
      { round: 2, value: 200 },
    ];
    const values = [0, 1, 2].map((round) => ({ round, value: 300 }));
    const summary = pairedRatio(values, baselines);
    assert.equal(summary.n, 2);
    assert.equal(summary.median, 2.25);
  });
});
