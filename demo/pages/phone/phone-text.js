// Pure helpers of the demo phone (no DOM, no network), tested in e2e/demo/page-logic.spec.ts.

/** The channels the demo phone writes on, with the sender it starts with (editable on the page). */
export const phoneChannels = {
  telegram: { label: 'Telegram', defaultSender: '111111111', senderLabel: 'Your Telegram chat id' },
  whatsapp: { label: 'WhatsApp', defaultSender: '+49 151 12345678', senderLabel: 'Your WhatsApp number' },
  threema: { label: 'Threema (bridge)', defaultSender: 'ABCD1234', senderLabel: 'Your Threema ID' },
  signal: { label: 'Signal (bridge)', defaultSender: '+4915112345678', senderLabel: 'Your Signal number' },
};

/**
 * What the messenger app sends when the visitor follows the widget's link: Telegram's START tap
 * sends `/start <payload>` (the `start` parameter of the t.me link); the other apps send the
 * prefilled message as it is.
 */
export function optinText({ channel, message, href }) {
  if (channel === 'telegram' && typeof href === 'string') {
    try {
      const payload = new URL(href).searchParams.get('start');
      if (payload) return `/start ${payload}`;
    } catch {
      // Not a URL: fall back to the message.
    }
  }
  return typeof message === 'string' ? message : '';
}

/** A stable fingerprint of a chat, so polling re-renders only when something changed. */
export function chatKey(messages) {
  const last = messages.at(-1);
  return `${messages.length}:${last?.id ?? ''}:${last?.webhookStatus ?? ''}`;
}
