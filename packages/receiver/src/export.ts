import type { EntryView } from './store/types.js';

export const exportFormats = ['csv', 'json', 'ndjson'] as const;
/** csv: RFC 4180 with a header row; json: one array; ndjson: one JSON object per line. */
export type ExportFormat = (typeof exportFormats)[number];

/** A column of a CSV export: its header and how to read it from a row. */
export type Column<T> = [name: string, pick: (row: T) => unknown];

/** Cells starting with these are formulas to Excel / LibreOffice / Sheets (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-safe, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const get = (record: Record<string, unknown>, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
    record,
  );

const COLUMNS: Array<Column<EntryView>> = [
  ['site', (e) => e.site],
  ['seq', (e) => e.seq],
  ['kind', (e) => e.kind],
  ['entry_id', (e) => e.entryId],
  ['consent_id', (e) => e.consentId],
  ['type', (e) => e.type],
  ['channel', (e) => get(e.record, 'channel')],
  ['ref', (e) => get(e.record, 'ref')],
  ['message', (e) => get(e.record, 'message')],
  ['occurred_at', (e) => get(e.record, 'occurredAt')],
  ['sent_at', (e) => get(e.record, 'sentAt')],
  ['received_at', (e) => e.receivedAt],
  ['clock_skew_ms', (e) => get(e.record, 'clockSkewMs')],
  ['notice_id', (e) => get(e.record, 'notice', 'id')],
  ['notice_locale', (e) => get(e.record, 'notice', 'locale')],
  ['notice_version', (e) => get(e.record, 'notice', 'version')],
  ['notice_sha256', (e) => get(e.record, 'notice', 'sha256')],
  ['action', (e) => get(e.record, 'action')],
  ['purpose', (e) => get(e.record, 'purpose')],
  ['page_origin', (e) => get(e.record, 'page', 'origin')],
  ['page_path', (e) => get(e.record, 'page', 'path')],
  ['widget_version', (e) => get(e.record, 'widget', 'version')],
  ['ref_matches', (e) => get(e.record, 'refMatches')],
  ['redacted', (e) => e.redacted],
  ['prev_hash', (e) => e.prevHash],
  ['hash', (e) => e.hash],
];

export const CSV_HEADER = `${COLUMNS.map(([name]) => name).join(',')}\r\n`;

export function csvRow(entry: EntryView): string {
  return `${COLUMNS.map(([, pick]) => csvCell(pick(entry))).join(',')}\r\n`;
}

/** Rows as text chunks, one row at a time, in any export format; CSV reads `columns`. */
export async function* formatChunks<T>(
  rows: AsyncIterable<T>,
  format: ExportFormat,
  columns: ReadonlyArray<Column<T>>,
): AsyncGenerator<string> {
  if (format === 'csv') {
    yield `${columns.map(([name]) => name).join(',')}\r\n`;
    for await (const row of rows) yield `${columns.map(([, pick]) => csvCell(pick(row))).join(',')}\r\n`;
    return;
  }
  if (format === 'ndjson') {
    for await (const row of rows) yield `${JSON.stringify(row)}\n`;
    return;
  }
  let first = true;
  yield '[';
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

/** The chain export as text chunks: a JSON array, NDJSON, or CSV with a header row. */
export function exportChunks(
  entries: AsyncIterable<EntryView>,
  format: ExportFormat,
): AsyncGenerator<string> {
  return formatChunks(entries, format, COLUMNS);
}

/** Which entries an export keeps (each optional; `to` exclusive). */
export interface EntryFilter {
  site?: string | undefined;
  channel?: string | undefined;
  type?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Keeps the entries that match; the chain is read in order anyway, so this streams too. */
export async function* filterEntries(
  entries: AsyncIterable<EntryView>,
  filter: EntryFilter,
): AsyncGenerator<EntryView> {
  const from = filter.from?.getTime() ?? -Infinity;
  const to = filter.to?.getTime() ?? Infinity;
  for await (const entry of entries) {
    if (filter.site !== undefined && entry.site !== filter.site) continue;
    if (filter.type !== undefined && entry.type !== filter.type) continue;
    if (filter.channel !== undefined && entry.record['channel'] !== filter.channel) continue;
    const at = Date.parse(entry.receivedAt);
    if (at < from || at >= to) continue;
    yield entry;
  }
}

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * A streamed download: chunks are pulled as the client reads, so an export of millions of rows
 * needs no more memory than one page of them.
 */
export function exportResponse(
  chunks: AsyncGenerator<string>,
  format: ExportFormat,
  filename: string,
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Disposition': `attachment; filename="${filename}.${format}"`,
      'Cache-Control': 'no-store',
    },
  });
}
