import { epoch, id, obj, parseObject, str } from './read.js';
import { attempt, classifyStatus, jsonPost, readJson, retryAfterMs } from './send-http.js';
import { safeEqual } from './signatures.js';
import type { InboundEvent, InboundProvider, ParsedRequest } from './types.js';

/**
 * Telegram Bot API (https://core.telegram.org/bots/api#update). Telegram does not sign: it sends
 * the secret_token given to setWebhook in X-Telegram-Bot-Api-Secret-Token. A START tap sends
 * `/start <payload>`; blocking the bot sends my_chat_member with status "kicked".
 */
export const telegram: InboundProvider = {
  name: 'telegram',
  path: '/v1/inbound/telegram',
  keyVariable: 'TELEGRAM_WEBHOOK_SECRET',

  verify: (request, settings) =>
    safeEqual(
      request.headers.get('x-telegram-bot-api-secret-token') ?? undefined,
      settings.TELEGRAM_WEBHOOK_SECRET ?? '',
    ),

  parse(request): ParsedRequest {
    const update = parseObject(request.text);
    if (!update) return { events: [], ignored: ['unparseable'] };
    const updateId = id(update['update_id']);
    const message = obj(update['message']);
    const member = obj(update['my_chat_member']);
    const chat = obj((message ?? member)?.['chat']);
    const chatId = id(chat?.['id']);
    if ((!message && !member) || !chat || chatId === undefined)
      return { events: [], ignored: [message || member ? 'unparseable' : 'unsupported_event'] };
    if (str(chat['type']) !== 'private') return { events: [], ignored: ['group_chat'] };
    const base = {
      provider: 'telegram',
      channel: 'telegram',
      ...(updateId !== undefined ? { updateId } : {}),
      senders: [{ key: `telegram:${chatId}`, address: chatId }],
    };
    if (message) {
      const text = str(message['text']);
      const messageId = id(message['message_id']);
      if (messageId === undefined) return { events: [], ignored: ['unparseable'] };
      if (text === undefined) return { events: [], ignored: ['unsupported_event'] };
      const event: InboundEvent = {
        ...base,
        messageId: `${chatId}:${messageId}`,
        content: { kind: 'text', text },
      };
      const at = epoch(message['date'], 'seconds');
      if (at) event.providerTime = at;
      return { events: [event], ignored: [] };
    }
    const status = str(obj(member?.['new_chat_member'])?.['status']);
    if (status !== 'kicked') return { events: [], ignored: ['unsupported_event'] };
    const date = id(member?.['date']);
    const event: InboundEvent = {
      ...base,
      messageId: `mcm:${chatId}:${date ?? updateId ?? ''}`,
      content: { kind: 'signal', signal: 'kicked' },
    };
    const at = epoch(member?.['date'], 'seconds');
    if (at) event.providerTime = at;
    return { events: [event], ignored: [] };
  },

  replies: {
    variables: ['TELEGRAM_BOT_TOKEN'],
    apiBaseVariable: 'TELEGRAM_API_BASE',
    defaultApiBase: 'https://api.telegram.org',
    send: (job) =>
      attempt('telegram sendMessage', async () => {
        if (job.address === undefined) return { status: 'failed', error: 'no_address' };
        const response = await job.fetch(
          `${job.apiBase}/bot${job.settings.TELEGRAM_BOT_TOKEN ?? ''}/sendMessage`,
          jsonPost({ chat_id: Number(job.address), text: job.text }),
        );
        if (response.status === 403) return { status: 'failed', error: 'blocked: telegram answered 403' };
        if (response.status === 429) {
          // Telegram says how long to wait in the body, not in a header.
          const body = await readJson(response);
          const seconds = Number(obj(body?.['parameters'])?.['retry_after'] ?? Number.NaN);
          const after = Number.isFinite(seconds) ? seconds * 1000 : retryAfterMs(response);
          return {
            status: 'retry',
            error: 'telegram answered 429',
            ...(after === undefined ? {} : { retryAfterMs: after }),
          };
        }
        return classifyStatus(response, 'telegram');
      }),
  },
};
