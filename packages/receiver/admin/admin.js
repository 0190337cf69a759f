// The site owner's console (docs/console.md#admin). Plain DOM, no framework: everything from the
// API is put in as text, never as HTML. The admin token lives in `token` below and nowhere else.

const STEPS = [
  ['widget_shown', 'Widget shown'],
  ['notice_shown', 'Notice opened'],
  ['consent_given', 'Consent given'],
  ['link_opened', 'Link opened'],
  ['confirmed', 'Confirmed'],
  ['withdrawn', 'Withdrawn'],
];
// unmatched and ambiguous: people who wrote on a messenger without a web consent (docs/console.md).
const STATES = ['pending', 'confirmed', 'withdrawn', 'unmatched', 'ambiguous'];
const SERIES = [
  ['consents', 'Consents given', 'line-consents'],
  ['confirmed', 'Opt-ins confirmed', 'line-confirmed'],
  ['withdrawn', 'Withdrawals', 'line-withdrawn'],
];
const SVG = 'http://www.w3.org/2000/svg';

let token = '';
const $ = (selector) => document.querySelector(selector);

/** An element with attributes and children (strings become text nodes). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(
    ...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false),
  );
  return node;
}

class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? body?.error ?? `HTTP ${status}`);
    this.status = status;
  }
}

async function api(path, init = {}) {
  const response = await fetch(path, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    cache: 'no-store',
  });
  if (response.status === 204) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

const number = (value) => new Intl.NumberFormat('en').format(value);
const percent = (value) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);
const when = (iso) => (iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : '–');

/** Date inputs to the API's [from, to): `to` is inclusive in the form, so the next midnight. */
function periodQuery(form) {
  const data = new FormData(form);
  const query = new URLSearchParams();
  const from = data.get('from');
  const to = data.get('to');
  if (from) query.set('from', `${from}T00:00:00Z`);
  if (to) {
    const next = new Date(`${to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    query.set('to', next.toISOString());
  }
  const channel = data.get('channel');
  if (channel) query.set('channel', channel);
  return query;
}

function table(node, caption, head, rows) {
  node.replaceChildren(
    el('caption', { class: 'sr-only' }, caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        head.map((cell) => el('th', { scope: 'col' }, cell)),
      ),
    ),
    el('tbody', {}, rows.length ? rows : [el('tr', {}, el('td', { colspan: head.length }, 'Nothing here.'))]),
  );
}

// ---- Funnel and states -------------------------------------------------------------------------

function renderStats(stats) {
  const lines = [...stats.channels, { channel: 'total', ...stats.total }];
  table(
    $('#funnel'),
    'Funnel per channel',
    ['Channel', ...STEPS.map(([, label]) => label)],
    lines.map((line) =>
      el(
        'tr',
        { 'data-channel': line.channel },
        el('th', { scope: 'row' }, line.channel === 'total' ? 'All channels' : line.channel),
        STEPS.map(([step]) =>
          el(
            'td',
            { 'data-step': step, 'data-count': line.funnel[step] },
            el('span', { class: 'count' }, number(line.funnel[step])),
            step === 'widget_shown'
              ? null
              : el(
                  'span',
                  { class: 'rate', 'data-rate': line.conversion[step] ?? '' },
                  percent(line.conversion[step]),
                ),
          ),
        ),
      ),
    ),
  );
  table(
    $('#states'),
    'Subscribers by state per channel',
    ['Channel', ...STATES],
    lines.map((line) =>
      el(
        'tr',
        { 'data-channel': line.channel },
        el('th', { scope: 'row' }, line.channel === 'total' ? 'All channels' : line.channel),
        STATES.map((state) =>
          el(
            'td',
            { 'data-state': state, 'data-count': line.subscribers[state] ?? 0 },
            number(line.subscribers[state] ?? 0),
          ),
        ),
      ),
    ),
  );
  for (const select of document.querySelectorAll('select[name="channel"]')) {
    const known = new Set([...select.options].map((option) => option.value));
    for (const line of stats.channels)
      if (!known.has(line.channel)) select.append(el('option', { value: line.channel }, line.channel));
  }
}

// ---- Chart --------------------------------------------------------------------------------------

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** One small chart per channel: three lines over the buckets, axis labels, a table for screen readers. */
function renderChart(series) {
  const host = $('#chart');
  host.replaceChildren();
  if (series.channels.length === 0) {
    host.append(el('p', {}, 'No consents in this period.'));
    return;
  }
  const width = 640;
  const height = 220;
  const pad = { left: 40, right: 12, top: 12, bottom: 28 };
  for (const { channel, points } of series.channels) {
    const max = Math.max(1, ...points.flatMap((point) => SERIES.map(([key]) => point[key])));
    const times = points.map((point) => Date.parse(point.at));
    const first = Math.min(...times);
    const span = Math.max(1, Math.max(...times) - first);
    const x = (at) => pad.left + ((Date.parse(at) - first) / span) * (width - pad.left - pad.right);
    const y = (value) => height - pad.bottom - (value / max) * (height - pad.top - pad.bottom);
    const id = `chart-${channel}`;
    const figure = el('figure', { class: 'chart', 'data-channel': channel });
    const drawing = svg(
      'svg',
      { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title` },
      svg(
        'title',
        { id: `${id}-title` },
        `${channel}: consents, opt-ins and withdrawals per ${series.bucket}`,
      ),
      svg('line', { x1: pad.left, y1: y(0), x2: width - pad.right, y2: y(0), class: 'axis' }),
      svg('line', { x1: pad.left, y1: y(0), x2: pad.left, y2: pad.top, class: 'axis' }),
      svg('text', { x: pad.left - 6, y: y(max) + 4, 'text-anchor': 'end', class: 'tick' }, String(max)),
      svg('text', { x: pad.left - 6, y: y(0) + 4, 'text-anchor': 'end', class: 'tick' }, '0'),
      svg('text', { x: pad.left, y: height - 8, class: 'tick' }, points[0].at.slice(0, 10)),
      svg(
        'text',
        { x: width - pad.right, y: height - 8, 'text-anchor': 'end', class: 'tick' },
        points.at(-1).at.slice(0, 10),
      ),
    );
    for (const [key, , className] of SERIES) {
      const coordinates = points.map((point) => `${x(point.at).toFixed(1)},${y(point[key]).toFixed(1)}`);
      if (points.length === 1) {
        drawing.append(
          svg('circle', {
            cx: x(points[0].at),
            cy: y(points[0][key]),
            r: 4,
            class: className,
            'data-series': key,
          }),
        );
      } else {
        drawing.append(
          svg('polyline', {
            points: coordinates.join(' '),
            class: className,
            fill: 'none',
            'data-series': key,
          }),
        );
      }
    }
    const legend = el(
      'ul',
      { class: 'legend' },
      SERIES.map(([key, label, className]) =>
        el(
          'li',
          { class: className },
          `${label}: ${number(points.reduce((sum, point) => sum + point[key], 0))}`,
        ),
      ),
    );
    const data = el('table', { class: 'sr-only' });
    table(
      data,
      `${channel} per ${series.bucket}`,
      ['Start', ...SERIES.map(([, label]) => label)],
      points.map((point) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, point.at.slice(0, 10)),
          SERIES.map(([key]) => el('td', {}, point[key])),
        ),
      ),
    );
    figure.append(el('figcaption', {}, channel), drawing, legend, data);
    host.append(figure);
  }
}

