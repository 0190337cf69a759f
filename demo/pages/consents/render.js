// DOM builders for the consent log. Every value from the receiver is set as textContent or as an
// attribute, never parsed as HTML: stored events are visitor-controlled data.

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
      el('td', {}, summary.message ?? ''),
      el('td', {}, (summary.types ?? []).join(', ') + (summary.confirmed ? ', confirmed' : '')),
      el('td', { className: 'mono' }, summary.consentId),
      el('td', {}, open),
    );
    row.dataset.consentId = summary.consentId;
    return row;
  });
  return table(['Last event', 'Channel', 'Ref', 'Message', 'Events', 'Consent ID', ''], rows);
}

/**
 * The proof bundle of one consent: chain check, events, confirmations, archived notice texts.
 * `onConfirm({ message, channel })` backs the "simulate the inbound message" button.
 */
export function proofView(bundle, { onConfirm } = {}) {
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
      el('td', {}, entry.redacted ? '(erased)' : stringOf(record.message)),
      el('td', {}, stringOf(record.action)),
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
  const notices = bundle.notices ?? [];
  const given = events.find((entry) => entry.type === 'consent_given' && !entry.redacted);
  const message = stringOf(given?.record?.message);
  let simulate = null;
  if (onConfirm && message && confirmations.length === 0 && !bundle.erasure) {
    const button = el('button', { type: 'button' }, `Simulate the inbound message “${message}”`);
    button.addEventListener('click', () => {
      button.disabled = true;
      onConfirm({ message, channel: stringOf(given.record.channel) });
    });
    simulate = el(
      'p',
      {},
      'Not confirmed yet: the visitor’s messenger message is the opt-in itself. Your messaging system reports it ' +
        'to POST /v1/consents/<id>/confirm; here you can play that part. ',
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

function stringOf(value) {
  return typeof value === 'string' ? value : '';
}
