import type { InboundSettings } from './config.js';

/**
 * `receiver webhook telegram|viber`: the registration calls those two providers need (the others
 * are set up in their consoles; see the receiver README). Returns what the provider answered.
 */
export async function registerWebhook(
  provider: 'telegram' | 'viber',
  settings: InboundSettings,
  doFetch: typeof fetch = fetch,
): Promise<{ ok: boolean; status: number; body: unknown; url: string }> {
  const publicUrl = settings.RECEIVER_PUBLIC_URL?.replace(/\/+$/, '');
  if (!publicUrl)
    throw new Error('set RECEIVER_PUBLIC_URL (e.g. https://consent.firma.de): the provider calls that URL');
  const url = `${publicUrl}/v1/inbound/${provider}`;
  let response: Response;
  if (provider === 'telegram') {
    const token = settings.TELEGRAM_BOT_TOKEN;
    const secret = settings.TELEGRAM_WEBHOOK_SECRET;
    if (!token || !secret) throw new Error('set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET first');
    const base = (settings.TELEGRAM_API_BASE ?? 'https://api.telegram.org').replace(/\/+$/, '');
    response = await doFetch(`${base}/bot${token}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url, secret_token: secret, allowed_updates: ['message', 'my_chat_member'] }),
    });
  } else {
    const token = settings.VIBER_AUTH_TOKEN;
    if (!token) throw new Error('set VIBER_AUTH_TOKEN first');
    const base = (settings.VIBER_API_BASE ?? 'https://chatapi.viber.com').replace(/\/+$/, '');
    // No event_types: Viber then sends every event, including unsubscribed and conversation_started.
    response = await doFetch(`${base}/pa/set_webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-viber-auth-token': token },
      body: JSON.stringify({ url }),
    });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  const ok =
    response.ok &&
    (provider === 'telegram'
      ? (body as { ok?: unknown }).ok === true
      : (body as { status?: unknown }).status === 0);
  return { ok, status: response.status, body, url };
}
