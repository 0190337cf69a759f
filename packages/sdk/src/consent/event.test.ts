import { describe, expect, it } from 'vitest';
import { SCHEMA, completeEvent, pageOf } from './event.js';
import { uuid } from '../uuid.js';
import { CONSENT_EVENT_SCHEMA, consentEventSchema } from '../schema/consent-event.js';
import { input } from './test-helpers.js';

describe('completeEvent', () => {
  it('fills schema, id, time, page and widget version into a valid v1 event', () => {
    const event = completeEvent(
      // consent_given carries its evidence (evidenceRules): the notice confirmed, and how.
      input('consent_given', {
        ref: 'K7Q2',
        action: 'button',
        notice: { id: 'whatsapp.en.v1', locale: 'en', version: '1', sha256: 'a'.repeat(64) },
      }),
      uuid(),
      Date.UTC(2026, 0, 2, 3, 4, 5),
      '1.2.3',
    );
    expect(SCHEMA).toBe(CONSENT_EVENT_SCHEMA);
    expect(event).toMatchObject({
      schema: CONSENT_EVENT_SCHEMA,
      occurredAt: '2026-01-02T03:04:05.000Z',
      widget: { version: '1.2.3' },
      page: { origin: 'https://shop.example', path: '/news' },
    });
    expect(consentEventSchema.safeParse(event).success).toBe(true);
  });

  it.each([
    ['notice_shown', {}, ['notice', 'text']],
    [
      'notice_shown',
      { notice: { id: 'x', locale: 'en', version: '1', sha256: 'a'.repeat(64) } },
      ['notice', 'text'],
    ],
    ['consent_given', { action: 'button' }, ['notice']],
    ['withdrawal_requested', {}, ['notice']],
  ] as const)('refuses a %s without the evidence its type needs', (type, extra, path) => {
    const event = completeEvent(input(type, extra), uuid(), Date.UTC(2026, 0, 2), '1.2.3');
    const result = consentEventSchema.safeParse(event);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it('never keeps a query string or fragment in the page path', () => {
    expect(pageOf({ origin: 'https://a.example', path: '/x?email=a@b.c#top' })).toEqual({
      origin: 'https://a.example',
      path: '/x',
    });
    expect(pageOf(undefined, { origin: 'https://b.example', pathname: '/shop' })).toEqual({
      origin: 'https://b.example',
      path: '/shop',
    });
  });
});
