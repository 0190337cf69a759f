// DOM builders for the consent log. Every value from the receiver is set as textContent or as an
// attribute, never parsed as HTML: stored events are visitor-controlled data.
import { phoneChannels } from '../phone/phone-text.js';

/** `el('td', { className: 'mono' }, 'text', childNode, …)` */
export function el(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

function table(headers, rows) {
  return el(
    'table',
    { className: 'log' },
    el('thead', {}, el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, ...rows),
  );
}

const time = (iso) => (typeof iso === 'string' ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '');

/** The recent-consents table; `onOpen(consentId)` when a row's button is used. */
export function consentTable(summaries, onOpen) {
  if (summaries.length === 0)
    return el('p', {}, 'No consents stored yet. Use the shop page, then come back.');
  const rows = summaries.map((summary) => {
    const open = el('button', { type: 'button' }, 'Proof');
    open.setAttribute('aria-label', `Proof bundle of consent ${summary.consentId}`);
    open.addEventListener('click', () => onOpen(summary.consentId));
    const row = el(
      'tr',
      {},
      el('td', {}, time(summary.lastReceivedAt)),
      el('td', {}, summary.channel ?? ''),
      el('td', { className: 'mono' }, summary.ref ?? ''),
      el('td', { className: 'state' }, summary.state ?? ''),
      el('td', {}, summary.message ?? ''),
      el('td', {}, (summary.types ?? []).join(', ')),
      el('td', { className: 'mono' }, summary.consentId),
      el('td', {}, open),
    );
    row.dataset.consentId = summary.consentId;
    row.dataset.state = summary.state ?? '';
    return row;
  });
  return table(['Last event', 'Channel', 'Ref', 'State', 'Message', 'Events', 'Consent ID', 'Proof'], rows);
}

/**
 * The subscribers (GET /v1/subscribers): one row per person and channel. `onErase(subscriberId)`
 * backs the erase button; a pending row is a consent no message has reached, erased as a consent.
 */
export function subscriberTable(items, onErase) {
  if (items.length === 0)
    return el('p', {}, 'No subscribers yet. Send the opt-in message from the demo phone on a shop page.');
  const rows = items.map((item) => {
    const since = item.withdrawnAt ?? item.confirmedAt ?? item.pendingSince ?? item.lastInboundAt;
    // The address itself is never shown; whether it is still kept is what erasure changes.
    const personal = item.status === 'pending' ? '' : item.address === null ? 'erased' : 'kept';
    let erase = null;
    if (item.status !== 'pending') {
      erase = el('button', { type: 'button' }, 'Erase');
      erase.setAttribute('aria-label', `Erase the personal data of subscriber ${item.subscriberId}`);
      erase.disabled = personal === 'erased';
      erase.addEventListener('click', () => onErase(item.subscriberId));
    }
    const row = el(
      'tr',
      {},
      el('td', {}, item.channel ?? ''),
      el('td', { className: 'state' }, item.status ?? ''),
      el('td', {}, time(since)),
      el('td', { className: 'mono' }, (item.refs ?? []).join(', ')),
      el('td', {}, (item.flags ?? []).join(', ')),
      el('td', { className: 'personal' }, personal),
      el('td', { className: 'mono' }, item.subscriberId),
      el('td', {}, erase),
    );
    row.dataset.subscriberId = item.subscriberId;
    row.dataset.state = item.status ?? '';
    row.dataset.consentIds = (item.consentIds ?? []).join(' ');
    return row;
  });
  return table(
    ['Channel', 'State', 'Since', 'Refs', 'Flags', 'Personal data', 'Subscriber ID', 'Erasure'],
    rows,
  );
}

/**
 * The proof bundle of one consent: chain check, events, confirmations, what the messengers said,
 * archived notice texts. `onSend({ message, channel })` backs the "send it from the demo phone"
 * button (a real signed webhook, sent by the demo server).
 */
export function proofView(bundle, { onSend } = {}) {
  const chain = bundle.chain ?? {};
  const chainLine = el(
    'p',
    { className: 'status' },
    chain.ok
      ? `Hash chain intact: ${chain.checked ?? 0} entries checked.`
      : `Hash chain BROKEN: ${(chain.broken ?? []).map((link) => `seq ${link.seq}: ${link.reason}`).join('; ')}`,
  );
  chainLine.dataset.kind = chain.ok ? 'ok' : 'error';
  chainLine.dataset.chain = chain.ok ? 'ok' : 'broken';

  const entryRow = (entry) => {
    const record = entry.record ?? {};
    const notice = record.notice ?? {};
    return el(
      'tr',
      {},
      el('td', {}, time(entry.receivedAt)),
      el('td', {}, entry.type ?? entry.kind ?? ''),
      el('td', {}, stringOf(record.channel)),
      el('td', {}, entry.redacted ? '(erased)' : stringOf(record.message) || inboundText(record)),
      el('td', {}, stringOf(record.action) || stringOf(record.via) || stringOf(record.reason)),
      el(
        'td',
        { className: 'mono' },
        notice.id ? `${notice.id} ${String(notice.sha256 ?? '').slice(0, 12)}…` : '',
      ),
      el('td', { className: 'mono' }, `#${entry.seq ?? ''} ${String(entry.hash ?? '').slice(0, 12)}…`),
    );
  };

  const events = bundle.events ?? [];
  const confirmations = bundle.confirmations ?? [];
  const inbound = bundle.inbound ?? [];
  const notices = bundle.notices ?? [];
  const given = events.find((entry) => entry.type === 'consent_given' && !entry.redacted);
  const message = stringOf(given?.record?.message);
  const channel = stringOf(given?.record?.channel);
  const settled = confirmations.length > 0 || inbound.some((entry) => entry.type === 'confirmed');
  let simulate = null;
  if (onSend && message && !settled && !bundle.erasure && Object.hasOwn(phoneChannels, channel)) {
    const button = el('button', { type: 'button' }, `Send “${message}” from the demo phone`);
    button.addEventListener('click', () => {
      button.disabled = true;
      onSend({ message, channel });
    });
    simulate = el(
      'p',
      {},
      'Not confirmed yet: the visitor’s own messenger message is the opt-in. The demo phone on the shop pages ' +
        'sends it as the provider’s signed webhook; this button does the same from here. ',
      button,
    );
  }
  return el(
    'section',
    { className: 'proof' },
    el('h2', { id: 'proof-heading' }, `Proof bundle: consent ${bundle.consentId}`),
    chainLine,
    bundle.erasure ? el('p', {}, `Personal content erased at ${time(bundle.erasure.erasedAt)}.`) : null,
    simulate,
    el('h3', {}, `Events (${events.length})`),
    table(['Received', 'Type', 'Channel', 'Message', 'Action', 'Notice', 'Chain'], events.map(entryRow)),
    inbound.length > 0 ? el('h3', {}, `From the messenger (${inbound.length})`) : null,
    inbound.length > 0
      ? table(
          ['Received', 'Type', 'Channel', 'Message', 'Via / reason', 'Notice', 'Chain'],
          inbound.map(entryRow),
        )
      : null,
    confirmations.length > 0 ? el('h3', {}, `Confirmations (${confirmations.length})`) : null,
    confirmations.length > 0
      ? table(
          ['Received', 'Type', 'Channel', 'Message', 'Action', 'Notice', 'Chain'],
          confirmations.map(entryRow),
        )
      : null,
    el('h3', {}, `Notice texts shown (${notices.length})`),
    ...notices.map((notice) =>
      el(
        'article',
        { className: 'archived-notice' },
        el('h4', {}, `${notice.id} (${notice.locale}, version ${notice.version})`),
        el('p', { className: 'mono' }, `sha256 ${notice.sha256}`),
        el('pre', { className: 'notice-text' }, notice.text ?? ''),
      ),
    ),
    el(
      'details',
      {},
      el('summary', {}, 'Raw JSON'),
      el('pre', { className: 'snippet' }, JSON.stringify(bundle, null, 2)),
    ),
  );
}

/** An inbound message's text as the chain holds it: the text itself, or only its keyed hash. */
function inboundText(record) {
  if (typeof record.text === 'string') return record.text;
  return typeof record.textHmac === 'string'
    ? `(text kept apart, HMAC ${record.textHmac.slice(0, 12)}…)`
    : '';
}

function stringOf(value) {
  return typeof value === 'string' ? value : '';
}
