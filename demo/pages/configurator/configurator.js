// Wires the configurator form to a live <messenger-optin> preview and the snippet. Everything from
// the form reaches the page as attributes or textContent, never as HTML.
import { channelFields } from './channel-fields.js';
import { buildSnippet, importMapText } from './snippet.js';
import { fieldOfPath, widgetAttributes, widgetConfig } from './widget-attributes.js';
// The widget's own rules, without zod (the same the element runs before any button acts).
import { checkWidgetConfig } from '/sdk/messenger-optin-sdk.js';

const form = document.querySelector('#config');
const channelsFieldset = document.querySelector('#channels');
const preview = document.querySelector('#preview');
const previewStatus = document.querySelector('#preview-status');
const snippetCode = document.querySelector('#snippet');
const copyButton = document.querySelector('#copy');
const copyStatus = document.querySelector('#copy-status');

const scriptUrl = new URL('/widget/messenger-optin.js', location.origin).href;
let integrity = '';
/** Absolute URL of each lazy chunk → its hash, for the snippet's import map. */
let chunkIntegrity = {};
let importMapHash = '';
let appliedNames = [];

function addChannelRows() {
  for (const { type, name, field, label, example, on } of channelFields) {
    const row = document.createElement('div');
    row.className = 'channel-row';
    const toggle = document.createElement('label');
    toggle.className = 'inline-label';
    const checkbox = Object.assign(document.createElement('input'), {
      type: 'checkbox',
      name: `${type}.enabled`,
      checked: on,
    });
    toggle.append(checkbox, ` ${name}`);
    const input = Object.assign(document.createElement('input'), {
      type: 'text',
      name: `${type}.${field}`,
      value: example,
    });
    input.setAttribute('aria-label', `${name}: ${label}`);
    row.append(toggle, input);
    channelsFieldset.append(row);
  }
}

function formValues() {
  const values = {};
  for (const [key, value] of new FormData(form)) values[key] = value;
  return values;
}

/** Applies the form to the preview element (one element, updated in place) and the snippet. */
function update() {
  const values = formValues();
  const attributes = widgetAttributes(values);
  let element = preview.querySelector('messenger-optin');
  if (!element) {
    element = document.createElement('messenger-optin');
    // Follows the visitor's colour scheme like the demo page around it.
    element.setAttribute('theme', 'auto');
    element.addEventListener('optin-error', (event) => {
      showStatus(previewStatus, `Configuration error: ${event.detail?.message ?? 'unknown'}`, 'error');
    });
    preview.append(element);
  }
  showStatus(previewStatus, '', '');
  const names = attributes.map(([name]) => name);
  for (const name of appliedNames) if (!names.includes(name)) element.removeAttribute(name);
  for (const [name, value] of attributes) element.setAttribute(name, value === true ? '' : value);
  appliedNames = names;
  snippetCode.textContent = buildSnippet({ scriptUrl, integrity, chunkIntegrity, importMapHash, attributes });
  guardCopy(values);
}

/**
 * A snippet that the widget would refuse (or run without a broken channel) is not offered for
 * copying: the button is disabled, and the status names the field to fix, which is marked invalid.
 */
function guardCopy(values) {
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
  const result = checkWidgetConfig(widgetConfig(values));
  const issue = result.ok ? undefined : result.issues[0];
  copyButton.disabled = !!issue;
  if (!issue) {
    if (copyStatus.dataset.kind === 'invalid') showStatus(copyStatus, '', '');
    return;
  }
  const name = fieldOfPath(issue.path, values);
  const field = name ? form.elements.namedItem(name) : null;
  const label = field?.getAttribute('aria-label') ?? field?.closest('label')?.firstChild?.textContent?.trim();
  if (field) {
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', 'copy-status');
  }
  showStatus(
    copyStatus,
    `Fix ${label ? `“${label}”` : 'the form'} before copying: ${issue.message}`,
    'invalid',
  );
}

function showStatus(target, text, kind) {
  target.textContent = text;
  target.dataset.kind = kind;
}

/** A CSP source expression for an inline script's text: 'sha256-<base64>'. */
async function sha256Source(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
}

async function loadIntegrity() {
  try {
    const response = await fetch('/widget/sri.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const hashes = await response.json();
    integrity = typeof hashes['messenger-optin.js'] === 'string' ? hashes['messenger-optin.js'] : '';
    chunkIntegrity = Object.fromEntries(
      Object.entries(hashes)
        .filter(([file, hash]) => file !== 'messenger-optin.js' && typeof hash === 'string')
        .map(([file, hash]) => [new URL(file, scriptUrl).href, hash]),
    );
    importMapHash = await sha256Source(importMapText(chunkIntegrity));
  } catch (error) {
    showStatus(
      copyStatus,
      `No integrity hash (sri.json: ${error.message}); the snippet works without it.`,
      'error',
    );
  }
}

copyButton.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippetCode.textContent ?? '');
    showStatus(copyStatus, 'Copied.', 'ok');
  } catch {
    // Clipboard access can be refused (permissions, insecure context): select the text instead.
    getSelection()?.selectAllChildren(snippetCode);
    showStatus(copyStatus, 'Selected: press Ctrl+C (⌘C) to copy.', '');
  }
});

let pending;
form.addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(update, 200);
});
form.addEventListener('submit', (event) => event.preventDefault());

addChannelRows();
update();
await loadIntegrity();
update();
document.body.dataset.ready = 'true';
