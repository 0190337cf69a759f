/**
 * The consent's state as the entries in chain order tell it: `pending` once the visitor consented
 * on the web, `confirmed` by their own messenger message (or the admin hand-off), `withdrawn` by
 * `Stop`, a provider's block signal or the widget's unsubscribe mode (docs/inbound.md).
 */
function nextState(state, entry) {
  if (entry.kind === 'confirmation') return 'confirmed';
  if (entry.kind === 'inbound' && (entry.type === 'confirmed' || entry.type === 'withdrawn'))
    return entry.type;
  if (entry.kind === 'event' || !entry.kind) {
    if (entry.type === 'consent_given') return state === '' ? 'pending' : state;
    if (entry.type === 'withdrawal_requested') return 'withdrawn';
  }
  return state;
}

/**
 * Export entries → one row per consent flow, newest first. Pure. An entry is
 * `{ consentId, kind, type, receivedAt, record: { channel, ref, message, … }, redacted }`; inbound
 * entries about no single consent (`consentId: null`) are left out.
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
        /** '' (no consent given yet), pending, confirmed or withdrawn. */
        state: '',
      };
      byConsent.set(entry.consentId, row);
    }
    const record = entry.record ?? {};
    row.channel ||= stringOr(record.channel);
    row.ref ||= stringOr(record.ref);
    row.message ||= stringOr(record.message);
    row.state = nextState(row.state, entry);
    if (row.state === 'confirmed') row.confirmed = true;
    if (entry.kind === 'erasure' || entry.redacted) row.erased = true;
    const type = entry.kind === 'event' || entry.kind === 'inbound' || !entry.kind ? entry.type : entry.kind;
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
