// The consent log: the site owner's view of what the receiver stored. The admin token is kept in a
// variable of this module only: reloading the page forgets it.
import { createAdminApi } from './admin-api.js';
import { PhoneError, sendFromPhone } from '../phone/phone-api.js';
import { phoneChannels } from '../phone/phone-text.js';
import { consentTable, el, proofView, subscriberTable } from './render.js';
import { summarizeConsents } from './summarize.js';

const REFRESH_MS = 3000;

const tokenForm = document.querySelector('#token-form');
const refForm = document.querySelector('#ref-form');
const status = document.querySelector('#log-status');
const list = document.querySelector('#consent-list');
const subscriberSection = document.querySelector('#subscriber-section');
const subscriberList = document.querySelector('#subscriber-list');
const proof = document.querySelector('#proof');
const autoRefresh = document.querySelector('#auto-refresh');

let api;
let timer;
let openConsentId;
/** The last proof bundle shown, so auto-refresh re-renders only when something changed. */
let shownProof = '';
/** The subscriber list last shown, for the same reason (and so a focused button is not replaced). */
let shownSubscribers = '';

function showStatus(text, kind = '') {
  status.textContent = text;
  status.dataset.kind = kind;
}

async function refreshList() {
  if (!api) return;
  try {
    const summaries = summarizeConsents(await api.exportEntries());
    list.replaceChildren(consentTable(summaries, (consentId) => openProof(consentId, { focus: true })));
    await refreshSubscribers();
    showStatus(
      `${summaries.length} consent${summaries.length === 1 ? '' : 's'}, updated ${new Date().toLocaleTimeString()}.`,
      'ok',
    );
    if (openConsentId) await openProof(openConsentId, { focus: false });
  } catch (error) {
    showStatus(error.message, 'error');
    if (error.status === 401 || error.status === 403) stopRefresh();
  }
}

async function refreshSubscribers() {
  const items = await api.subscribers();
  const serialized = JSON.stringify(items);
  subscriberSection.hidden = false;
  if (serialized === shownSubscribers) return;
  shownSubscribers = serialized;
  subscriberList.replaceChildren(subscriberTable(items, eraseSubscriber));
}

async function eraseSubscriber(subscriberId) {
  if (!window.confirm(`Erase the personal data of subscriber ${subscriberId}? This cannot be undone.`))
    return;
  try {
    await api.eraseSubscriber(subscriberId);
    showStatus(
      `Subscriber ${subscriberId} erased: address and texts deleted, the chain keeps keyed hashes.`,
      'ok',
    );
    await refreshList();
  } catch (error) {
    showStatus(error.message, 'error');
  }
}

/** Shows one consent's proof bundle; `focus` moves focus to it (not on auto-refresh). */
async function openProof(consentId, { focus }) {
  openConsentId = consentId;
  try {
    // The visitor's message, sent by the demo server as the provider's signed webhook.
    const onSend = async ({ message, channel }) => {
      try {
        const { message: problem } = await sendFromPhone({
          channel,
          from: phoneChannels[channel].defaultSender,
          text: message,
        });
        if (problem) showStatus(problem, 'error');
        await refreshList();
      } catch (error) {
        showStatus(error instanceof PhoneError ? error.message : 'The demo server did not answer.', 'error');
      }
    };
    const { generatedAt: _generatedAt, ...bundle } = await api.proof(consentId);
    const serialized = JSON.stringify(bundle);
    if (!focus && serialized === shownProof) return;
    shownProof = serialized;
    proof.replaceChildren(proofView(bundle, { onSend }));
    const heading = proof.querySelector('h2');
    heading?.setAttribute('tabindex', '-1');
    if (focus) heading?.focus();
  } catch (error) {
    proof.replaceChildren(el('p', { className: 'status' }, error.message));
  }
}

function startRefresh() {
  stopRefresh();
  if (autoRefresh.checked) timer = setInterval(refreshList, REFRESH_MS);
}

function stopRefresh() {
  clearInterval(timer);
  timer = undefined;
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = tokenForm.elements.namedItem('token');
  const token = input.value.trim();
  if (!token) return showStatus('Enter the admin token that `npm run demo` printed.', 'error');
  api = createAdminApi({ token });
  input.value = '';
  refForm.hidden = false;
  void refreshList();
  startRefresh();
});

autoRefresh.addEventListener('change', () => (api ? startRefresh() : undefined));

refForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const ref = refForm.elements.namedItem('ref').value.trim().toUpperCase();
  if (!api || !ref) return;
  try {
    const found = await api.findByRef(ref);
    if (found.length === 0) return showStatus(`No consent with reference ${ref}.`, 'error');
    showStatus(`${found.length} consent${found.length === 1 ? '' : 's'} with reference ${ref}.`, 'ok');
    await openProof(found[0].consentId, { focus: true });
  } catch (error) {
    showStatus(error.message, 'error');
  }
});

// Leaving the page stops polling (and keeps the back/forward cache usable).
addEventListener('pagehide', stopRefresh);
addEventListener('pageshow', (event) => {
  if (event.persisted && api) startRefresh();
});

document.body.dataset.ready = 'true';
