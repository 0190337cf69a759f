import { describe, expect, it } from 'vitest';
import { headingCase } from './heading-case.js';

describe('headingCase', () => {
  it.each([
    ['news and offers from Firma via Signal', 'en', 'News and offers from Firma via Signal'],
    ['News von Firma über WhatsApp', 'de', 'News von Firma über WhatsApp'],
    ['ärger-frei: Angebote von Firma', 'de', 'Ärger-frei: Angebote von Firma'],
    ['eBay deals from Firma via WhatsApp', 'en', 'eBay deals from Firma via WhatsApp'],
    ['iPhone news from Firma via Telegram', 'en', 'iPhone news from Firma via Telegram'],
    ['„news“ from Firma', 'en', '„news“ from Firma'],
    ['', 'en', ''],
  ])('%j (%s) → %j', (heading, locale, expected) => {
    expect(headingCase(heading, locale)).toBe(expected);
  });
});
