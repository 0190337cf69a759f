import { describe, expect, it } from 'vitest';
import { uiLocale, uiStrings } from './strings.js';

describe('UI strings', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE_ch', 'de'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('lang %s uses the %s strings', (lang, locale) => {
    expect(uiLocale(lang)).toBe(locale);
  });

  it('has the spec headlines', () => {
    expect(uiStrings('de').headline).toBe('Newsletter per Messenger');
    expect(uiStrings('en').headline).toBe('Newsletter via messenger');
  });

  it('takes string overrides only', () => {
    const strings = uiStrings('en', { headline: 'Deals on WhatsApp', unsubscribe: 42, close: ' ' });
    expect(strings.headline).toBe('Deals on WhatsApp');
    expect(strings.unsubscribe).toBe('Unsubscribe');
    expect(strings.close).toBe('Close');
  });
});
