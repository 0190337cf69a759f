import { describe, expect, it } from 'vitest';
import { matchLocale } from './locale-match.js';

describe('matchLocale', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE', 'de'],
    [' de_CH ', 'de'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['deu', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ])('%j → %s', (tag, locale) => {
    expect(matchLocale(tag, ['de', 'en'], 'en')).toBe(locale);
  });

  it('falls back to the fallback, whichever it is', () => {
    expect(matchLocale('fr', ['de', 'en'], 'de')).toBe('de');
  });
});
