import { describe, expect, it } from 'vitest';
import { en } from './locales/en.js';
import type { ReplyTexts } from './locales/types.js';
import { replyLocale, replyText } from './replies.js';
import { replyLocales } from './reply-locales.js';

const fill = { company: 'Firma', purpose: undefined, channel: 'email' };

describe('reply texts', () => {
  it('fill the company, the channel by its brand name and the locale word for a missing purpose', () => {
    expect(replyText('confirmation', 'de', fill)).toBe(
      'Danke! Sie erhalten ab jetzt Nachrichten von Firma über E-Mail. Abmelden: jederzeit „Stop“ senden.',
    );
    expect(
      replyText('confirm_request', 'en', { ...fill, purpose: 'News', confirmLink: 'https://x.example/c/1' }),
    ).toBe(
      'Please confirm: do you want to receive News from Firma via E-Mail? Then reply "Yes". Or confirm with this link (valid for 7 days): https://x.example/c/1',
    );
  });

  it('insert values as they are, never as placeholders', () => {
    expect(replyText('withdrawal', 'en', { ...fill, company: '{channel}' })).toBe(
      'You are unsubscribed and will receive no more messages from {channel} via E-Mail.',
    );
  });

  it('pick the locale of the consent’s notice, else the configured one', () => {
    expect(replyLocale('de-AT', 'en')).toBe('de');
    expect(replyLocale('fr', 'de')).toBe('de');
    expect(replyLocale(null, 'en')).toBe('en');
  });

  it('have the same keys in every locale', () => {
    const keys = (texts: ReplyTexts) => [
      ...Object.keys(texts.replies).sort(),
      ...Object.keys(texts.confirmPage).sort(),
    ];
    for (const texts of Object.values(replyLocales)) expect(keys(texts)).toEqual(keys(en));
  });

  it('take a locale added as one file (here a test-only one)', () => {
    const xx: ReplyTexts = {
      ...en,
      purpose: '⟦messages⟧',
      replies: { ...en.replies, confirmation: '⟦{purpose} · {company} · {channel}⟧' },
    };
    expect(replyText('confirmation', xx, { ...fill, channel: 'line' })).toBe('⟦⟦messages⟧ · Firma · LINE⟧');
  });
});
