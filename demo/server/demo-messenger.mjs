// The demo's stand-in for the messengers, on the demo server:
//  - POST /demo/phone/messages: the phone panel's "send". The browser sends only channel, sender and
//    text; this module builds the provider's real webhook payload, signs it with the run's secrets
//    and posts it to the receiver's real webhook route. The browser never holds a provider secret.
//  - GET /demo/phone/messages?channel=&from=: the chat as the phone shows it.
//  - /demo/messenger-api/telegram|whatsapp/…: a small fake of the providers' send APIs. The
//    receiver's TELEGRAM_API_BASE / WHATSAPP_API_BASE point here, so its replies land in the chat.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { normalizeSender, phoneChannels, providerRequest } from './provider-payloads.mjs';

const MAX_BODY = 16 * 1024;
const MAX_TEXT = 4096;
/** Memory bounds: the demo runs for hours; a chat keeps its last messages, the oldest chat goes first. */
const MAX_CHATS = 200;
const MAX_MESSAGES = 50;

/** New provider secrets per run: nothing to configure, nothing to leak from an old run. */
export function createMessengerSecrets() {
  const secret = () => randomBytes(24).toString('base64url');
  return {
    TELEGRAM_WEBHOOK_SECRET: secret(),
    TELEGRAM_BOT_TOKEN: `7000000001:${secret()}`,
    WHATSAPP_APP_SECRET: secret(),
    WHATSAPP_VERIFY_TOKEN: secret(),
    WHATSAPP_ACCESS_TOKEN: secret(),
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    INBOUND_TOKEN: randomBytes(32).toString('base64url'),
  };
}

