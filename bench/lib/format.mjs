// Plain-text tables for the terminal (and for pasting into the README).

/**
 * @param {string[]} headers
 * @param {Array<Array<string | number>>} rows
 * @param {string} [align] one letter per column, 'l' or 'r' (default: first left, rest right)
 */
export function table(headers, rows, align) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const side = (column) => align?.[column] ?? (column === 0 ? 'l' : 'r');
  const line = (row) =>
    `| ${row
      .map((cell, column) =>
        side(column) === 'l' ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (side(column) === 'l' ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Bytes as kB with 1 kB = 1000 B, the unit of the budgets and of size-limit. */
export function kb(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(2)} kB` : 'n/a';
}

/** A number with fixed decimals, or "n/a" for NaN. */
export function num(value, decimals = 0) {
  return Number.isFinite(value) ? value.toFixed(decimals) : 'n/a';
}

/**
 * "median (min–max)" of a summary from stats.mjs.
 * @param {{ median: number, min: number, max: number }} summary
 */
export function spread(summary, decimals = 0) {
  if (!Number.isFinite(summary.median)) return 'n/a';
  return `${num(summary.median, decimals)} (${num(summary.min, decimals)}–${num(summary.max, decimals)})`;
}

/**
 * "met" / "MISSED" against a goal, "n/a" when there is no measurement.
 * @param {number} value
 * @param {number} limit
 */
export function verdict(value, limit) {
  if (!Number.isFinite(value)) return 'n/a';
  return value <= limit ? 'met' : 'MISSED';
}
