// Summaries of repeated timings. Medians and quartiles rather than means: one garbage collection
// or a neighbour's process on a shared 2-core machine would drag a mean far more than a median.

/**
 * Linear-interpolated quantile of sorted values (the "R-7" rule spreadsheets use), so small samples
 * of 9–11 runs still give stable quartiles.
 * @param {number[]} sorted ascending
 * @param {number} q between 0 and 1
 */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
}

/**
 * @typedef {{ n: number, median: number, min: number, max: number, p25: number, p75: number }} Summary
 */

/**
 * Median and spread of the finite values; non-finite ones (a run that never painted) are left out
 * and counted by `n` not matching the number of runs.
 * @param {Array<number | null | undefined>} values
 * @returns {Summary}
 */
export function summarize(values) {
  const sorted = values
    .filter((value) => typeof value === 'number' && Number.isFinite(value))
    .sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
  };
}

/**
 * Ratio of two medians, NaN when either is missing (never Infinity for a zero baseline).
 * @param {number} value
 * @param {number} baseline
 */
export function ratio(value, baseline) {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline <= 0) return Number.NaN;
  return value / baseline;
}

/**
 * The ratios value / baseline of each round, summarized. The pages load alternately, so the two
 * loads of one round met the same moment of a shared machine's load; a ratio of the two medians
 * mixes moments, and one busy stretch moves it by tenths (bench/README.md).
 * @param {Array<{ round: number, value: number }>} values
 * @param {Array<{ round: number, value: number }>} baselines
 * @returns {Summary}
 */
export function pairedRatio(values, baselines) {
  const baselineOf = new Map(baselines.map(({ round, value }) => [round, value]));
  return summarize(values.map(({ round, value }) => ratio(value, baselineOf.get(round) ?? Number.NaN)));
}

/**
 * Page order for round `round`: the list rotated by one per round, so no page is always first after
 * a fresh browser context (first-in-round pays for warming caches) and the pages alternate.
 * @template T
 * @param {T[]} items
 * @param {number} round
 * @returns {T[]}
 */
export function rotation(items, round) {
  if (items.length === 0) return [];
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