const sameSecret = (given, expected) => {
  const a = Buffer.from(String(given ?? ''));
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function readJson(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, `the body is larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the body is not JSON');
  }
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

/**
 * `baseUrl` is the demo server's own origin (the receiver is mounted there); `origins` the origins
 * whose pages may use the phone. `fetch` and `now` are injectable for tests.
 */
export function createDemoMessenger({
  baseUrl,
  origins,
  secrets = createMessengerSecrets(),
  fetch = globalThis.fetch,
  now = () => new Date(),
}) {
  /** `<channel>:<sender>` → messages, oldest first. A Map keeps insertion order: the oldest chat is first. */
  const chats = new Map();
  let sequence = 0;
  let messageNumber = Date.now(); // Telegram message ids: unique across restarts of the demo.

  function chat(channel, from) {
    const key = `${channel}:${from}`;
    let messages = chats.get(key);
    if (!messages) {
      if (chats.size >= MAX_CHATS) chats.delete(chats.keys().next().value);
      messages = [];
      chats.set(key, messages);
    }
    return messages;
  }

  function append(channel, from, message) {
    const messages = chat(channel, from);
    const entry = { id: ++sequence, at: now().toISOString(), ...message };
    messages.push(entry);
    if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
    return entry;
  }

  function checkSender(channel, fromInput) {
    if (!Object.hasOwn(phoneChannels, channel))
      throw new HttpError(400, `channel must be one of ${Object.keys(phoneChannels).join(', ')}`);
    const from = normalizeSender(channel, fromInput);
    if (!phoneChannels[channel].sender.test(from))
      throw new HttpError(400, `the sender must be ${phoneChannels[channel].senderHint}`);
    return from;
  }

  /** The phone sends: provider payload, signature, POST to the receiver's webhook route. */
  async function phoneSend(body) {
    const channel = String(body?.channel ?? '');
    const from = checkSender(channel, body?.from);
    const text = typeof body?.text === 'string' ? body.text.trim() : '';
    if (text === '' || text.length > MAX_TEXT)
      throw new HttpError(400, `the text must be 1 to ${MAX_TEXT} characters`);
    const ids = {
      messageNumber: ++messageNumber,
      updateId: messageNumber,
      wamid: `wamid.DEMO${randomBytes(12).toString('base64url')}`,
      bridgeId: randomUUID(),
    };
    const sent = providerRequest({ channel, from, text, secrets, ids, now: now() });
    const entry = append(channel, from, { direction: 'sent', text });
    const answer = await fetch(new URL(sent.path, baseUrl), {
      method: 'POST',
      headers: sent.headers,
      body: sent.body,
    });
    entry.webhookStatus = answer.status;
    if (!answer.ok) {
      entry.error = `the receiver answered HTTP ${answer.status}`;
      return {
        status: 502,
        body: { error: 'webhook_refused', message: entry.error, messages: chat(channel, from) },
      };
    }
    // The generic route answers with the reply text; a bridge would send it, so the phone shows it.
    if (sent.path === '/v1/inbound') {
      const result = await answer.json().catch(() => ({}));
      if (typeof result?.reply?.text === 'string')
        append(channel, from, { direction: 'received', text: result.reply.text });
    } else await answer.arrayBuffer();
    return { status: 200, body: { webhookStatus: answer.status, messages: chat(channel, from) } };
  }

  /** Fake Telegram sendMessage: https://core.telegram.org/bots/api#sendmessage */
  function telegramSend(token, body) {
    if (!sameSecret(token, secrets.TELEGRAM_BOT_TOKEN))
      return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    const chatId = String(body?.chat_id ?? '');
    if (!phoneChannels.telegram.sender.test(chatId) || typeof body?.text !== 'string')
      return {
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
      };
    const entry = append('telegram', chatId, { direction: 'received', text: body.text });
    return {
      status: 200,
      body: { ok: true, result: { message_id: entry.id, date: Math.floor(Date.now() / 1000) } },
    };
  }

  /** Fake WhatsApp Cloud API send: POST /{phone_number_id}/messages with a Bearer token. */
  function whatsappSend(phoneNumberId, authorization, body) {
    if (!sameSecret(authorization, `Bearer ${secrets.WHATSAPP_ACCESS_TOKEN}`))
      return {
        status: 401,
        body: { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } },
      };
    const to = String(body?.to ?? '');
    if (
      phoneNumberId !== secrets.WHATSAPP_PHONE_NUMBER_ID ||
      body?.messaging_product !== 'whatsapp' ||
      !phoneChannels.whatsapp.sender.test(to) ||
      typeof body?.text?.body !== 'string'
    )
      return {
        status: 400,
        body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 } },
      };
    append('whatsapp', to, { direction: 'received', text: body.text.body });
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id: `wamid.DEMO${randomBytes(12).toString('base64url')}` }],
      },
    };
  }

  /** Handles `/demo/…` requests; false when the path is not one of them. */
  async function handle(request, response, url) {
    const { pathname } = url;
    try {
      if (pathname === '/demo/phone/messages') {
        // Only the demo's own pages may use the phone: a cross-site form cannot send JSON with an
        // allowed Origin, so no other page can make the receiver record messages.
        const origin = request.headers.origin;
        if (request.method === 'GET') {
          const channel = url.searchParams.get('channel') ?? '';
          const from = checkSender(channel, url.searchParams.get('from'));
          send(response, 200, { messages: chats.get(`${channel}:${from}`) ?? [] });
          return true;
        }
        if (request.method !== 'POST') throw new HttpError(405, 'use GET or POST');
        if (origin === undefined || !origins.includes(origin))
          throw new HttpError(403, 'the demo phone takes messages from the demo pages only');
        if (!/^application\/json\b/.test(request.headers['content-type'] ?? ''))
          throw new HttpError(415, 'send application/json');
        const result = await phoneSend(await readJson(request));
        send(response, result.status, result.body);
        return true;
      }
      const telegram = /^\/demo\/messenger-api\/telegram\/bot([^/]+)\/sendMessage$/.exec(pathname);
      if (telegram && request.method === 'POST') {
        const result = telegramSend(decodeURIComponent(telegram[1]), await readJson(request));
        send(response, result.status, result.body);
        return true;
      }
      const whatsapp = /^\/demo\/messenger-api\/whatsapp\/([^/]+)\/messages$/.exec(pathname);
      if (whatsapp && request.method === 'POST') {
        const result = whatsappSend(whatsapp[1], request.headers.authorization, await readJson(request));
        send(response, result.status, result.body);
        return true;
      }
      if (pathname.startsWith('/demo/')) throw new HttpError(404, `not found: ${pathname}`);
      return false;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      send(response, error.status, { error: 'demo_phone', message: error.message });
      return true;
    }
  }

  return {
    secrets,
    /** The receiver's inbound settings for this run: the secrets, and replies sent to the fakes above. */
    receiverSettings: () => ({
      ...secrets,
      TELEGRAM_API_BASE: new URL('/demo/messenger-api/telegram', baseUrl).href,
      WHATSAPP_API_BASE: new URL('/demo/messenger-api/whatsapp', baseUrl).href,
    }),
    handle,
  };
}
