import type { EntryView } from './store/types.js';

export type ExportFormat = 'csv' | 'json';

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

const COLUMNS: Array<[string, (entry: EntryView) => unknown]> = [
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

/** The export as text chunks, one entry at a time: a JSON array or CSV with a header row. */
export async function* exportChunks(
  entries: AsyncIterable<EntryView>,
  format: ExportFormat,
): AsyncGenerator<string> {
  if (format === 'csv') {
    yield CSV_HEADER;
    for await (const entry of entries) yield csvRow(entry);
    return;
  }
  let first = true;
  yield '[';
  for await (const entry of entries) {
    yield `${first ? '' : ','}\n${JSON.stringify(entry)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
