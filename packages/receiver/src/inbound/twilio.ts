import { attempt, classifyStatus, readJson } from './send-http.js';
import { safeEqual, twilioSignature, urlVariants } from './signatures.js';
import type { InboundEvent, InboundProvider, ParsedRequest } from './types.js';

/** Whole bodies Twilio treats as an opt-out: it has replied itself and blocks later sends. */
const OPT_OUT_BODIES = new Set([
  'stop',
  'unsubscribe',
  'end',
  'quit',
  'stopall',
  'revoke',
  'optout',
  'cancel',
]);

const formParams = (text: string): Array<[string, string]> => [...new URLSearchParams(text).entries()];

/**
 * Twilio Programmable Messaging (https://www.twilio.com/docs/messaging/guides/webhook-request,
 * https://www.twilio.com/docs/usage/webhooks/webhooks-security). The body is a form; the signature
 * covers the full public URL and the sorted parameters. Webhook Rules' HMAC-SHA256 signatures are
 * not supported and answer 401.
 */
export const twilio: InboundProvider = {
  name: 'twilio',
  path: '/v1/inbound/twilio',
  keyVariable: 'TWILIO_AUTH_TOKEN',

  verify(request, settings) {
    const token = settings.TWILIO_AUTH_TOKEN;
    const signature = request.headers.get('x-twilio-signature') ?? undefined;
    if (token === undefined || request.publicUrl === undefined) return false;
    if (request.headers.has('x-twilio-webhooks-signature-settings')) return false;
    const params = formParams(request.text);
    // Every form is computed, so the time taken does not tell which one matched.
    const matches = urlVariants(request.publicUrl).map((url) =>
      safeEqual(signature, twilioSignature(token, url, params)),
    );
    return matches.includes(true);
  },

  parse(request): ParsedRequest {
    const params = new URLSearchParams(request.text);
    const sid = params.get('MessageSid') ?? params.get('SmsSid');
    const from = params.get('From');
    if (!sid || !from) return { events: [], ignored: ['unparseable'] };
    const body = params.get('Body') ?? '';
    const onWhatsapp = from.startsWith('whatsapp:');
    const channel = onWhatsapp ? 'whatsapp' : 'sms';
    const key = onWhatsapp ? `whatsapp:${from.slice('whatsapp:'.length).replace(/^\+/, '')}` : `sms:${from}`;
    const optOut =
      params.get('OptOutType')?.toUpperCase() === 'STOP' ||
      (channel === 'sms' && OPT_OUT_BODIES.has(body.trim().toLowerCase()));
    const to = params.get('To');
    const event: InboundEvent = {
      provider: 'twilio',
      channel,
      messageId: sid,
      senders: [{ key, address: from }],
      content: optOut ? { kind: 'signal', signal: 'opt_out' } : { kind: 'text', text: body },
      ...(to ? { replyContext: { to } } : {}),
    };
    return { events: [event], ignored: [] };
  },

  okResponse: () =>
    new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', {
      status: 200,
      headers: { 'content-type': 'text/xml' },
    }),

  replies: {
    variables: ['TWILIO_ACCOUNT_SID'],
    apiBaseVariable: 'TWILIO_API_BASE',
    defaultApiBase: 'https://api.twilio.com',
    send: (job) =>
      attempt('twilio messages', async () => {
        if (job.address === undefined) return { status: 'failed', error: 'no_address' };
        const sid = job.settings.TWILIO_ACCOUNT_SID ?? '';
        const basic = Buffer.from(`${sid}:${job.settings.TWILIO_AUTH_TOKEN ?? ''}`).toString('base64');
        const form = new URLSearchParams({ To: job.address, From: job.context['to'] ?? '', Body: job.text });
        const response = await job.fetch(
          `${job.apiBase}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`,
          {
            method: 'POST',
            headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
            signal: AbortSignal.timeout(10_000),
          },
        );
        if (response.ok) return { status: 'sent' };
        const code = (await readJson(response))?.['code'];
        if (code === 21610) return { status: 'failed', error: 'twilio 21610 (recipient opted out)' };
        return classifyStatus(response, `twilio${typeof code === 'number' ? ` (${code})` : ''}`);
      }),
  },
};
