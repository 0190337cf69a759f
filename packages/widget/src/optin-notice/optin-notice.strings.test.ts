import { describe, expect, it } from 'vitest';
import { noticeStrings } from './optin-notice.strings.js';

describe('noticeStrings', () => {
  it.each([
    ['de', 'Auf diesem Gerät öffnen'],
    ['de-AT', 'Auf diesem Gerät öffnen'],
    ['DE', 'Auf diesem Gerät öffnen'],
    ['en', 'Open on this device'],
    ['fr', 'Open on this device'],
    ['', 'Open on this device'],
    [undefined, 'Open on this device'],
  ])('%s → "%s"', (lang, openHere) => {
    expect(noticeStrings(lang).openHere).toBe(openHere);
  });

  it('names the channel in every channel-specific label, in both languages', () => {
    for (const lang of ['de', 'en']) {
      const s = noticeStrings(lang);
      for (const text of [
        s.open('Signal'),
        s.qrLabel('Signal'),
        s.scan('Signal'),
        s.withdrawConfirm('Signal'),
      ]) {
        expect(text).toContain('Signal');
      }
      expect(s.withdrawText('Signal', 'Stop News Firma')).toContain('Stop News Firma');
    }
  });

  it('has the same keys in German and English', () => {
    expect(Object.keys(noticeStrings('de')).sort()).toEqual(Object.keys(noticeStrings('en')).sort());
  });
});
