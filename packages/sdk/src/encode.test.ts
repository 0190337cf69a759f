import { describe, expect, it } from 'vitest';
import { encodeMailText, encodeText } from './encode.js';

describe('encodeText', () => {
  it.each([
    ['space', 'Start News', 'Start%20News'],
    ['plus is never a space', 'a+b', 'a%2Bb'],
    ['ampersand', 'Müller & Co', 'M%C3%BCller%20%26%20Co'],
    ['hash', '#1', '%231'],
    ['equals and question mark', 'a=b?', 'a%3Db%3F'],
    ['newline', 'a\nb', 'a%0Ab'],
    ['sub-delims encodeURIComponent keeps', "!'()*", '%21%27%28%29%2A'],
    ['unreserved stay as they are', 'Az09-._~', 'Az09-._~'],
    ['emoji with skin tone', '👍🏽', '%F0%9F%91%8D%F0%9F%8F%BD'],
  ])('encodes %s', (_name, input, expected) => {
    expect(encodeText(input)).toBe(expected);
  });

  it('gives the same bytes for NFD and NFC input', () => {
    const nfd = 'Mu\u0308ller';
    const nfc = 'M\u00fcller';
    expect(encodeText(nfd)).toBe(encodeText(nfc));
    expect(encodeText(nfd)).toBe('M%C3%BCller');
  });

  it('uses uppercase hex only', () => {
    expect(encodeText('é')).toBe('%C3%A9');
  });

  it('encodes a lone surrogate as U+FFFD instead of throwing', () => {
    expect(encodeText('a\uD83Db')).toBe('a%EF%BF%BDb');
    expect(encodeText('\uDC4D\uD83D\uD83D\uDC4D')).toBe('%EF%BF%BD%EF%BF%BD%F0%9F%91%8D');
  });
});

describe('encodeMailText', () => {
  it.each([
    ['LF', 'a\nb', 'a%0D%0Ab'],
    ['CR', 'a\rb', 'a%0D%0Ab'],
    ['CRLF stays one break', 'a\r\nb', 'a%0D%0Ab'],
    ['two breaks', 'a\n\nb', 'a%0D%0A%0D%0Ab'],
  ])('writes %s as CRLF (RFC 6068)', (_name, input, expected) => {
    expect(encodeMailText(input)).toBe(expected);
  });
});
