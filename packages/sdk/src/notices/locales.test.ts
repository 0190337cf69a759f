import { describe, expect, it } from 'vitest';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { loadNoticeLocale, noticeLocales, resolveNoticeLocale } from './locales.js';

describe('notice locales', () => {
  it('ships German and English', () => {
    expect([...noticeLocales].sort()).toEqual(['de', 'en']);
  });

  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['DE', 'de'],
    [' en-GB ', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
    ['constructor', 'en'],
  ])('resolves %j to %s', (lang, expected) => {
    expect(resolveNoticeLocale(lang)).toBe(expected);
  });

  it('loads the templates of the resolved locale', async () => {
    expect(await loadNoticeLocale('de-DE')).toBe(de);
    expect(await loadNoticeLocale('pt-BR')).toBe(en);
  });

  it.each(noticeLocales)('the %s file declares its own locale and a version', async (locale) => {
    const templates = await loadNoticeLocale(locale);
    expect(templates.locale).toBe(locale);
    expect(templates.version).toMatch(/^[1-9][0-9]*$/);
  });

  it.each(noticeLocales)(
    'the %s file has every dialog text, naming the channel where it should',
    async (locale) => {
      const { dialog } = await loadNoticeLocale(locale);
      expect(Object.keys(dialog).sort()).toEqual(Object.keys(en.dialog).sort());
      for (const key of ['open', 'qrLabel', 'scan', 'withdrawConfirm', 'withdrawTitle', 'sendThis'] as const)
        expect(dialog[key]).toContain('{channel}');
      expect(dialog.withdrawText).toContain('{message}');
    },
  );
});
