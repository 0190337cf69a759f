// The demo phone on the shop pages: plays the visitor's messenger. A message typed here goes to the
// demo server, which sends it to the receiver as the provider's signed webhook; the business's
// replies (sent by the receiver to the demo's fake messenger API) show up in the chat.
import { PhoneError, readChat, sendFromPhone } from './phone-api.js';
import { chatKey, optinText, phoneChannels } from './phone-text.js';

const POLL_MS = 1000;
/** Replies follow a message within a second or two (the outbox worker); the phone listens this long. */
const LISTEN_MS = 20_000;
// Keywords as the page's visitors would type them (the receiver's defaults, docs/inbound.md).
const keywords =
  document.documentElement.lang === 'de'
    ? ['Stop', 'Auskunft', 'Löschen']
    : ['Stop', 'Access', 'Delete my data'];

function el(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

const root = document.querySelector('#demo-phone');
if (root) mount(root);

function mount(root) {
  /** The sender per channel, as last typed: switching channels keeps each one's number. */
  const senders = Object.fromEntries(
    Object.entries(phoneChannels).map(([type, c]) => [type, c.defaultSender]),
  );

  const channel = el(
    'select',
    { name: 'channel', id: 'phone-channel' },
    ...Object.entries(phoneChannels).map(([value, c]) => el('option', { value }, c.label)),
  );
  const senderLabel = el('label', { htmlFor: 'phone-from' });
  const from = el('input', {
    type: 'text',
    name: 'from',
    id: 'phone-from',
    autocomplete: 'off',
    spellcheck: false,
    required: true,
  });
  const list = el('ol', { className: 'phone-messages' });
  const chat = el('div', { className: 'phone-chat', tabIndex: 0 }, list);
  chat.setAttribute('role', 'log');
  chat.setAttribute('aria-label', 'Chat with Firma');
  const text = el('input', {
    type: 'text',
    name: 'text',
    id: 'phone-text',
    autocomplete: 'off',
    required: true,
    maxLength: 4096,
  });
  const sendButton = el('button', { type: 'submit' }, 'Send');
  const quick = el('div', { className: 'phone-quick' });
  quick.setAttribute('role', 'group');
  quick.setAttribute('aria-label', 'Send a keyword');
  for (const keyword of keywords) {
    const button = el('button', { type: 'button' }, keyword);
    button.addEventListener('click', () => void send(keyword));
    quick.append(button);
  }
  const status = el('p', { className: 'status phone-status' });
  status.setAttribute('role', 'status');
  const form = el(
    'form',
    { className: 'phone-form form-grid' },
    el('label', { htmlFor: 'phone-channel' }, 'Messenger', channel),
    el('p', { className: 'phone-field' }, senderLabel, from),
    chat,
    el('p', { className: 'phone-field' }, el('label', { htmlFor: 'phone-text' }, 'Message'), text),
    el('p', { className: 'phone-actions' }, sendButton, quick),
  );
  root.append(form, status);

  let shownKey = '';
  let poll;
  let listenUntil = 0;

  const current = () => ({ channel: channel.value, from: from.value.trim() });

  function showStatus(message, kind = '') {
    status.textContent = message;
    status.dataset.kind = kind;
  }

  function showChannel() {
    senderLabel.textContent = phoneChannels[channel.value].senderLabel;
    from.value = senders[channel.value];
    shownKey = '';
    render([]);
    void refresh();
  }

  function render(messages) {
    const key = chatKey(messages);
    if (key === shownKey) return;
    shownKey = key;
    list.replaceChildren(
      ...messages.map((message) => {
        const mine = message.direction === 'sent';
        const item = el(
          'li',
          { className: mine ? 'sent' : 'received' },
          el('span', { className: 'phone-who' }, mine ? 'You' : 'Firma'),
          el('span', { className: 'phone-text' }, message.text),
          message.error ? el('span', { className: 'phone-error' }, `Not delivered: ${message.error}`) : null,
        );
        item.dataset.direction = message.direction;
        return item;
      }),
    );
    if (messages.length === 0)
      list.append(
        el('li', { className: 'phone-empty' }, 'No messages yet. Subscribe with the widget, then send.'),
      );
    chat.scrollTop = chat.scrollHeight;
  }

  /** Polls the chat of the sender last committed (not a number half typed, which would be refused). */
  async function refresh() {
    const type = channel.value;
    const sender = senders[type];
    if (!sender) return;
    try {
      const { messages } = await readChat({ channel: type, from: sender });
      // The visitor may have switched channels while the request was out.
      if (type === channel.value && sender === senders[type]) render(messages);
    } catch {
      // A sender the server refuses: sending says what is wrong.
    }
  }

  async function send(message) {
    const { channel: type, from: sender } = current();
    if (!sender) {
      showStatus(`Enter ${phoneChannels[type].senderLabel.toLowerCase()}.`, 'error');
      from.focus();
      return;
    }
    senders[type] = sender;
    listenUntil = Date.now() + LISTEN_MS;
    sendButton.disabled = true;
    try {
      const { messages, message: problem } = await sendFromPhone({
        channel: type,
        from: sender,
        text: message,
      });
      render(messages);
      if (problem) showStatus(problem, 'error');
      else {
        showStatus(
          `Sent as a signed ${phoneChannels[type].label.replace(/ \(bridge\)$/, '')} webhook.`,
          'ok',
        );
        if (text.value === message) text.value = '';
      }
    } catch (error) {
      showStatus(error instanceof PhoneError ? error.message : 'The demo server did not answer.', 'error');
    } finally {
      sendButton.disabled = false;
    }
  }

  channel.addEventListener('change', showChannel);
  from.addEventListener('change', () => {
    senders[channel.value] = from.value.trim();
    shownKey = '';
    void refresh();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const message = text.value.trim();
    if (!message) {
      showStatus('Type a message first.', 'error');
      text.focus();
      return;
    }
    void send(message);
  });

  // When the visitor confirms in the widget, the phone gets the message the messenger app would
  // send (what a tap on the link or the QR code would put into the chat).
  document.addEventListener('optin-consent', (event) => {
    const detail = event.detail ?? {};
    if (!Object.hasOwn(phoneChannels, detail.channel)) return;
    if (channel.value !== detail.channel) {
      channel.value = detail.channel;
      showChannel();
    }
    text.value = optinText(detail);
    showStatus(
      `The widget opened ${phoneChannels[detail.channel].label.replace(/ \(bridge\)$/, '')}: the message is ready below; press Send.`,
      'ok',
    );
  });

  const startPolling = () => {
    clearInterval(poll);
    poll = setInterval(() => {
      // The business only ever answers a message, so the phone asks only for a while after one.
      if (document.visibilityState === 'visible' && Date.now() < listenUntil) void refresh();
    }, POLL_MS);
  };
  addEventListener('pagehide', () => clearInterval(poll));
  addEventListener('pageshow', startPolling);
  showChannel();
  startPolling();
  root.dataset.ready = 'true';
}
