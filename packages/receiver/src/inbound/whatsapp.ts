import { graphErrorCode, isThrottle, verifyHubSignature } from './meta-signature.js';
import { arr, epoch, id, obj, parseObject, str } from './read.js';
import { attempt, classifyStatus, jsonPost, readJson, retryAfterMs } from './send-http.js';
import type { IgnoredReason, InboundEvent, InboundProvider, InboundSender, ParsedRequest } from './types.js';

/**
 * WhatsApp Cloud API webhooks
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text/).
 * The sender is `from` (wa_id, digits) and, since April 2026, the BSUID (`from_user_id` /
 * `contacts[].user_id`); `from` can be missing for users with a username.
 */
export const whatsapp: InboundProvider = {
  name: 'whatsapp',
  path: '/v1/inbound/whatsapp',
  keyVariable: 'WHATSAPP_APP_SECRET',
  handshakeVariable: 'WHATSAPP_VERIFY_TOKEN',

  verify: (request, settings) => verifyHubSignature(request, settings.WHATSAPP_APP_SECRET),

  parse(request, settings): ParsedRequest {
    const body = parseObject(request.text);
    if (!body || str(body['object']) !== 'whatsapp_business_account' || !Array.isArray(body['entry']))
      return { events: [], ignored: [body ? 'unsupported_event' : 'unparseable'] };
    const events: InboundEvent[] = [];
    const ignored: IgnoredReason[] = [];
    for (const entry of arr(body['entry'])) {
      for (const change of arr(obj(entry)?.['changes'])) {
        const value = obj(obj(change)?.['value']);
        if (!value) {
          ignored.push('unparseable');
          continue;
        }
        const phoneNumberId = id(obj(value['metadata'])?.['phone_number_id']);
        if (
          settings.WHATSAPP_PHONE_NUMBER_ID !== undefined &&
          phoneNumberId !== settings.WHATSAPP_PHONE_NUMBER_ID
        ) {
          ignored.push('other_account');
          continue;
        }
        const context = phoneNumberId === undefined ? undefined : { phoneNumberId };
        const contacts = arr(value['contacts']).map(obj);
        for (const status of arr(value['statuses'])) if (status) ignored.push('status_update');
        for (const item of arr(value['messages'])) {
          const message = obj(item);
          const messageId = str(message?.['id']);
          if (!message || messageId === undefined) {
            ignored.push('unparseable');
            continue;
          }
          if (message['group_id'] !== undefined) {
            ignored.push('group_chat');
            continue;
          }
          const from = id(message['from']);
          const contact = contacts.find((item) => item && (from === undefined || id(item['wa_id']) === from));
          const senders = whatsappSenders(from, str(message['from_user_id']) ?? str(contact?.['user_id']));
          const text = messageText(message);
          if (senders.length === 0) ignored.push('unparseable');
          else if (text === undefined) ignored.push('unsupported_event');
          else {
            const event: InboundEvent = {
              provider: 'whatsapp',
              channel: 'whatsapp',
              messageId,
              senders,
              content: { kind: 'text', text },
              ...(context ? { replyContext: context } : {}),
            };
            const at = epoch(message['timestamp'], 'seconds');
            if (at) event.providerTime = at;
            events.push(event);
          }
        }
        for (const item of arr(value['user_preferences'])) {
          const preference = obj(item);
          const waId = id(preference?.['wa_id']);
          if (!preference || str(preference['category']) !== 'marketing_messages' || waId === undefined) {
            ignored.push('unsupported_event');
            continue;
          }
          // `resume` never re-subscribes: only the person's own opt-in message does.
          if (str(preference['value']) !== 'stop') {
            ignored.push('no_intent');
            continue;
          }
          const event: InboundEvent = {
            provider: 'whatsapp',
            channel: 'whatsapp',
            messageId: `user_preferences:${waId}:${id(preference['timestamp']) ?? ''}`,
            senders: whatsappSenders(waId, str(preference['user_id'])),
            content: { kind: 'signal', signal: 'marketing_messages_stop' },
          };
          const at = epoch(preference['timestamp'], 'seconds');
          if (at) event.providerTime = at;
          events.push(event);
        }
      }
    }
    if (events.length === 0 && ignored.length === 0) ignored.push('unsupported_event');
    return { events, ignored };
  },

  replies: {
    variables: ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID'],
    apiBaseVariable: 'WHATSAPP_API_BASE',
    defaultApiBase: 'https://graph.facebook.com/v25.0',
    windowHours: 24,
    send: (job) =>
      attempt('whatsapp messages', async () => {
        // Sending to a user known only by BSUID is not documented yet (unverified): no address.
        if (job.address === undefined) return { status: 'failed', error: 'no_address' };
        const phoneNumberId = job.context['phoneNumberId'] ?? job.settings.WHATSAPP_PHONE_NUMBER_ID ?? '';
        const response = await job.fetch(
          `${job.apiBase}/${phoneNumberId}/messages`,
          jsonPost(
            {
              messaging_product: 'whatsapp',
              recipient_type: 'individual',
              to: job.address,
              type: 'text',
              text: { body: job.text },
            },
            { authorization: `Bearer ${job.settings.WHATSAPP_ACCESS_TOKEN ?? ''}` },
          ),
        );
        if (response.ok) return { status: 'sent' };
        const code = graphErrorCode(await readJson(response));
        if (code === 131047) return { status: 'dropped', error: 'window_closed' };
        if (isThrottle(code)) {
          const after = retryAfterMs(response);
          const error = `whatsapp throttled (${code})`;
          return after === undefined
            ? { status: 'retry', error }
            : { status: 'retry', error, retryAfterMs: after };
        }
        return classifyStatus(response, `whatsapp${code === undefined ? '' : ` (${code})`}`);
      }),
  },
};

/** wa_id as `whatsapp:<digits>` (replies go there), the BSUID as a second key. */
export function whatsappSenders(waId: string | undefined, bsuid: string | undefined): InboundSender[] {
  const senders: InboundSender[] = [];
  if (waId !== undefined) {
    const digits = waId.replace(/^\+/, '');
    senders.push({ key: `whatsapp:${digits}`, address: digits });
  }
  if (bsuid !== undefined && bsuid !== '') senders.push({ key: `whatsapp:bsuid:${bsuid}` });
  return senders;
}

/** The words of a text message or a quick-reply button; other types carry none we read. */
function messageText(message: Record<string, unknown>): string | undefined {
  const type = str(message['type']);
  if (type === 'text') return str(obj(message['text'])?.['body']);
  if (type === 'button') return str(obj(message['button'])?.['text']);
  return undefined;
}
