// What the demo phone sends, shaped as the providers document their webhooks (docs/inbound.md,
// "Payloads"), and signed as they sign them. Pure: no network, no clock of its own.
import { createHmac } from 'node:crypto';

/** The channels the demo phone can write on, and how each reaches the receiver. */
export const phoneChannels = {
  telegram: { route: '/v1/inbound/telegram', sender: /^[1-9]\d{0,14}$/, senderHint: 'a chat id (digits)' },
  whatsapp: {
    route: '/v1/inbound/whatsapp',
    sender: /^\d{6,15}$/,
    senderHint: 'a phone number (digits, e.g. 4915112345678)',
  },
  // Threema and Signal have no webhook of their own: a bridge posts to the generic route.
  threema: {
    route: '/v1/inbound',
    sender: /^[0-9A-Z*][0-9A-Z]{7}$/,
    senderHint: 'a Threema ID (8 characters)',
  },
  signal: { route: '/v1/inbound', sender: /^\+\d{6,15}$/, senderHint: 'a phone number in E.164 (+49…)' },
};

/** The sender as the provider writes it: WhatsApp digits without `+`, Threema IDs uppercase. */
export function normalizeSender(channel, from) {
  const trimmed = String(from ?? '').trim();
  if (channel === 'whatsapp') return trimmed.replace(/[\s+()-]/g, '');
  if (channel === 'signal') return trimmed.replace(/[\s()-]/g, '');
  if (channel === 'threema') return trimmed.toUpperCase();
  return trimmed;
}

const WHATSAPP_BUSINESS_ACCOUNT = '102290129340398';

/**
 * The request the provider would send: `{ path, body, headers }`. `secrets` are the run's provider
 * secrets (the same ones the receiver is configured with); `ids` the message's identifiers.
 * https://core.telegram.org/bots/api#update
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text/
 */
export function providerRequest({ channel, from, text, secrets, ids, now }) {
  const seconds = Math.floor(now.getTime() / 1000);
  switch (channel) {
    case 'telegram': {
      const chatId = Number(from);
      const message = {
        message_id: ids.messageNumber,
        from: { id: chatId, is_bot: false, first_name: 'Demo' },
        chat: { id: chatId, first_name: 'Demo', type: 'private' },
        date: seconds,
        text,
      };
      // Telegram marks a leading command (/start, /stop) as a bot_command entity.
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      if (command) message.entities = [{ offset: 0, length: command[0].length, type: 'bot_command' }];
      const body = JSON.stringify({ update_id: ids.updateId, message });
      return {
        path: phoneChannels.telegram.route,
        body,
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': secrets.TELEGRAM_WEBHOOK_SECRET,
        },
      };
    }
    case 'whatsapp': {
      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: WHATSAPP_BUSINESS_ACCOUNT,
            changes: [
              {
                value: {
                  messaging_product: 'whatsapp',
                  metadata: {
                    display_phone_number: '15550783881',
                    phone_number_id: secrets.WHATSAPP_PHONE_NUMBER_ID,
                  },
                  contacts: [{ profile: { name: 'Demo' }, wa_id: from }],
                  messages: [
                    { from, id: ids.wamid, timestamp: String(seconds), type: 'text', text: { body: text } },
                  ],
                },
                field: 'messages',
              },
            ],
          },
        ],
      });
      return {
        path: phoneChannels.whatsapp.route,
        body,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(body, secrets) },
      };
    }
    case 'threema':
    case 'signal': {
      const body = JSON.stringify({
        channel,
        from,
        text,
        messageId: ids.bridgeId,
        receivedAt: now.toISOString(),
      });
      return {
        path: phoneChannels[channel].route,
        body,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secrets.INBOUND_TOKEN}` },
      };
    }
    default:
      throw new Error(`no demo phone for channel ${channel}`);
  }
}

/** `X-Hub-Signature-256`: lowercase hex HMAC-SHA256 of the exact body bytes with the app secret. */
export function metaSignature(body, secrets) {
  return `sha256=${createHmac('sha256', secrets.WHATSAPP_APP_SECRET).update(body, 'utf8').digest('hex')}`;
}