async function loadOverview() {
  const query = periodQuery($('#period'));
  const [stats, series] = await Promise.all([api(`/v1/stats?${query}`), api(`/v1/stats/series?${query}`)]);
  renderStats(stats);
  renderChart(series);
}

// ---- Subscribers and proof ----------------------------------------------------------------------

const pages = { cursors: [null], index: 0, limit: 25 };

function subscriberQuery() {
  const query = periodQuery($('#subscriber-filter'));
  const data = new FormData($('#subscriber-filter'));
  if (data.get('state')) query.set('state', data.get('state'));
  const ref = String(data.get('ref') ?? '').trim();
  if (ref) query.set('ref', ref);
  return query;
}

async function loadSubscribers() {
  const query = subscriberQuery();
  query.set('limit', String(pages.limit));
  const cursor = pages.cursors[pages.index];
  if (cursor) query.set('cursor', cursor);
  const page = await api(`/v1/console/subscribers?${query}`);
  const start = pages.index * pages.limit;
  $('#subscriber-count').textContent = page.total
    ? `Showing ${start + 1}–${start + page.items.length} of ${page.total} subscribers`
    : 'No subscribers match.';
  $('#subscriber-count').dataset.total = page.total;
  table(
    $('#subscribers'),
    'Subscribers',
    ['Subscribed', 'Channel', 'State', 'Reference', 'Purpose', 'Confirmed', 'Withdrawn', 'Proof'],
    page.items.map((item) =>
      el(
        'tr',
        {
          'data-consent-id': item.consentId,
          'data-subscriber-id': item.subscriberId,
          'data-kind': item.kind,
          'data-state': item.state,
        },
        el('td', {}, when(item.subscribedAt)),
        el('td', {}, item.channel),
        el('td', {}, item.state),
        el('td', { class: 'ref' }, item.ref ?? (item.kind === 'inbound' ? '' : '(erased)')),
        el('td', {}, item.purpose ?? ''),
        el('td', {}, when(item.confirmedAt)),
        el('td', {}, when(item.withdrawnAt)),
        el(
          'td',
          {},
          // A message without a web consent has no proof bundle: it is resolved under "Inbound".
          item.kind === 'inbound'
            ? 'No web consent'
            : el(
                'button',
                {
                  type: 'button',
                  'data-proof': item.consentId,
                  'aria-label': `Proof of ${item.ref ?? item.consentId}`,
                },
                'Proof',
              ),
        ),
      ),
    ),
  );
  pages.cursors[pages.index + 1] = page.nextCursor;
  $('#prev-page').disabled = pages.index === 0;
  $('#next-page').disabled = !page.nextCursor;
}

