import { arr, epoch, obj, parseObject, str } from './read.js';
import { attempt, classifyStatus, jsonPost, readJson } from './send-http.js';
import { lineSignature, safeEqual } from './signatures.js';
import type { IgnoredReason, InboundEvent, InboundProvider, ParsedRequest } from './types.js';

/** A reply token is valid for a short time after receipt; after this, push instead. */
const REPLY_TOKEN_MS = 50_000;

/**
 * LINE Messaging API (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects).
 * webhookEventId is the dedupe key: a redelivery keeps it. `unfollow` means the user blocked the
 * account. An empty `events` is the console's URL check.
 */
export const line: InboundProvider = {
  name: 'line',
  path: '/v1/inbound/line',
  keyVariable: 'LINE_CHANNEL_SECRET',

  verify: (request, settings) =>
    settings.LINE_CHANNEL_SECRET !== undefined &&
    safeEqual(
      request.headers.get('x-line-signature') ?? undefined,
      lineSignature(settings.LINE_CHANNEL_SECRET, request.bytes),
    ),

  parse(request): ParsedRequest {
    const body = parseObject(request.text);
    if (!body || !Array.isArray(body['events'])) return { events: [], ignored: ['unparseable'] };
    const events: InboundEvent[] = [];
    const ignored: IgnoredReason[] = [];
    for (const item of arr(body['events'])) {
      const event = obj(item);
      const source = obj(event?.['source']);
      const eventId = str(event?.['webhookEventId']);
      if (!event || !source || eventId === undefined) {
        ignored.push('unparseable');
        continue;
      }
      if (str(source['type']) !== 'user') {
        ignored.push('group_chat');
        continue;
      }
      const userId = str(source['userId']);
      const type = str(event['type']);
      const message = obj(event['message']);
      const text = str(message?.['text']);
      if (userId === undefined) ignored.push('unparseable');
      else if (
        type === 'unfollow' ||
        (type === 'message' && str(message?.['type']) === 'text' && text !== undefined)
      ) {
        const at = epoch(event['timestamp'], 'milliseconds');
        const replyToken = str(event['replyToken']);
        const parsed: InboundEvent = {
          provider: 'line',
          channel: 'line',
          messageId: eventId,
          senders: [{ key: `line:${userId}`, address: userId }],
          content:
            type === 'unfollow' ? { kind: 'signal', signal: 'unfollow' } : { kind: 'text', text: text ?? '' },
        };
        if (at) parsed.providerTime = at;
        if (replyToken !== undefined && at)
          parsed.replyContext = {
            replyToken,
            replyBy: new Date(at.getTime() + REPLY_TOKEN_MS).toISOString(),
          };
        events.push(parsed);
      } else ignored.push('unsupported_event');
    }
    return { events, ignored };
  },

  replies: {
    variables: ['LINE_CHANNEL_ACCESS_TOKEN'],
    apiBaseVariable: 'LINE_API_BASE',
    defaultApiBase: 'https://api.line.me',
    send: (job) =>
      attempt('line message', async () => {
        const auth = { authorization: `Bearer ${job.settings.LINE_CHANNEL_ACCESS_TOKEN ?? ''}` };
        const messages = [{ type: 'text', text: job.text }];
        const replyToken = job.context['replyToken'];
        const replyBy = Date.parse(job.context['replyBy'] ?? '');
        // A reply token is single-use: only the first attempt may spend it.
        if (replyToken !== undefined && job.attempts === 0 && job.now.getTime() < replyBy) {
          const response = await job.fetch(
            `${job.apiBase}/v2/bot/message/reply`,
            jsonPost({ replyToken, messages }, auth),
          );
          if (response.ok) return { status: 'sent' };
          const body = await readJson(response);
          if (!(response.status === 400 && /reply token/i.test(String(body?.['message'])))) {
            return classifyStatus(response, 'line reply');
          }
        }
        if (job.address === undefined) return { status: 'failed', error: 'no_address' };
        const response = await job.fetch(
          `${job.apiBase}/v2/bot/message/push`,
          jsonPost({ to: job.address, messages }, { ...auth, 'x-line-retry-key': job.id }),
        );
        // 409: a push with this retry key was accepted before (an earlier attempt timed out).
        if (response.status === 409) return { status: 'sent' };
        return classifyStatus(response, 'line push');
      }),
  },
};
