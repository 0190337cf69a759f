/**
 * Export entries → one row per consent flow, newest first. Pure. An entry is
 * `{ consentId, kind, type, receivedAt, record: { channel, ref, message, … }, redacted }`.
 */
export function summarizeConsents(entries, limit = 50) {
  const byConsent = new Map();
  for (const entry of entries) {
    if (!entry || typeof entry.consentId !== 'string') continue;
    let row = byConsent.get(entry.consentId);
    if (!row) {
      row = {
        consentId: entry.consentId,
        channel: '',
        ref: '',
        message: '',
        types: [],
        firstReceivedAt: entry.receivedAt,
        lastReceivedAt: entry.receivedAt,
        confirmed: false,
        erased: false,
      };
      byConsent.set(entry.consentId, row);
    }
    const record = entry.record ?? {};
    row.channel ||= stringOr(record.channel);
    row.ref ||= stringOr(record.ref);
    row.message ||= stringOr(record.message);
    if (entry.kind === 'confirmation') row.confirmed = true;
    if (entry.kind === 'erasure' || entry.redacted) row.erased = true;
    const type = entry.kind === 'event' || !entry.kind ? entry.type : entry.kind;
    if (type && !row.types.includes(type)) row.types.push(type);
    if (entry.receivedAt < row.firstReceivedAt) row.firstReceivedAt = entry.receivedAt;
    if (entry.receivedAt > row.lastReceivedAt) row.lastReceivedAt = entry.receivedAt;
  }
  return [...byConsent.values()]
    .sort((a, b) => (a.lastReceivedAt < b.lastReceivedAt ? 1 : a.lastReceivedAt > b.lastReceivedAt ? -1 : 0))
    .slice(0, limit);
}

function stringOr(value) {
  return typeof value === 'string' ? value : '';
}
