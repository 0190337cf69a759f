import { describe, expect, it } from 'vitest';
import { linkHref, webHref } from './link-href.js';

describe('linkHref', () => {
  it.each([
    'https://wa.me/491701234567?text=Start',
    'sms:+491701234567?body=Start',
    'mailto:news@firma.de?subject=Start',
    'viber://pa?chatURI=firma&text=Start',
  ])('keeps the deep link %s', (href) => {
    expect(linkHref(href)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,hi',
    'vbscript:msgbox(1)',
    'blob:https://firma.de/1',
    'file:///etc/passwd',
    'intent://scan/#Intent;scheme=zxing;end',
    'not a url',
  ])('refuses %j: only the schemes our channels use become links', (href) => {
    expect(linkHref(href)).toBeNull();
  });

  it('lets only web links through for the privacy policy', () => {
    expect(webHref('https://firma.de/datenschutz')).toBe('https://firma.de/datenschutz');
    expect(webHref('mailto:a@firma.de')).toBeNull();
  });
});
