import { describe, expect, it } from 'vitest';
import { composeMessage, createRef, REF_ALPHABET } from './message.js';

describe('composeMessage', () => {
  it('joins keyword, company and reference code with one space', () => {
    expect(composeMessage({ keyword: 'Start News', company: 'Firma', ref: 'K7Q2' })).toBe(
      'Start News Firma K7Q2',
    );
  });

  it('fills {purpose} into the keyword: "Start {purpose}" reads "Start News"', () => {
    expect(
      composeMessage({ keyword: 'Start {purpose}', purpose: 'News', company: 'Firma', ref: 'K7Q2X9' }),
    ).toBe('Start News Firma K7Q2X9');
    expect(composeMessage({ keyword: 'Stop {purpose}', purpose: 'News', company: 'Firma' })).toBe(
      'Stop News Firma',
    );
  });

  it('trims each part and leaves out empty ones', () => {
    expect(composeMessage({ keyword: '  Start ', company: ' Firma GmbH  ' })).toBe('Start Firma GmbH');
    expect(composeMessage({ keyword: 'Stop', company: 'Firma', ref: '' })).toBe('Stop Firma');
    expect(composeMessage({ keyword: 'Stop', company: 'Firma', ref: undefined })).toBe('Stop Firma');
  });

  it('normalizes to NFC', () => {
    const message = composeMessage({ keyword: 'Start', company: 'Mu\u0308ller' });
    expect(message).toBe('Start M\u00fcller');
    expect(message).toHaveLength(12);
  });
});

describe('createRef', () => {
  it('uses Crockford base32 without I, L, O, U', () => {
    expect(REF_ALPHABET).toHaveLength(32);
    expect(REF_ALPHABET).not.toMatch(/[ILOU]/);
    expect(new Set(REF_ALPHABET).size).toBe(32);
  });

  it.each([4, 5, 6, 7, 8])('makes %i characters from that alphabet', (length) => {
    for (let i = 0; i < 200; i++)
      expect(createRef(length)).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${length}}$`));
  });

  it('has 6 characters by default: 32^6 ≈ 10^9 codes, where 4 collided on ~38 % of days at 1,000 a day', () => {
    expect(createRef()).toHaveLength(6);
  });

  it('maps random bytes onto the alphabet through their low five bits', () => {
    const bytes = [0, 31, 32 + 18, 255];
    const ref = createRef(4, (buffer) => {
      buffer.set(bytes);
      return buffer;
    });
    expect(ref).toBe('0ZJZ');
  });

  it('draws from crypto.getRandomValues: 500 codes are (almost) all different', () => {
    const codes = new Set(Array.from({ length: 500 }, () => createRef(6)));
    expect(codes.size).toBeGreaterThan(495);
  });

  it.each([3, 9, 4.5, Number.NaN])('refuses length %s', (length) => {
    expect(() => createRef(length)).toThrowError(RangeError);
  });
});
