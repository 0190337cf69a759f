import { epoch, obj, parseObject, str } from './read.js';
import { attempt, jsonPost, readJson } from './send-http.js';
import { safeEqual, viberSignature } from './signatures.js';
import type { InboundContent, InboundEvent, InboundProvider, ParsedRequest } from './types.js';

/**
 * Viber REST bot API (https://developers.viber.com/docs/api/rest-bot-api/). message_token is a
 * 64-bit JSON number: JSON.parse would round 4912661846655238145 and 4912661846655238146 to one
 * value, so it is read from the raw text.
 */
export const viber: InboundProvider = {
  name: 'viber',
  path: '/v1/inbound/viber',
  keyVariable: 'VIBER_AUTH_TOKEN',

  verify: (request, settings) =>
    settings.VIBER_AUTH_TOKEN !== undefined &&
    safeEqual(
      request.headers.get('x-viber-content-signature') ?? undefined,
      viberSignature(settings.VIBER_AUTH_TOKEN, request.bytes),
    ),

  parse(request): ParsedRequest {
    const body = parseObject(request.text);
    if (!body) return { events: [], ignored: ['unparseable'] };
    const event = str(body['event']);
    const token = messageToken(request.text);
    let senderId: string | undefined;
    let content: InboundContent | undefined;
    if (event === 'message') {
      senderId = str(obj(body['sender'])?.['id']);
      const message = obj(body['message']);
      const text = str(message?.['text']);
      if (str(message?.['type']) !== 'text' || text === undefined)
        return { events: [], ignored: ['unsupported_event'] };
      content = { kind: 'text', text };
    } else if (event === 'conversation_started') {
      senderId = str(obj(body['user'])?.['id']);
      const context = str(body['context']);
      if (context === undefined || context === '') return { events: [], ignored: ['unsupported_event'] };
      content = { kind: 'payload', payload: context, trigger: 'opened' };
    } else if (event === 'unsubscribed') {
      senderId = str(body['user_id']);
      content = { kind: 'signal', signal: 'unsubscribed' };
    } else if (event === 'delivered' || event === 'seen' || event === 'failed') {
      return { events: [], ignored: ['status_update'] };
    } else {
      // "webhook" (the set_webhook check), "subscribed", "client_status", …: 200, nothing stored.
      return { events: [], ignored: ['unsupported_event'] };
    }
    if (senderId === undefined || token === undefined) return { events: [], ignored: ['unparseable'] };
    const parsed: InboundEvent = {
      provider: 'viber',
      channel: 'viber',
      messageId: token,
      senders: [{ key: `viber:${senderId}`, address: senderId }],
      content,
    };
    const at = epoch(body['timestamp'], 'milliseconds');
    if (at) parsed.providerTime = at;
    return { events: [parsed], ignored: [] };
  },

  replies: {
    variables: ['VIBER_AUTH_TOKEN'],
    apiBaseVariable: 'VIBER_API_BASE',
    defaultApiBase: 'https://chatapi.viber.com',
    send: (job) =>
      attempt('viber send_message', async () => {
        if (job.address === undefined) return { status: 'failed', error: 'no_address' };
        const response = await job.fetch(
          `${job.apiBase}/pa/send_message`,
          jsonPost(
            {
              receiver: job.address,
              min_api_version: 1,
              sender: { name: job.company.slice(0, 28) },
              type: 'text',
              text: job.text,
            },
            { 'x-viber-auth-token': job.settings.VIBER_AUTH_TOKEN ?? '' },
          ),
        );
        if (response.status === 429 || response.status >= 500)
          return { status: 'retry', error: `viber answered ${response.status}` };
        const body = await readJson(response);
        const status = body?.['status'];
        if (response.ok && status === 0) return { status: 'sent' };
        if (status === 12) return { status: 'retry', error: 'viber status 12 (tooManyRequests)' };
        if (status === 6) return { status: 'failed', error: 'viber status 6 (receiverNotSubscribed)' };
        return { status: 'failed', error: `viber answered ${response.status}, status ${String(status)}` };
      }),
  },
};

/** The top-level message_token exactly as written (digits), or undefined. */
export function messageToken(raw: string): string | undefined {
  const match = /"message_token"\s*:\s*(-?\d+)/.exec(raw);
  return match?.[1];
}
