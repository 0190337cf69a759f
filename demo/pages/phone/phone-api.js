// The demo server's phone routes (demo/server/demo-messenger.mjs). The browser sends channel,
// sender and text only: the server builds and signs the provider's webhook.

export class PhoneError extends Error {}

async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok && !Array.isArray(body.messages))
    throw new PhoneError(body.message ?? `The demo server answered HTTP ${response.status}.`);
  return body;
}

export async function sendFromPhone({ channel, from, text }) {
  const response = await fetch('/demo/phone/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, from, text }),
    cache: 'no-store',
  });
  return answer(response);
}

export async function readChat({ channel, from }) {
  const query = new URLSearchParams({ channel, from });
  return answer(await fetch(`/demo/phone/messages?${query}`, { cache: 'no-store' }));
}