function entryRows(entries) {
  return entries.map((entry) =>
    el(
      'tr',
      { 'data-entry-id': entry.entryId },
      el('td', {}, when(entry.receivedAt)),
      el('td', {}, entry.type),
      el('td', {}, entry.record.channel ?? ''),
      el('td', {}, entry.record.message ?? (entry.redacted ? '(erased)' : '')),
      el('td', { class: 'hash' }, entry.hash.slice(0, 16)),
    ),
  );
}

let proofId = '';

async function showProof(consentId) {
  const bundle = await api(`/v1/consents/${consentId}`);
  proofId = consentId;
  const body = $('#proof-body');
  const events = el('table', {});
  table(
    events,
    'Events',
    ['Received', 'Type', 'Channel', 'Message', 'Hash'],
    entryRows([...bundle.events, ...bundle.confirmations]),
  );
  body.replaceChildren(
    el(
      'p',
      {},
      'Consent ',
      el('code', { id: 'proof-consent' }, bundle.consentId),
      ` on ${bundle.sites.join(', ')}`,
    ),
    el(
      'p',
      { 'data-chain': bundle.chain.ok ? 'ok' : 'broken', class: bundle.chain.ok ? 'ok' : 'bad' },
      bundle.chain.ok
        ? `Hash chain intact: ${bundle.chain.checked} entries checked`
        : `Hash chain BROKEN at ${bundle.chain.broken.map((link) => `#${link.seq} (${link.reason})`).join(', ')}`,
    ),
    el('p', {}, `Generated ${when(bundle.generatedAt)}`),
    bundle.erasure
      ? el('p', { 'data-erased': 'true' }, `Personal data erased ${when(bundle.erasure.erasedAt)}`)
      : null,
    el('h3', {}, 'Notice as the visitor saw it'),
    ...bundle.notices.map((notice) =>
      el(
        'div',
        { class: 'notice' },
        el(
          'p',
          { class: 'meta' },
          `${notice.id} · ${notice.locale} · version ${notice.version} · sha256 ${notice.sha256}`,
        ),
        el('pre', { class: 'notice-text' }, notice.text),
      ),
    ),
    bundle.notices.length ? null : el('p', {}, 'No notice text archived for this consent.'),
    el('h3', {}, 'Messages and events'),
    el(
      'div',
      { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Events of this consent' },
      events,
    ),
  );
  $('#erase-confirm').hidden = true;
  $('#erase-proof').hidden = Boolean(bundle.erasure);
  $('#proof-status').textContent = '';
  $('#proof').hidden = false;
  $('#proof').focus();
}

// ---- Chain, outboxes, inbound, webhooks ---------------------------------------------------------

async function verifyChains() {
  const result = $('#chain-result');
  result.textContent = 'Checking …';
  const report = await api('/v1/console/verify', { method: 'POST' });
  const entries = report.sites.reduce((sum, site) => sum + site.entries, 0);
  result.dataset.ok = String(report.ok);
  result.textContent = report.ok
    ? `All ${report.sites.length} chains intact (${number(entries)} entries), checked ${when(report.checkedAt)}`
    : `BROKEN: ${report.sites
        .filter((site) => !site.ok)
        .map((site) => `${site.site} at #${site.firstBroken?.seq}`)
        .join(', ')} (checked ${when(report.checkedAt)})`;
}

async function loadOutboxes() {
  const [hooks, dead, replies] = await Promise.all([
    api('/v1/webhooks'),
    api('/v1/webhooks/deliveries?status=dead'),
    api('/v1/console/replies'),
  ]);
  const counts = hooks.deliveries;
  $('#webhook-counts').textContent =
    `Delivered ${counts.delivered}, waiting ${counts.pending}, failed for good ${counts.dead}`;
  table(
    $('#dead-letters'),
    'Webhook dead letters',
    ['Event', 'Endpoint', 'Attempts', 'Last error', 'Replay'],
    dead.deliveries.map((item) =>
      el(
        'tr',
        { 'data-delivery-id': item.id },
        el('td', {}, item.eventType),
        el('td', {}, item.url),
        el('td', {}, item.attempts),
        el('td', {}, item.lastError ?? ''),
        el('td', {}, el('button', { type: 'button', 'data-replay': item.id }, 'Replay')),
      ),
    ),
  );
  table(
    $('#endpoints'),
    'Webhook endpoints',
    ['URL', 'Events', 'Address', 'State', 'Remove'],
    hooks.endpoints.map((endpoint) =>
      el(
        'tr',
        { 'data-endpoint-id': endpoint.id },
        el('td', {}, endpoint.url),
        el('td', {}, endpoint.events.join(', ')),
        el('td', {}, endpoint.includeAddress ? 'yes' : 'no'),
        el('td', {}, endpoint.disabledAt ? `disabled: ${endpoint.disabledReason}` : 'active'),
        el(
          'td',
          {},
          el(
            'button',
            { type: 'button', 'data-remove-endpoint': endpoint.id, 'aria-label': `Remove ${endpoint.url}` },
            'Remove',
          ),
        ),
      ),
    ),
  );
  const outbox = replies.outbox;
  $('#reply-counts').textContent = outbox
    ? Object.entries(outbox.counts)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ') || 'No replies yet.'
    : 'Inbound messages are not set up on this receiver.';
  table(
    $('#reply-problems'),
    'Replies that failed',
    ['Created', 'Provider', 'Kind', 'Status', 'Attempts', 'Last error'],
    (outbox?.problems ?? []).map((item) =>
      el(
        'tr',
        {},
        el('td', {}, when(item.createdAt)),
        el('td', {}, item.provider),
        el('td', {}, item.kind),
        el('td', {}, item.status),
        el('td', {}, item.attempts),
        el('td', {}, item.lastError ?? ''),
      ),
    ),
  );
}

async function loadInbound() {
  const flagged = await api('/v1/console/flagged');
  table(
    $('#flagged'),
    'Ambiguous and unmatched opt-ins',
    ['Received', 'Channel', 'State', 'Reference', 'Message (inbound id)', 'Candidate consents', 'Action'],
    (flagged.items ?? []).map((item) =>
      el(
        'tr',
        { 'data-subscriber-id': item.subscriberId, 'data-subscription-id': item.subscriptionId },
        el('td', {}, when(item.createdAt)),
        el('td', {}, item.channel),
        el('td', {}, item.state),
        el('td', {}, item.ref ?? ''),
        el('td', {}, el('code', {}, item.inboundId ?? '')),
        el('td', {}, item.candidateConsentIds.join(', ')),
        el(
          'td',
          {},
          item.inboundId
            ? el(
                'button',
                {
                  type: 'button',
                  'data-link-inbound': item.inboundId,
                  'data-candidates': item.candidateConsentIds.join(' '),
                  'aria-label': `Link the ${item.state} opt-in of ${when(item.createdAt)} to a consent`,
                },
                'Link…',
              )
            : null,
          ' ',
          el(
            'button',
            {
              type: 'button',
              'data-dismiss': item.subscriptionId,
              'aria-label': `Dismiss the ${item.state} opt-in of ${when(item.createdAt)}`,
            },
            'Dismiss',
          ),
        ),
      ),
    ),
  );
  let requests = [];
  try {
    requests = (await api('/v1/rights-requests?status=open')).items;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  table(
    $('#rights'),
    'Open rights requests',
    ['Received', 'Kind', 'Channel', 'Due', 'Action'],
    requests.map((item) =>
      el(
        'tr',
        { 'data-request-id': item.requestId },
        el('td', {}, when(item.receivedAt)),
        el('td', {}, item.kind),
        el('td', {}, item.channel),
        el('td', {}, when(item.dueAt)),
        el(
          'td',
          {},
          item.kind === 'erasure' && item.subscriberId
            ? el(
                'button',
                {
                  type: 'button',
                  'data-erase-subscriber': item.subscriberId,
                  'data-close-request': item.requestId,
                },
                'Erase and close',
              )
            : el('button', { type: 'button', 'data-close-request': item.requestId }, 'Mark answered'),
        ),
      ),
    ),
  );
}

async function refreshAll() {
  await Promise.all([loadOverview(), loadSubscribers(), loadOutboxes(), loadInbound()]);
}

/** Runs a UI action; a refused token signs out, any other error is said in `status`. */
function guarded(status, action) {
  return async (event) => {
    event?.preventDefault?.();
    try {
      await action(event);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403) && token) {
        signOut('The token was refused; sign in again.');
        return;
      }
      (status ?? $('#login-status')).textContent = `Failed: ${error.message}`;
    }
  };
}

function signOut(message = '') {
  token = '';
  $('#console').hidden = true;
  $('#sign-out').hidden = true;
  $('#login').hidden = false;
  $('#login-status').textContent = message;
  $('#token').focus();
}

$('#login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('#token');
  token = input.value.trim();
  input.value = '';
  try {
    await api('/v1/stats');
  } catch (error) {
    token = '';
    $('#login-status').textContent =
      error instanceof ApiError && error.status < 500
        ? 'The token was refused.'
        : `The receiver did not answer: ${error.message}`;
    return;
  }
  $('#login').hidden = true;
  $('#console').hidden = false;
  $('#sign-out').hidden = false;
  $('#login-status').textContent = '';
  await guarded(null, refreshAll)();
  document.body.dataset.ready = 'true';
  $('#funnel-heading').focus?.();
});
$('#sign-out').addEventListener('click', () => signOut('Signed out.'));
$('#period').addEventListener('submit', guarded(null, loadOverview));
$('#subscriber-filter').addEventListener(
  'submit',
  guarded($('#subscriber-count'), async () => {
    pages.cursors = [null];
    pages.index = 0;
    await loadSubscribers();
  }),
);
$('#next-page').addEventListener(
  'click',
  guarded($('#subscriber-count'), async () => {
    pages.index++;
    await loadSubscribers();
  }),
);
$('#prev-page').addEventListener(
  'click',
  guarded($('#subscriber-count'), async () => {
    pages.index = Math.max(0, pages.index - 1);
    await loadSubscribers();
  }),
);
$('#export-csv').addEventListener(
  'click',
  guarded($('#subscriber-count'), async () => {
    // A download needs the token too, so it is fetched here and handed over as a blob.
    const response = await fetch(`/v1/export/subscribers?format=csv&${subscriberQuery()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new ApiError(response.status, null);
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: 'subscribers.csv' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }),
);
$('#subscribers').addEventListener(
  'click',
  guarded($('#subscriber-count'), async (event) => {
    const id = event.target.closest('[data-proof]')?.dataset.proof;
    if (id) await showProof(id);
  }),
);
$('#print-proof').addEventListener('click', () => window.print());
$('#close-proof').addEventListener('click', () => {
  $('#proof').hidden = true;
});
$('#erase-proof').addEventListener('click', () => {
  $('#erase-confirm').hidden = false;
  $('#proof-status').textContent =
    'Erasing deletes the message and reference code of this consent; the chain keeps its hashes. Press "Erase now" to go on.';
  $('#erase-confirm').focus();
});
$('#erase-confirm').addEventListener(
  'click',
  guarded($('#proof-status'), async () => {
    const result = await api(`/v1/consents/${proofId}`, { method: 'DELETE' });
    await showProof(proofId);
    $('#proof-status').textContent = `Erased ${result.erasedEntries} entries' personal data.`;
    await loadSubscribers();
  }),
);
$('#verify').addEventListener('click', guarded($('#chain-result'), verifyChains));
$('#dead-letters').addEventListener(
  'click',
  guarded($('#webhook-counts'), async (event) => {
    const id = event.target.closest('[data-replay]')?.dataset.replay;
    if (!id) return;
    await api(`/v1/webhooks/deliveries/${id}/replay`, { method: 'POST' });
    await loadOutboxes();
  }),
);
$('#endpoints').addEventListener(
  'click',
  guarded($('#webhook-status'), async (event) => {
    const id = event.target.closest('[data-remove-endpoint]')?.dataset.removeEndpoint;
    if (!id) return;
    await api(`/v1/webhooks/${id}`, { method: 'DELETE' });
    $('#webhook-status').textContent = 'Endpoint removed.';
    await loadOutboxes();
  }),
);
$('#webhook-form').addEventListener(
  'submit',
  guarded($('#webhook-status'), async (event) => {
    const data = new FormData(event.target);
    const created = await api('/v1/webhooks', {
      method: 'POST',
      body: JSON.stringify({
        url: data.get('url'),
        events: data.getAll('events'),
        includeAddress: data.get('includeAddress') === 'on',
      }),
    });
    event.target.reset();
    $('#webhook-status').replaceChildren(
      'Added. Its signing secret, shown only now: ',
      el('code', { id: 'new-secret' }, created.secret),
    );
    await loadOutboxes();
  }),
);
$('#link-form').addEventListener(
  'submit',
  guarded($('#inbound-status'), async (event) => {
    const data = new FormData(event.target);
    await api(`/v1/consents/${String(data.get('consentId')).trim()}/confirm`, {
      method: 'POST',
      body: JSON.stringify({ inboundId: String(data.get('inboundId')).trim() }),
    });
    event.target.reset();
    $('#inbound-status').textContent = 'Linked: the consent is confirmed.';
    await refreshAll();
  }),
);
$('#flagged').addEventListener(
  'click',
  guarded($('#inbound-status'), async (event) => {
    const link = event.target.closest('[data-link-inbound]');
    if (link) {
      // Fills the link form; an ambiguous opt-in offers its candidates as suggestions.
      const form = $('#link-form');
      form.elements.inboundId.value = link.dataset.linkInbound;
      const candidates = link.dataset.candidates.split(' ').filter(Boolean);
      $('#link-candidates').replaceChildren(...candidates.map((id) => el('option', { value: id })));
      form.elements.consentId.value = candidates.length === 1 ? candidates[0] : '';
      form.elements.consentId.focus();
      return;
    }
    const dismiss = event.target.closest('[data-dismiss]');
    if (!dismiss) return;
    await api(`/v1/console/flagged/${dismiss.dataset.dismiss}/dismiss`, { method: 'POST' });
    $('#inbound-status').textContent = 'Dismissed: recorded in the log, no longer counted.';
    await refreshAll();
  }),
);
$('#rights').addEventListener(
  'click',
  guarded($('#inbound-status'), async (event) => {
    const button = event.target.closest('[data-close-request]');
    if (!button) return;
    const subscriberId = button.dataset.eraseSubscriber;
    if (subscriberId) await api(`/v1/subscribers/${subscriberId}`, { method: 'DELETE' });
    await api(`/v1/rights-requests/${button.dataset.closeRequest}/close`, {
      method: 'POST',
      body: JSON.stringify({ resolution: subscriberId ? 'erased from the console' : 'answered' }),
    });
    $('#inbound-status').textContent = subscriberId ? 'Erased and closed.' : 'Closed.';
    await loadInbound();
  }),
);
document.body.dataset.ready = 'login';
