import { createHash, randomUUID } from 'node:crypto';

export const SITE = 'https://shop.example';
export const NOTICE_TEXT =
  'Firma sends you News on WhatsApp. Your number is processed by Firma and by WhatsApp (Meta). Send "Stop News Firma" to end it.';
export const NOTICE_SHA = createHash('sha256').update(NOTICE_TEXT, 'utf8').digest('hex');

/** A valid consent event (schema v1); every call has a new eventId. */
export function makeEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'messenger-optin/consent-event@1',
    eventId: randomUUID(),
    consentId: randomUUID(),
    type: 'consent_given',
    channel: 'whatsapp',
    ref: 'K7Q2',
    message: 'Start News Firma K7Q2',
    occurredAt: '2026-11-28T01:00:00.000Z',
    sentAt: '2026-11-28T01:00:01.000Z',
    attempt: 1,
    notice: { id: 'whatsapp.en.v1', locale: 'en', version: 'v1', sha256: NOTICE_SHA },
    action: 'button',
    page: { origin: SITE, path: '/newsletter' },
    widget: { version: '0.1.0' },
    purpose: 'News',
    ...overrides,
  };
}

/** The events of one flow: notice shown (with the text to archive), consent, link opened. */
export function makeFlow(overrides: Record<string, unknown> = {}): Array<Record<string, unknown>> {
  const consentId = randomUUID();
  return [
    makeEvent({
      consentId,
      type: 'notice_shown',
      notice: { id: 'whatsapp.en.v1', locale: 'en', version: 'v1', sha256: NOTICE_SHA, text: NOTICE_TEXT },
      ...overrides,
    }),
    makeEvent({ consentId, type: 'consent_given', ...overrides }),
    makeEvent({ consentId, type: 'link_opened', ...overrides }),
  ];
}

export const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
