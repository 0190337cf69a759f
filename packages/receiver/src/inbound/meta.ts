import { graphErrorCode, isThrottle, verifyHubSignature } from './meta-signature.js';
import { arr, epoch, id, obj, parseObject, str } from './read.js';
import { attempt, classifyStatus, jsonPost, readJson, retryAfterMs } from './send-http.js';
import type { IgnoredReason, InboundContent, InboundEvent, InboundProvider, ParsedRequest } from './types.js';

/**
 * Messenger Platform and Instagram Messaging
 * (https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/).
 * A Get Started or Icebreaker tap carries `postback.referral.ref`; a link into an existing thread
 * sends a bare `referral` (the chat was opened, nothing was sent yet).
 */
export const meta: InboundProvider = {
  name: 'meta',
  path: '/v1/inbound/meta',
  keyVariable: 'META_APP_SECRET',
  handshakeVariable: 'META_VERIFY_TOKEN',

  verify: (request, settings) => verifyHubSignature(request, settings.META_APP_SECRET),

  parse(request): ParsedRequest {
    const body = parseObject(request.text);
    if (!body) return { events: [], ignored: ['unparseable'] };
    const object = str(body['object']);
    const channel = object === 'page' ? 'messenger' : object === 'instagram' ? 'instagram' : undefined;
    if (!channel) return { events: [], ignored: ['unsupported_event'] };
    const events: InboundEvent[] = [];
    const ignored: IgnoredReason[] = [];
    for (const entry of arr(body['entry'])) {
      for (const item of arr(obj(entry)?.['messaging'])) {
        const messaging = obj(item);
        const senderId = id(obj(messaging?.['sender'])?.['id']);
        if (!messaging || senderId === undefined) {
          ignored.push('unparseable');
          continue;
        }
        const read = readMessaging(messaging, senderId);
        if ('ignored' in read) {
          ignored.push(read.ignored);
          continue;
        }
        const event: InboundEvent = {
          provider: 'meta',
          channel,
          messageId: read.messageId,
          senders: [{ key: `${channel}:${senderId}`, address: senderId }],
          content: read.content,
        };
        const at = epoch(messaging['timestamp'], 'milliseconds');
        if (at) event.providerTime = at;
        events.push(event);
      }
    }
    if (events.length === 0 && ignored.length === 0) ignored.push('unsupported_event');
    return { events, ignored };
  },

  replies: {
    variables: ['META_PAGE_ACCESS_TOKEN'],
    apiBaseVariable: 'META_API_BASE',
    defaultApiBase: 'https://graph.facebook.com/v25.0',
    windowHours: 24,
    send: (job) =>
      attempt('meta send api', async () => {
        if (job.address === undefined) return { status: 'failed', error: 'no_address' };
        const token = encodeURIComponent(job.settings.META_PAGE_ACCESS_TOKEN ?? '');
        const response = await job.fetch(
          `${job.apiBase}/me/messages?access_token=${token}`,
          jsonPost({
            recipient: { id: job.address },
            messaging_type: 'RESPONSE',
            message: { text: job.text },
          }),
        );
        if (response.ok) return { status: 'sent' };
        const code = graphErrorCode(await readJson(response));
        if (isThrottle(code)) {
          const after = retryAfterMs(response);
          const error = `meta throttled (${code})`;
          return after === undefined
            ? { status: 'retry', error }
            : { status: 'retry', error, retryAfterMs: after };
        }
        return classifyStatus(response, `meta${code === undefined ? '' : ` (${code})`}`);
      }),
  },
};

function readMessaging(
  messaging: Record<string, unknown>,
  senderId: string,
): { messageId: string; content: InboundContent } | { ignored: IgnoredReason } {
  const message = obj(messaging['message']);
  if (message) {
    if (message['is_echo'] === true) return { ignored: 'echo' };
    const mid = str(message['mid']);
    const text = str(message['text']);
    if (mid === undefined) return { ignored: 'unparseable' };
    return text === undefined
      ? { ignored: 'unsupported_event' }
      : { messageId: mid, content: { kind: 'text', text } };
  }
  const postback = obj(messaging['postback']);
  if (postback) {
    const mid = str(postback['mid']);
    const ref = str(obj(postback['referral'])?.['ref']);
    if (mid === undefined) return { ignored: 'unparseable' };
    // A postback without a ref (a menu tap) says nothing about a consent.
    return ref === undefined
      ? { ignored: 'unsupported_event' }
      : { messageId: mid, content: { kind: 'payload', payload: ref, trigger: 'postback' } };
  }
  const timestamp = id(messaging['timestamp']) ?? '';
  const referral = obj(messaging['referral']);
  if (referral) {
    const ref = str(referral['ref']);
    return ref === undefined
      ? { ignored: 'unsupported_event' }
      : {
          messageId: `ref:${senderId}:${timestamp}`,
          content: { kind: 'payload', payload: ref, trigger: 'opened' },
        };
  }
  const optin = obj(messaging['optin']);
  if (optin && str(optin['notification_messages_status']) === 'STOP NOTIFICATIONS')
    return {
      messageId: `optin:${senderId}:${timestamp}`,
      content: { kind: 'signal', signal: 'stop_notifications' },
    };
  if (messaging['read'] !== undefined || messaging['delivery'] !== undefined)
    return { ignored: 'status_update' };
  return { ignored: 'unsupported_event' };
}
